package io.radflow.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * PyRadiomics' bin rules, checked against the README formula floor(x/W) - floor(min/W) + 1 and numpy's
 * histogram edges.
 */
class DiscretisationTest {

    @Test
    void fixedWidthBinsAreAlignedToMultiplesOfTheWidth() {
        double[] values = {-1000, -26, -25, -24.9, 0, 24.99, 25, 400.5, 723};
        FeatureSettings s = FeatureSettings.defaults();
        int[] bins = Discretisation.discretise(values, s);
        double w = s.binWidth();
        for (int i = 0; i < values.length; i++) {
            int readme = (int) (Math.floor(values[i] / w) - Math.floor(-1000 / w) + 1);
            assertEquals(readme, bins[i], "value " + values[i]);
        }
        double[] edges = Discretisation.binEdges(values, s);
        assertEquals(-1000, edges[0], 0.0);
        assertEquals(0, edges[0] % w, 0.0);
    }

    @Test
    void fixedBinCountUsesNumpyHistogramEdges() {
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10};
        FeatureSettings s = new FeatureSettings(25, OptionalInt.of(5), 0, 1);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 11}, Discretisation.binEdges(values, s), 1e-12);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, Discretisation.discretise(values, s));
        // a flat region gets numpy's [v - 0.5, v + 0.5] range
        assertArrayEquals(new int[] {1, 1}, Discretisation.discretise(new double[] {3, 3},
                new FeatureSettings(25, OptionalInt.of(1), 0, 1)));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> FeatureSettings.defaults().withBinWidth(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureSettings.defaults().withBinCount(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureSettings.defaults().withLabel(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureSettings.defaults().withVoxelArrayShift(Double.NaN));
    }

    @Test
    void keysFollowPyRadiomics() {
        assertEquals("original_firstorder_Energy", FeatureValues.key("original", FirstOrderFeatures.KEY, "Energy"));
    }
}
