package io.radflow.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.List;

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
        FeatureSettings s = FeatureSettings.defaults().withBinCount(5);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 11}, Discretisation.binEdges(values, s), 1e-12);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, Discretisation.discretise(values, s));
        // a flat region gets numpy's [v - 0.5, v + 0.5] range
        assertArrayEquals(new int[] {1, 1}, Discretisation.discretise(new double[] {3, 3},
                FeatureSettings.defaults().withBinCount(1)));
    }

    /** IBSI-1 section 2.7: FBS from the resegmentation lower bound, FBN with the maximum in the last bin. */
    @Test
    void ibsiConventionDiscretisation() {
        double[] values = {-500, -476, -475, -1, 0, 399.9, 400};
        FeatureSettings ibsi = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi")
                .with(FeatureSettings.RESEGMENT_RANGE, "[-500, 400]");
        assertArrayEquals(new int[] {1, 1, 2, 20, 21, 36, 37}, Discretisation.discretise(values, ibsi));
        // FBN 4 over [-500, 400]: width 225, the maximum goes to bin 4
        assertArrayEquals(new int[] {1, 1, 1, 3, 3, 4, 4}, Discretisation.discretise(values, ibsi.withBinCount(4)));
        assertThrows(IllegalArgumentException.class, () -> Discretisation.discretise(new double[] {-501}, ibsi));
    }

    @Test
    void settingsAreConvertedAndValidated() {
        assertEquals(List.of(-500.0, 400.0), FeatureSettings.defaults()
                .with(FeatureSettings.RESEGMENT_RANGE, "[-500, 400]").get(FeatureSettings.RESEGMENT_RANGE));
        assertEquals(32, FeatureSettings.defaults().with(FeatureSettings.BIN_COUNT, "32").binCount().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> FeatureSettings.defaults().with(FeatureSettings.BIN_COUNT, "3.5"));
        assertThrows(IllegalArgumentException.class, () -> FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ITK"));
        assertTrue(FeatureSettings.defaults().binCount().isEmpty(), "binCount is absent by default");
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
