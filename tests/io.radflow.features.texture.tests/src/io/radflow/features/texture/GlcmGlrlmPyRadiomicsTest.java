package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureSettings;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GLCM and GLRLM matrices against PyRadiomics' {@code .npy} baselines (1e-3 absolute); rows go to
 * {@code conformance-texture-matrices}. The feature values are compared in {@link FeatureConformanceTest}.
 */
class GlcmGlrlmPyRadiomicsTest {

    @AfterAll
    static void writeReport() {
        GlcmGlrlmTestData.REPORT.write();
    }

    /**
     * PyRadiomics' GLCM baselines: {@code (N_g, N_g, 13)}, normalised per direction, over the grey levels present,
     * directions in PyRadiomics' order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"brain1", "breast1"})
    void glcmMatricesMatchPyRadiomics(String testCase) throws IOException {
        GlcmGlrlmTestData.NpyArray expected = GlcmGlrlmTestData.readNpy(
                ReferenceData.file("pyradiomics/baseline/" + testCase + "_glcm.npy"));
        FeatureSettings settings = GlcmGlrlmTestData.baselineSettings(new GlcmFeatures(),
                ReferenceData.baseline(GlcmFeatures.KEY), testCase);
        GlcmMatrices actual = GlcmFeatures.matrices(
                GreyLevelVolume.of(GlcmGlrlmTestData.pyradiomicsRoi(testCase, settings), settings), settings);
        int ng = actual.greyLevels().length;
        assertArrayEquals(new int[] {ng, ng, actual.count()}, expected.shape(), "shape (Ng, Ng, directions)");
        double maxDifference = 0;
        for (int a = 0; a < actual.count(); a++) {
            for (int i = 0; i < ng; i++) {
                for (int j = 0; j < ng; j++) {
                    maxDifference = Math.max(maxDifference, Math.abs(actual.get(a, i, j) - expected.get(i, j, a)));
                }
            }
        }
        GlcmGlrlmTestData.REPORT.add("PyRadiomics " + testCase, "glcm", "matrix (max |difference|)", "",
                maxDifference, 0, "abs 0.001", maxDifference < 1e-3, expected.data().length + " entries");
        assertTrue(maxDifference < 1e-3, "max difference " + maxDifference);
    }

    /** PyRadiomics' GLRLM baselines: {@code (N_g, N_r, 13)} run counts, run lengths that never occur removed. */
    @ParameterizedTest
    @ValueSource(strings = {"brain1", "breast1"})
    void glrlmMatricesMatchPyRadiomics(String testCase) throws IOException {
        GlcmGlrlmTestData.NpyArray expected = GlcmGlrlmTestData.readNpy(
                ReferenceData.file("pyradiomics/baseline/" + testCase + "_glrlm.npy"));
        FeatureSettings settings = GlcmGlrlmTestData.baselineSettings(new GlrlmFeatures(),
                ReferenceData.baseline(GlrlmFeatures.KEY), testCase);
        GlrlmMatrices actual = GlrlmFeatures.matrices(
                GreyLevelVolume.of(GlcmGlrlmTestData.pyradiomicsRoi(testCase, settings), settings), settings);
        int ng = actual.greyLevels().length;
        int nr = actual.runLengths().length;
        assertArrayEquals(new int[] {ng, nr, actual.count()}, expected.shape(), "shape (Ng, Nr, directions)");
        double maxDifference = 0;
        for (int a = 0; a < actual.count(); a++) {
            for (int i = 0; i < ng; i++) {
                for (int j = 0; j < nr; j++) {
                    maxDifference = Math.max(maxDifference, Math.abs(actual.get(a, i, j) - expected.get(i, j, a)));
                }
            }
        }
        GlcmGlrlmTestData.REPORT.add("PyRadiomics " + testCase, "glrlm", "matrix (max |difference|)", "",
                maxDifference, 0, "abs 0.001", maxDifference < 1e-3, expected.data().length + " entries");
        assertTrue(maxDifference < 1e-3, "max difference " + maxDifference);
    }
}
