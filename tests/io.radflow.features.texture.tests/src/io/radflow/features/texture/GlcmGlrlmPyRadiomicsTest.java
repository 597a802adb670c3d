package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GLCM and GLRLM against PyRadiomics' baselines (features of brain1 and breast1 in the default, 2D, FBN,
 * combined and flat-region configurations, 3 % relative) and matrices (.npy, 1e-3 absolute).
 */
class GlcmGlrlmPyRadiomicsTest {

    /** The baseline columns that need only what this branch has (the others need preprocessing, issue 4). */
    private static final List<String> COLUMNS = List.of("brain1", "brain1_2d", "brain1_FBN", "brain1_combined",
            "brain1_flatRegion", "breast1", "breast1_2d", "breast1_FBN", "breast1_combined", "breast1_flatRegion");

    @AfterAll
    static void writeReport() {
        GlcmGlrlmTestData.REPORT.write();
    }

    @ParameterizedTest
    @ValueSource(strings = {"glcm", "glrlm"})
    void baselineFeatures(String key) throws IOException {
        FeatureFamily family = key.equals(GlcmFeatures.KEY) ? new GlcmFeatures() : new GlrlmFeatures();
        Map<String, Map<String, String>> baseline = ReferenceData.baseline(key);
        String prefix = FeatureValues.key("original", key, "");
        Set<String> baselineNames = new TreeSet<>();
        for (String row : baseline.keySet()) {
            if (row.startsWith(prefix)) {
                baselineNames.add(row.substring(prefix.length()));
            }
        }
        Set<String> featureNames = new TreeSet<>();
        for (FeatureDefinition d : family.features()) {
            if (!d.deprecated()) {
                featureNames.add(d.name());
            }
        }
        assertEquals(featureNames, baselineNames, "every non-deprecated feature has a baseline and vice versa");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String column : COLUMNS) {
            FeatureSettings settings = GlcmGlrlmTestData.baselineSettings(family, baseline, column);
            String testCase = baseline.get("diagnostics_Configuration_TestCase").get(column);
            Roi roi = GlcmGlrlmTestData.pyradiomicsRoi(testCase, settings);
            FeatureValues values = family.compute(roi, settings);
            assertEquals(featureNames, new TreeSet<>(values.names()), "compute returns the non-deprecated features");
            for (String name : baselineNames) {
                double reference = Double.parseDouble(baseline.get(prefix + name).get(column));
                FeatureDefinition d = family.features().stream().filter(f -> f.name().equals(name)).findFirst().get();
                if (!GlcmGlrlmTestData.REPORT.addRelative("PyRadiomics " + column, key, name, d.ibsiId(),
                        values.get(name), reference, 0.03)) {
                    failures.add(column + " " + name + ": " + values.get(name) + " vs " + reference);
                }
                compared++;
            }
        }
        assertEquals(COLUMNS.size() * baselineNames.size(), compared);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
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
