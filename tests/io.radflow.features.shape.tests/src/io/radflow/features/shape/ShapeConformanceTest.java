package io.radflow.features.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.extraction.Preprocessing;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.IbsiCtConfiguration;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Shape (3D) and shape2D features against the PyRadiomics baselines of brain1 and breast1 (3 % rule), and the
 * morphology family against IBSI-1; writes {@code conformance-shape.md}.
 */
class ShapeConformanceTest {

    static final ConformanceReport REPORT = new ConformanceReport("shape",
            "Shape, shape2D (PyRadiomics baselines) and IBSI-1 morphology conformance");

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    @Test
    void pyradiomicsShapeBaselines() throws IOException {
        Map<String, Map<String, String>> baseline = ReferenceData.baseline(ShapeFeatures.KEY);
        ShapeFeatures family = new ShapeFeatures();
        Set<String> names = ShapeTestData.baselineNames(baseline, ShapeFeatures.KEY);
        assertEquals(ShapeTestData.nonDeprecated(family.features()), names,
                "every non-deprecated shape feature has a baseline and vice versa");
        int compared = 0;
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (String column : baseline.get("diagnostics_Configuration_TestCase").keySet()) {
            Map<String, Object> config = ShapeTestData.settings(baseline, column);
            String testCase = baseline.get("diagnostics_Configuration_TestCase").get(column);
            int label = ((Number) config.getOrDefault("label", 1.0)).intValue();
            Image3D image = ShapeTestData.read("pyradiomics/" + testCase + "_image.nrrd");
            Image3D labels = ShapeTestData.read("pyradiomics/" + testCase + "_label.nrrd");
            // PyRadiomics' preprocessing as recorded for this column (e.g. resampling to 2 x 2 x 2 mm); its test
            // harness disables resegmentation for shape
            Map<String, Object> preprocessing = new java.util.HashMap<>(config);
            preprocessing.remove("resegmentRange");
            Roi roi = Preprocessing.of(preprocessing).apply(image, labels, label).roi();
            FeatureValues values = family.compute(roi, FeatureSettings.defaults().withLabel(label));
            assertEquals(names, new java.util.TreeSet<>(values.names()), "compute returns the non-deprecated features");
            for (String name : names) {
                double reference = reference(baseline, ShapeFeatures.KEY, name, column);
                double value = values.get(name);
                boolean pass = REPORT.add(column, "shape", name, family.features().stream()
                        .filter(d -> d.name().equals(name)).findFirst().orElseThrow().ibsiId(), value, reference,
                        "rel 0.03", ShapeTestData.withinThreePercent(value, reference),
                        String.format(java.util.Locale.ROOT, "rel. diff %.2e", value / reference - 1));
                if (!pass) {
                    failures.add(column + " " + name + ": " + value + " vs " + reference);
                }
                compared++;
            }
        }
        assertEquals(4 * names.size(), compared, "brain1 and breast1, default and _resampling columns compared");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * shape2D columns: the 2D label of PyRadiomics' test ({@code <case>_label_2D.nrrd}, not in the repository) is
     * the slice of the 3D label given by {@code diagnostics_Mask-corrected_BoundingBox} (x, y, z, sizes).
     */
    @Test
    void pyradiomicsShape2DBaselines() throws IOException {
        Map<String, Map<String, String>> baseline = ReferenceData.baseline(Shape2DFeatures.KEY);
        Shape2DFeatures family = new Shape2DFeatures();
        Set<String> names = ShapeTestData.baselineNames(baseline, Shape2DFeatures.KEY);
        assertEquals(ShapeTestData.nonDeprecated(family.features()), names,
                "every non-deprecated shape2D feature has a baseline and vice versa");
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (String column : baseline.get("diagnostics_Configuration_TestCase").keySet()) {
            Map<String, Object> config = ShapeTestData.settings(baseline, column);
            String testCase = column.substring(0, column.indexOf('_'));
            int label = ((Number) config.getOrDefault("label", 1.0)).intValue();
            FeatureSettings settings = FeatureSettings.defaults().withLabel(label)
                    .with(Shape2DFeatures.FORCE_2D, config.get("force2D"))
                    .with(Shape2DFeatures.FORCE_2D_DIMENSION, ((Number) config.get("force2Ddimension")).intValue());
            @SuppressWarnings("unchecked")
            java.util.List<Object> box = (java.util.List<Object>) ReferenceData.parsePython(
                    baseline.get("diagnostics_Mask-corrected_BoundingBox").get(column));
            int slice = ((Number) box.get(2)).intValue();
            assertEquals(1, ((Number) box.get(5)).intValue(), column + ": the 2D label has one slice");
            Image3D image = ShapeTestData.read("pyradiomics/" + testCase + "_image.nrrd");
            Mask mask3D = ShapeTestData.mask("pyradiomics/" + testCase + "_label.nrrd", label);
            Mask mask = ShapeTestData.slice(mask3D, slice);
            assertEquals(Double.parseDouble(baseline.get("diagnostics_Mask-corrected_VoxelNum").get(column)),
                    mask.count(), column + ": pixels of the 2D label");
            FeatureValues values = family.compute(Roi.of(image, mask), settings);
            for (String name : names) {
                double reference = reference(baseline, Shape2DFeatures.KEY, name, column);
                double value = values.get(name);
                if (!REPORT.add(column, "shape2D", name, "", value, reference, "rel 0.03",
                        ShapeTestData.withinThreePercent(value, reference),
                        String.format(java.util.Locale.ROOT, "rel. diff %.2e", value / reference - 1))) {
                    failures.add(column + " " + name + ": " + value + " vs " + reference);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void ibsiDigitalPhantomMorphology() throws IOException {
        Image3D image = ShapeTestData.read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        Mask mask = ShapeTestData.mask("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz", 1);
        compareIbsi("digital_phantom", Roi.of(image, mask));
    }

    /**
     * CT phantom configuration A: no interpolation; intensities rounded to integers; the morphological mask is
     * the ROI, the intensity mask the ROI voxels within the resegmentation range [-500, 400] HU.
     */
    @Test
    void ibsiCtPhantomConfigurationA() throws IOException {
        compareIbsi("config_A", ShapeTestData.ctPhantomRoi(-500, 400));
    }

    /**
     * Configurations B-E: the CT phantom interpolated and resegmented as each configuration says
     * ({@link IbsiCtConfiguration}); morphology uses the interpolated ROI, intensity-based morphology features
     * the resegmented one.
     */
    @Test
    void ibsiCtPhantomConfigurationsBtoE() throws IOException {
        Image3D image = IbsiCtConfiguration.readImage();
        Mask mask = IbsiCtConfiguration.readMask();
        for (IbsiCtConfiguration configuration : java.util.List.of(IbsiCtConfiguration.B, IbsiCtConfiguration.C,
                IbsiCtConfiguration.D, IbsiCtConfiguration.E)) {
            IbsiCtConfiguration.Stage stage = configuration.preprocess(image, mask).resegmented();
            compareIbsi(configuration.dataset(), new Roi(stage.image(), stage.morphological(), stage.intensity()));
        }
    }

    private static void compareIbsi(String dataset, Roi roi) throws IOException {
        MorphologyFeatures family = new MorphologyFeatures();
        FeatureValues values = family.compute(roi, FeatureSettings.defaults());
        java.util.List<String> failures = new java.util.ArrayList<>();
        Set<String> matched = new java.util.HashSet<>();
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows(dataset, "Morphology")) {
            var definition = family.features().stream().filter(d -> d.ibsiId().equals(row.ibsiId())).findFirst();
            if (definition.isEmpty()) {
                failures.add(row.ibsiId() + " " + row.feature() + ": no feature");
                continue;
            }
            matched.add(definition.get().name());
            double value = values.get(definition.get().name());
            double tolerance = row.effectiveTolerance();
            boolean pass = Math.abs(value - row.reference()) <= tolerance;
            REPORT.add(dataset, "morphology", row.feature(), row.ibsiId(), value, row.reference(),
                    String.format(java.util.Locale.ROOT, "abs %.3g", tolerance), pass, "");
            if (!pass) {
                failures.add(row.ibsiId() + " " + row.feature() + ": " + value + " vs " + row.reference() + " +- "
                        + tolerance);
            }
        }
        for (String id : java.util.List.of("ZH1A", "IQYR", "SWZ1", "BRI8")) {
            REPORT.addNotRun(dataset, "morphology", id, id,
                    "not computed: OMBB/MVEE densities are not standardised in IBSI-1 (no reference value)");
        }
        assertTrue(failures.isEmpty(), dataset + ":\n" + String.join("\n", failures));
        assertEquals(ShapeTestData.nonDeprecated(family.features()), new java.util.TreeSet<>(matched),
                "every morphology feature has an IBSI reference row");
    }

    static double reference(Map<String, Map<String, String>> baseline, String family, String name, String column) {
        return Double.parseDouble(baseline.get(FeatureValues.key("original", family, name)).get(column));
    }
}
