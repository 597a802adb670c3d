package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.texture.Directions.Direction;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Directions, the examples of PyRadiomics' documentation, weighting and symmetry identities, and bad input. */
class GlcmGlrlmPropertiesTest {

    /** PyRadiomics' docstring: 13 angles in 3D for distance 1, 49 for distance 2 (98-connectivity). */
    @Test
    void directionCounts() {
        assertEquals(13, Directions.threeD().size());
        assertEquals(49, Directions.of(List.of(2), -1).size());
        assertEquals(62, Directions.of(List.of(1, 2), -1).size());
        for (int dimension = 0; dimension < 3; dimension++) {
            int axis = Directions.axisOfForce2Ddimension(dimension);
            List<Direction> inPlane = Directions.inPlane(axis);
            assertEquals(4, inPlane.size());
            inPlane.forEach(d -> assertEquals(0, d.along(axis), d + " stays in plane"));
        }
        assertEquals(new Direction(1, 1, 1), Directions.threeD().get(0), "PyRadiomics' first angle (1, 1, 1)");
        assertEquals(new Direction(1, 0, 0), Directions.threeD().get(12), "PyRadiomics' last angle (0, 0, 1) in zyx");
    }

    /** The 5 x 5 example image of PyRadiomics' glcm.py docstring. */
    private static final int[] GLCM_EXAMPLE = {
        1, 2, 5, 2, 3,
        3, 2, 1, 3, 1,
        1, 3, 5, 5, 2,
        1, 1, 1, 1, 2,
        1, 2, 4, 3, 5};

    /** Its symmetric GLCM for distance 1 and angle 0 (left and right neighbours), from the same docstring. */
    private static final double[] GLCM_EXAMPLE_P = {
        6, 4, 3, 0, 0,
        4, 0, 2, 1, 3,
        3, 2, 0, 1, 2,
        0, 1, 1, 0, 0,
        0, 3, 2, 0, 2};

    /** The 5 x 5 example image of PyRadiomics' glrlm.py docstring and its GLRLM for angle 0. */
    private static final int[] GLRLM_EXAMPLE = {
        5, 2, 5, 4, 4,
        3, 3, 3, 1, 3,
        2, 1, 1, 1, 3,
        4, 2, 2, 2, 3,
        3, 5, 3, 3, 2};

    private static final double[] GLRLM_EXAMPLE_P = {
        1, 0, 1, 0, 0,
        3, 0, 1, 0, 0,
        4, 1, 1, 0, 0,
        1, 1, 0, 0, 0,
        3, 0, 0, 0, 0};

    private static final FeatureSettings FORCE_2D = FeatureSettings.defaults().with(GlcmFeatures.FORCE_2D, true);

