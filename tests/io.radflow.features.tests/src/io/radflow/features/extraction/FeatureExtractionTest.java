package io.radflow.features.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.features.IbsiStatistics;
import io.radflow.image.Image3D;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PyRadiomics parameter files in and out, and extraction driven by them against PyRadiomics baselines. */
class FeatureExtractionTest {

    private static final List<FeatureFamily> FAMILIES = List.of(new FirstOrderFeatures(), new IbsiStatistics());

    @TempDir
    Path dir;

    /** The example Params.yaml of PyRadiomics reads with its sections, and survives a write and re-read. */
    @Test
    void pyradiomicsParamsFileRoundTrips() throws IOException {
        ExtractionParameters p = ExtractionParameters.read(ReferenceData.file("pyradiomics/Params.yaml"));
        assertEquals(List.of("Original"), List.copyOf(p.imageTypes().keySet()));
        assertEquals(25, ((Number) p.settings().get("binWidth")).intValue());
        assertEquals("sitkBSpline", p.settings().get("interpolator"));
        assertTrue(!p.settings().containsKey("resampledPixelSpacing"), "a key without value is not set");
        assertEquals(List.of(), p.featureClasses().get("shape"), "no value enables all features");
        List<String> glcm = p.featureClasses().get("glcm");
        assertEquals(22, glcm.size());
        assertTrue(!glcm.contains("SumAverage"), "the example disables SumAverage by listing the others");
        Path copy = dir.resolve("copy.yaml");
        p.write(copy);
        assertEquals(p, ExtractionParameters.read(copy));
    }

    @Test
    void badParameterFilesNameTheFileAndKey() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "settings:\n  binWidth: 25\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtractionParameters.read(bad));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("'settings'"), e.getMessage());
        Files.writeString(bad, "featureClass:\n  firstorder: Mean\n");
        e = assertThrows(IllegalArgumentException.class, () -> ExtractionParameters.read(bad));
        assertTrue(e.getMessage().contains("featureClass.firstorder"), e.getMessage());
    }

    @Test
    void extractorRejectsWhatItCannotHonour() {
        assertError("featureClass 'glcmx'", Map.of("glcmx", List.of()), Map.of(), Map.of("Original", Map.of()));
        assertError("no feature 'Meann'", Map.of("firstorder", List.of("Meann")), Map.of(), Map.of("Original", Map.of()));
        assertError("setting 'binWidht' is unknown", Map.of(), Map.of("binWidht", 5), Map.of("Original", Map.of()));
        assertError("setting interpolator", Map.of(), Map.of("resampledPixelSpacing", List.of(1, 1, 1),
                "interpolator", "sitkGaussian"), Map.of("Original", Map.of()));
        assertError("resampledPixelSpacing needs 3 values", Map.of(), Map.of("resampledPixelSpacing", List.of(1, 1)),
                Map.of("Original", Map.of()));
        assertError("unknown resegmentMode 'sigmas'", Map.of(), Map.of("resegmentRange", List.of(-3, 3),
                "resegmentMode", "sigmas"), Map.of("Original", Map.of()));
        assertError("removeOutliers must be positive", Map.of(), Map.of("normalize", true, "removeOutliers", -1),
                Map.of("Original", Map.of()));
        assertError("imageType 'Wavelett'", Map.of(), Map.of(), Map.of("Wavelett", Map.of()));
        assertError("binWidth must be positive", Map.of(), Map.of("binWidth", -1), Map.of("Original", Map.of()));
    }

    private static void assertError(String expected, Map<String, List<String>> classes, Map<String, Object> settings,
            Map<String, Map<String, Object>> imageTypes) {
        ExtractionParameters p = new ExtractionParameters(imageTypes, classes, settings, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(FAMILIES, p, null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /**
     * The interpolated and resegmented diagnostics PyRadiomics writes: the interpolated ROI holds as many 2 mm voxels
     * as PyRadiomics' shape VoxelVolume (baseline_shape.csv) says, and the ROI mean, minimum and maximum after
     * each step are PyRadiomics' first-order Mean, Minimum and Maximum of that column.
     */
    @ParameterizedTest
    @ValueSource(strings = {"brain1", "breast1"})
    void interpolatedAndResegmentedDiagnostics(String testCase) throws IOException {
        Map<String, Map<String, String>> firstOrder = ReferenceData.baseline("firstorder");
        Map<String, Map<String, String>> shape = ReferenceData.baseline("shape");
        String column = testCase + "_resampling";
        Map<String, String> d = extract(firstOrder, column).diagnostics();
        assertEquals("(2.0, 2.0, 2.0)", d.get("diagnostics_Image-interpolated_Spacing"));
        assertEquals("(2.0, 2.0, 2.0)", d.get("diagnostics_Mask-interpolated_Spacing"));
        assertEquals(d.get("diagnostics_Image-interpolated_Size"), d.get("diagnostics_Mask-interpolated_Size"));
        double voxelVolume = Double.parseDouble(shape.get("original_shape_VoxelVolume").get(column));
        assertEquals(voxelVolume / 8, Double.parseDouble(d.get("diagnostics_Mask-interpolated_VoxelNum")), 1e-9);
        assertRoiStatistics(firstOrder, column, d, "interpolated");
        assertTrue(!d.containsKey("diagnostics_Mask-resegmented_VoxelNum"), "no resegmentation in " + column);

        column = testCase + "_resegmentation";
        d = extract(firstOrder, column).diagnostics();
        assertTrue(!d.containsKey("diagnostics_Image-interpolated_Size"), "no resampling in " + column);
        assertRoiStatistics(firstOrder, column, d, "resegmented");
    }

    private static void assertRoiStatistics(Map<String, Map<String, String>> firstOrder, String column,
            Map<String, String> diagnostics, String stage) {
        for (String statistic : List.of("Mean", "Minimum", "Maximum")) {
            double reference = Double.parseDouble(firstOrder.get("original_firstorder_" + statistic).get(column));
            double value = Double.parseDouble(diagnostics.get("diagnostics_Mask-" + stage + "_" + statistic));
            assertEquals(reference, value, 1e-9 * Math.abs(reference), column + " " + stage + " " + statistic);
        }
    }

    /** Extracts first order from a baseline column's case with the settings PyRadiomics recorded for it. */
    private static FeatureExtractor.Result extract(Map<String, Map<String, String>> baseline, String column)
            throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) ReferenceData.parsePython(
                baseline.get("diagnostics_Configuration_Settings").get(column));
        Map<String, Object> settings = new LinkedHashMap<>();
        recorded.forEach((k, v) -> {
            if (v != null) {
                settings.put(k, v);
            }
        });
        ExtractionParameters p = new ExtractionParameters(Map.of("Original", Map.of()),
                Map.of("firstorder", List.of()), settings, Map.of());
        FeatureExtractor extractor = new FeatureExtractor(FAMILIES, p, null);
        String testCase = baseline.get("diagnostics_Configuration_TestCase").get(column);
        Image3D image = ImageFiles.read(ReferenceData.file("pyradiomics/" + testCase + "_image.nrrd"));
        Image3D labels = ImageFiles.read(ReferenceData.file("pyradiomics/" + testCase + "_label.nrrd"));
        FeatureExtractor.Result result = extractor.extract(image, labels);
        assertEquals(extractor.featureKeys(), List.copyOf(result.features().keySet()));
        return result;
    }
}
