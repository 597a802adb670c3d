package io.radflow.image.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Resegmentation and normalisation against hand-computed values. */
class PreprocessTest {

    private static final ImageGeometry G = ImageGeometry.of(6, 1, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
    private static final Image3D IMAGE = new Image3D(G, new double[] {-600, -100, 0, 50, 300, 1200});
    private static final Mask ALL_BUT_LAST = new Mask(G, new boolean[] {true, true, true, true, true, false});

    @Test
    void absoluteRangeOneAndTwoSided() {
        Resegmentation.Result closed = Resegmentation.resegment(IMAGE, ALL_BUT_LAST, List.of(400.0, -500.0),
                Resegmentation.Mode.ABSOLUTE);
        assertEquals(4, closed.intensity().count());
        assertArrayEquals(new double[] {-100, 0, 50, 300}, closed.intensity().valuesOf(IMAGE), 0.0);
        assertSame(ALL_BUT_LAST, closed.morphological());
        assertEquals(-500, closed.lower(), 0.0);
        assertEquals(400, closed.upper(), 0.0);
        Resegmentation.Result open = Resegmentation.resegment(IMAGE, ALL_BUT_LAST, List.of(0.0),
                Resegmentation.Mode.ABSOLUTE);
        assertArrayEquals(new double[] {0, 50, 300}, open.intensity().valuesOf(IMAGE), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, open.upper(), 0.0);
    }

    /** ROI {-600, -100, 0, 50, 300}: mean -70, population sd sqrt(87600) = 295.97; [-1, 1] sd keeps {-100, 0, 50}. */
    @Test
    void sigmaAndRelativeModes() {
        Resegmentation.Result sigma = Resegmentation.resegment(IMAGE, ALL_BUT_LAST, List.of(-1.0, 1.0),
                Resegmentation.Mode.SIGMA);
        double sd = Math.sqrt((530.0 * 530 + 30 * 30 + 70 * 70 + 120 * 120 + 370 * 370) / 5);
        assertEquals(-70 - sd, sigma.lower(), 1e-9);
        assertEquals(-70 + sd, sigma.upper(), 1e-9);
        assertArrayEquals(new double[] {-100, 0, 50}, sigma.intensity().valuesOf(IMAGE), 0.0);
        // relative to the ROI maximum 300: [0.1, 1] -> [30, 300]
        Resegmentation.Result relative = Resegmentation.resegment(IMAGE, ALL_BUT_LAST, List.of(0.1, 1.0),
                Resegmentation.Mode.RELATIVE);
        assertArrayEquals(new double[] {50, 300}, relative.intensity().valuesOf(IMAGE), 0.0);
        // combined: range then sigma of the remaining voxels
        Resegmentation.Result both = Resegmentation.resegment(IMAGE, ALL_BUT_LAST, List.of(-500.0, 400.0),
                Resegmentation.Mode.ABSOLUTE).then(IMAGE, List.of(-1.0, 1.0), Resegmentation.Mode.SIGMA);
        assertSame(ALL_BUT_LAST, both.morphological());
        assertArrayEquals(new double[] {0, 50}, both.intensity().valuesOf(IMAGE), 0.0);
        assertEquals(Resegmentation.Mode.SIGMA, Resegmentation.Mode.parse("sigma"));
    }

    @Test
    void resegmentationErrors() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> Resegmentation.resegment(IMAGE, ALL_BUT_LAST, List.of(250.0), Resegmentation.Mode.ABSOLUTE));
        assertTrue(tooFew.getMessage().contains("kept 1 of 5"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Resegmentation.resegment(IMAGE, ALL_BUT_LAST, List.of(1.0, 2.0, 3.0), Resegmentation.Mode.ABSOLUTE));
        assertThrows(IllegalArgumentException.class, () -> Resegmentation.resegment(IMAGE,
                new Mask(G, new boolean[6]), List.of(0.0), Resegmentation.Mode.ABSOLUTE));
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> Resegmentation.Mode.parse("percent"));
        assertTrue(mode.getMessage().contains("absolute, relative, sigma"), mode.getMessage());
    }

    /** {1..5}: mean 3, sample sd sqrt(2.5); scale 100; clipping at 1 sd. */
    @Test
    void zScoreWithScaleAndOutliers() {
        ImageGeometry g = ImageGeometry.of(5, 1, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        Image3D image = new Image3D(g, new double[] {1, 2, 3, 4, 5});
        double sd = Math.sqrt(2.5);
        assertArrayEquals(new double[] {-200 / sd, -100 / sd, 0, 100 / sd, 200 / sd},
                IntensityNormalisation.zScore(image, 100, null).voxels(), 1e-12);
        assertArrayEquals(new double[] {-1, -1 / sd, 0, 1 / sd, 1},
                IntensityNormalisation.zScore(image, 1, 1.0).voxels(), 1e-12);
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> IntensityNormalisation.zScore(new Image3D(g, new double[] {2, 2, 2, 2, 2}), 1, null));
        assertTrue(constant.getMessage().contains("constant"), constant.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntensityNormalisation.zScore(image, 0, null));
        assertThrows(IllegalArgumentException.class, () -> IntensityNormalisation.zScore(image, 1, -3.0));
    }
}
