package io.radflow.features.extraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureSettings;
import io.radflow.features.IntensityVolumeHistogramFeatures;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extractor's PyRadiomics preprocessing: masks, order of the steps, settings forms and messages. */
class PreprocessingTest {

    private static Image3D image;
    private static Image3D labels;
    private static Mask roi;

    @BeforeAll
    static void readBreast1() throws IOException {
        image = ImageFiles.read(ReferenceData.file("pyradiomics/breast1_image.nrrd"));
        labels = ImageFiles.read(ReferenceData.file("pyradiomics/breast1_label.nrrd"));
        roi = Mask.ofLabel(labels, 1);
    }

    /** Resegmentation narrows the intensity mask; shape keeps the ROI unless resegmentShape is true. */
    @Test
    void resegmentShapeChoosesTheMorphologicalMask() {
        double max = max(roi.valuesOf(image));
        Map<String, Object> settings = Map.of("resegmentRange", List.of(0.0, 0.95), "resegmentMode", "relative");
        Preprocessing.Result kept = Preprocessing.of(settings).apply(image, labels, 1);
        assertEquals(roi.count(), kept.roi().morphological().count());
        assertTrue(kept.roi().intensity().count() < roi.count(), "the top 5 % of the maximum are removed");
        assertEquals(List.of(0.0, 0.95 * max), kept.thresholds(), "relative thresholds are fractions of the ROI maximum");
        for (double v : kept.roi().intensities()) {
            assertTrue(v <= 0.95 * max, "intensity " + v + " above the upper threshold");
        }
        Preprocessing.Result resegmentedShape = Preprocessing.of(Map.of("resegmentRange", List.of(0.0, 0.95),
                "resegmentMode", "relative", "resegmentShape", true)).apply(image, labels, 1);
        assertEquals(kept.roi().intensity().count(), resegmentedShape.roi().morphological().count());
        assertTrue(kept.diagnostics().containsKey("diagnostics_Mask-resegmented_VoxelNum"));
        assertEquals(Integer.toString(kept.roi().intensity().count()),
                kept.diagnostics().get("diagnostics_Mask-resegmented_VoxelNum"));
    }

    /**
     * Normalisation comes before resegmentation: with normalizeScale 100 an absolute range [300, 400] keeps the ROI
     * voxels 3 to 4 standard deviations above the whole image's mean.
     */
    @Test
    void resegmentationSeesNormalisedIntensities() {
        Preprocessing.Result r = Preprocessing.of(Map.of("normalize", true, "normalizeScale", 100,
                "resegmentRange", List.of(300, 400))).apply(image, labels, 1);
        double[] all = image.voxels();
        double mean = 0;
        for (double v : all) {
            mean += v;
        }
        mean /= all.length;
        double ss = 0;
        for (double v : all) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (all.length - 1));
        int expected = 0;
        for (double v : roi.valuesOf(image)) {
            if (v - mean >= 3 * sd && v - mean <= 4 * sd) {
                expected++;
            }
        }
        assertTrue(expected > 1 && expected < roi.count(), "the range splits the ROI (" + expected + ")");
        assertEquals(expected, r.roi().intensity().count());
        assertTrue(r.diagnostics().keySet().stream().noneMatch(k -> k.contains("interpolated")), "no resampling");
    }

    /** SimpleITK's interpolator codes equal their names; the grid is PyRadiomics' (spacing as asked). */
    @Test
    void interpolatorByNameOrSimpleItkCode() {
        Roi byName = Preprocessing.of(Map.of("resampledPixelSpacing", List.of(1, 1, 1), "interpolator", "sitkLinear"))
                .apply(image, labels, 1).roi();
        Roi byCode = Preprocessing.of(Map.of("resampledPixelSpacing", List.of(1, 1, 1), "interpolator", 2))
                .apply(image, labels, 1).roi();
        assertArrayEquals(new double[] {1, 1, 1}, byName.image().geometry().spacing(), 1e-12);
        assertArrayEquals(byName.intensities(), byCode.intensities(), 0);
        Roi nearest = Preprocessing.of(Map.of("resampledPixelSpacing", "[1, 1, 1]", "interpolator", "sitkNearestNeighbor"))
                .apply(image, labels, 1).roi();
        for (double v : nearest.intensities()) {
            assertEquals(Math.rint(v), v, "nearest neighbour keeps the integer intensities");
        }
    }

    /** Without resampledPixelSpacing nothing is interpolated, whatever the interpolator. */
    @Test
    void interpolatorAloneDoesNothing() {
        Preprocessing.Result r = Preprocessing.of(Map.of("interpolator", "sitkBSpline", "padDistance", 5))
                .apply(image, labels, 1);
        assertEquals(image.geometry(), r.roi().image().geometry());
        assertTrue(r.diagnostics().isEmpty() && r.thresholds().isEmpty());
    }

    /** The families see the applied thresholds: the IVH range of a sigma resegmentation starts at mean - 3 sd. */
    @Test
    void extractorPassesAppliedThresholdsToFamilies() {
        ExtractionParameters p = new ExtractionParameters(Map.of("Original", Map.of()),
                Map.of(IntensityVolumeHistogramFeatures.KEY, List.of()),
                Map.of("resegmentRange", List.of(-3, 3), "resegmentMode", "sigma", "convention", "ibsi"), Map.of());
        FeatureExtractor extractor = new FeatureExtractor(List.of(new IntensityVolumeHistogramFeatures()), p, null);
        Preprocessing.Result r = Preprocessing.of(p.settings()).apply(image, labels, 1);
        FeatureSettings applied = extractor.settings().with(FeatureSettings.RESEGMENT_RANGE, r.thresholds());
        Map<String, Double> features = extractor.extract(image, labels).features();
        double i10 = new IntensityVolumeHistogramFeatures().compute(r.roi(), applied).get("IntensityAtVolumeFraction10");
        assertEquals(i10, features.get("original_" + IntensityVolumeHistogramFeatures.KEY + "_IntensityAtVolumeFraction10"));
        assertEquals(List.of("-3.0", "3.0"), List.of(extractor.settings().get(FeatureSettings.RESEGMENT_RANGE).stream()
                .map(String::valueOf).toArray()), "the configuration keeps what the user wrote");
    }

    @Test
    void invalidSettingsNameTheSetting() {
        assertMessage("padDistance", Map.of("padDistance", -1));
        assertMessage("setting interpolator: SimpleITK interpolator 4", Map.of("interpolator", 4));
        assertMessage("resegmentRange needs 1 or 2 values", Map.of("resegmentRange", List.of(1, 2, 3)));
        assertMessage("normalize must be true or false", Map.of("normalize", "yes"));
        assertMessage("resampledPixelSpacing: spacings must be positive", Map.of("resampledPixelSpacing", List.of(1, -1, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.of(
                Map.of("resegmentRange", List.of(1e6))).apply(image, labels, 1));
        assertTrue(e.getMessage().contains("kept 0 of " + roi.count()), e.getMessage());
    }

    private static void assertMessage(String expected, Map<String, Object> settings) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.of(settings));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