    @Test
    void pyradiomicsDocstringGlcmExample() {
        GreyLevelVolume image = GreyLevelVolume.of(5, 5, 1, new double[] {1, 1, 1}, GLCM_EXAMPLE);
        GlcmMatrices m = GlcmFeatures.matrices(image, FORCE_2D);
        int k = labelIndex(m.count(), m::label, "direction (1, 0, 0)");
        double total = 0;
        for (double v : GLCM_EXAMPLE_P) {
            total += v;
        }
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(GLCM_EXAMPLE_P[i * 5 + j] / total, m.get(k, i, j), 1e-15, "P(" + (i + 1) + "," + (j + 1) + ")");
            }
        }
    }

    @Test
    void pyradiomicsDocstringGlrlmExample() {
        GreyLevelVolume image = GreyLevelVolume.of(5, 5, 1, new double[] {1, 1, 1}, GLRLM_EXAMPLE);
        GlrlmMatrices m = GlrlmFeatures.matrices(image, FORCE_2D);
        int k = labelIndex(m.count(), m::label, "direction (1, 0, 0)");
        int[] runLengths = m.runLengths();
        for (int i = 0; i < 5; i++) {
            for (int r = 0; r < runLengths.length; r++) {
                assertEquals(GLRLM_EXAMPLE_P[i * 5 + runLengths[r] - 1], m.get(k, i, r), 0.0,
                        "P(" + (i + 1) + "," + runLengths[r] + ")");
            }
        }
    }

    private static int labelIndex(int count, java.util.function.IntFunction<String> label, String wanted) {
        for (int k = 0; k < count; k++) {
            if (label.apply(k).equals(wanted)) {
                return k;
            }
        }
        throw new AssertionError("no matrix labelled " + wanted);
    }

    /** The symmetric GLCM is the mean of the asymmetric one and its transpose; the asymmetric one is not symmetric. */
    @Test
    void symmetricGlcmIsTheMeanOfTheMatrixAndItsTranspose() throws IOException {
        FeatureSettings settings = FeatureSettings.defaults().withBinCount(8);
        GreyLevelVolume volume = GreyLevelVolume.of(GlcmGlrlmTestData.pyradiomicsRoi("breast1", settings), settings);
        GlcmMatrices symmetric = GlcmFeatures.matrices(volume, settings);
        GlcmMatrices asymmetric = GlcmFeatures.matrices(volume, settings.with(GlcmFeatures.SYMMETRICAL_GLCM, false));
        int n = symmetric.greyLevels().length;
        boolean someAsymmetry = false;
        for (int k = 0; k < symmetric.count(); k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double mean = (asymmetric.get(k, i, j) + asymmetric.get(k, j, i)) / 2;
                    assertEquals(mean, symmetric.get(k, i, j), 1e-15);
                    someAsymmetry |= asymmetric.get(k, i, j) != asymmetric.get(k, j, i);
                }
            }
        }
        assertTrue(someAsymmetry, "one-directional counts are not symmetric");
    }

    /**
     * Weighted GLRLM: the merged matrix is the sum of the directional ones weighted by the direction's length
     * in mm under the norm (PyRadiomics glrlm.py), here on brain1's anisotropic grid.
     */
    @Test
    void glrlmWeightingSumsDirectionsWeightedByLength() throws IOException {
        FeatureSettings settings = FeatureSettings.defaults();
        Roi roi = GlcmGlrlmTestData.pyradiomicsRoi("brain1", settings);
        GreyLevelVolume volume = GreyLevelVolume.of(roi, settings);
        GlrlmMatrices perDirection = GlrlmFeatures.matrices(volume, settings);
        double[] spacing = volume.spacing();
        for (String norm : new String[] {"manhattan", "euclidean", "infinity"}) {
            GlrlmMatrices merged = GlrlmFeatures.matrices(volume, settings.with(GlrlmFeatures.WEIGHTING_NORM, norm));
            assertEquals(1, merged.count());
            double[] expected = new double[merged.matrix(0).length];
            List<Direction> directions = Directions.threeD();
            int nr = merged.runLengths().length;
            assertEquals(nr, perDirection.runLengths().length);
            for (int k = 0; k < perDirection.count(); k++) {
                double w = directions.get(k).length(spacing, norm);
                double[] m = perDirection.matrix(k);
                for (int e = 0; e < m.length; e++) {
                    expected[e] += w * m[e];
                }
            }
            double[] actual = merged.matrix(0);
            for (int e = 0; e < expected.length; e++) {
                assertEquals(expected[e], actual[e], 1e-9 * Math.max(1, expected[e]), norm + " entry " + e);
            }
        }
    }

    /**
     * On an isotropic grid every direction has the same infinity-norm length, so the weighted, normalised GLCM
     * equals the unweighted sum (PyRadiomics' no_weighting).
     */
    @Test
    void glcmInfinityWeightingOnIsotropicGridEqualsNoWeighting() throws IOException {
        Roi roi = GlcmGlrlmTestData.digitalPhantom();
        FeatureSettings settings = GlcmGlrlmTestData.digitalPhantomSettings();
        FeatureValues none = new GlcmFeatures().compute(roi, settings.with(GlcmFeatures.WEIGHTING_NORM, "no_weighting"));
        FeatureValues infinity = new GlcmFeatures().compute(roi, settings.with(GlcmFeatures.WEIGHTING_NORM, "infinity"));
        for (String name : none.names()) {
            assertEquals(none.get(name), infinity.get(name), 1e-12 * Math.max(1, Math.abs(none.get(name))), name);
        }
        FeatureValues merged = new GlcmFeatures().compute(roi, settings.with(TextureAggregation.SETTING, "3D, merged"));
        assertEquals(none.get("JointEntropy"), merged.get("JointEntropy"), 1e-12, "no_weighting is IBSI's 3D merged");
    }

    @Test
    void badSettingsAndRoisAreRejectedWithReasons() throws IOException {
        Roi roi = GlcmGlrlmTestData.digitalPhantom();
        FeatureSettings settings = GlcmGlrlmTestData.digitalPhantomSettings();
        IllegalArgumentException norm = assertThrows(IllegalArgumentException.class,
                () -> new GlcmFeatures().compute(roi, settings.with(GlcmFeatures.WEIGHTING_NORM, "chebyshev")));
        assertTrue(norm.getMessage().contains("weightingNorm 'chebyshev'"), norm.getMessage());
        IllegalArgumentException aggregation = assertThrows(IllegalArgumentException.class,
                () -> new GlrlmFeatures().compute(roi, settings.with(TextureAggregation.SETTING, "2.5D")));
        assertTrue(aggregation.getMessage().contains("families without directions"), aggregation.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> new GlcmFeatures().compute(roi, settings.with(TextureAggregation.SETTING, "3D, merged")
                        .with(GlcmFeatures.WEIGHTING_NORM, "euclidean")));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new GlcmFeatures().compute(roi, settings, List.of("Energy")));
        assertTrue(unknown.getMessage().contains("Unknown GLCM feature 'Energy'"), unknown.getMessage());
        GreyLevelVolume single = GreyLevelVolume.of(3, 3, 3, new double[] {1, 1, 1},
                new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        IllegalArgumentException lonely = assertThrows(IllegalArgumentException.class,
                () -> GlcmFeatures.matrices(single, FeatureSettings.defaults()));
        assertTrue(lonely.getMessage().contains("no neighbouring voxel pair"), lonely.getMessage());
    }

    /** Deprecated GLCM features equal the features PyRadiomics says they duplicate. */
    @Test
    void deprecatedGlcmFeaturesEqualTheirTwins() throws IOException {
        FeatureValues v = new GlcmFeatures().compute(GlcmGlrlmTestData.digitalPhantom(),
                GlcmGlrlmTestData.digitalPhantomSettings(), List.of("DifferenceAverage", "Dissimilarity", "Id",
                        "Homogeneity1", "Idm", "Homogeneity2", "ClusterTendency", "SumVariance", "JointAverage",
                        "SumAverage"));
        assertEquals(v.get("DifferenceAverage"), v.get("Dissimilarity"), 0.0);
        assertEquals(v.get("Id"), v.get("Homogeneity1"), 0.0);
        assertEquals(v.get("Idm"), v.get("Homogeneity2"), 0.0);
        assertEquals(v.get("ClusterTendency"), v.get("SumVariance"), 1e-12);
        assertEquals(2 * v.get("JointAverage"), v.get("SumAverage"), 1e-12, "symmetric GLCM");
    }
}
