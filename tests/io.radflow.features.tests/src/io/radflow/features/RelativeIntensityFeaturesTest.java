package io.radflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Relative intensity on a 10 x 10 x 2 image whose reference and ROI values are known. */
class RelativeIntensityFeaturesTest {

    private static final ImageGeometry GRID = ImageGeometry.of(10, 10, 2, new double[3], new double[] {1, 1, 1});

    @Test
    void fractionsAgainstReferencePercentiles() {
        // slice 0: the reference holds 1..100; slice 1: the ROI holds 0, 1, ..., 99 plus 1000 in the last voxel
        double[] v = new double[200];
        boolean[] reference = new boolean[200];
        boolean[] roi = new boolean[200];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
            reference[i] = true;
            v[100 + i] = i == 99 ? 1000 : i;
            roi[100 + i] = true;
        }
        Image3D image = new Image3D(GRID, v);
        FeatureValues f = new RelativeIntensityFeatures(List.of(90.0, 50.0))
                .compute(image, new Mask(GRID, roi), new Mask(GRID, reference));
        // numpy P90 of 1..100 = 1 + 0.9 * 99 = 90.1: ROI values 91..98 and 1000 lie above (9 of 100), 0..90 below
        assertEquals(0.09, f.get("FractionAboveReferenceP90"), 1e-12);
        assertEquals(0.91, f.get("FractionBelowReferenceP90"), 1e-12);
        // P50 = 50.5: 51..98 and 1000 above (49), 0..50 below (51)
        assertEquals(0.49, f.get("FractionAboveReferenceP50"), 1e-12);
        assertEquals(0.51, f.get("FractionBelowReferenceP50"), 1e-12);
        double roiMean = (98 * 99 / 2.0 + 1000) / 100;
        assertEquals(roiMean - 50.5, f.get("MeanDifference"), 1e-12);
        assertEquals(roiMean / 50.5, f.get("MeanRatio"), 1e-12);
        assertEquals(new RelativeIntensityFeatures(List.of(90.0, 50.0)).names(), f.names());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RelativeIntensityFeatures(List.of(101.0)));
        assertThrows(IllegalArgumentException.class, () -> new RelativeIntensityFeatures(List.of()));
        Image3D zeros = new Image3D(GRID, new double[200]);
        boolean[] some = new boolean[200];
        some[0] = true;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RelativeIntensityFeatures(
                List.of(50.0)).compute(zeros, new Mask(GRID, some), new Mask(GRID, some)));
        assertEquals("the reference region's mean intensity is 0: MeanRatio is undefined", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RelativeIntensityFeatures(List.of(50.0))
                .compute(zeros, new Mask(GRID, some), new Mask(GRID, new boolean[200])), "empty reference");
    }
}
