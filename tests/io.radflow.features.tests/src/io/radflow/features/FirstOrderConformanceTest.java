package io.radflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * First-order features against the IBSI-1 digital phantom reference values and the PyRadiomics baselines
 * of brain1 and breast1; writes {@code conformance-firstorder.md} to {@code radflow.test.output}.
 */
class FirstOrderConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("firstorder",
            "First order: IBSI-1 digital phantom statistics and PyRadiomics baselines (brain1, breast1)");

    private static void report(String dataset, String feature, double value, double reference, String tolerance,
            boolean pass) {
        REPORT.add(dataset, "firstorder", feature, "", value, reference, tolerance, pass, "");
    }

    @AfterAll
    static void writeConformanceTable() {
        REPORT.write();
    }

    private static Image3D read(String relative) throws IOException {
        return ImageFiles.read(ReferenceData.file(relative));
    }

    /** Every IBSI Statistics row of the digital phantom, matched by IBSI id. */
    @Test
    void ibsiDigitalPhantomStatistics() throws IOException {
        Image3D image = read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        Mask mask = Mask.ofLabel(read("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"), 1);
        IbsiStatistics family = new IbsiStatistics();
        FeatureValues values = family.compute(Roi.of(image, mask), FeatureSettings.defaults());
        List<ReferenceData.IbsiRow> rows = ReferenceData.ibsiRows("digital_phantom", "Statistics");
        assertEquals(18, rows.size(), "IBSI statistics rows");
        Set<String> matched = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (ReferenceData.IbsiRow row : rows) {
            FeatureDefinition definition = family.features().stream().filter(d -> d.ibsiId().equals(row.ibsiId()))
                    .findFirst().orElse(null);
            if (definition == null) {
                failures.add("no feature with IBSI id " + row.ibsiId() + " (" + row.feature() + ")");
                continue;
            }
            matched.add(definition.name());
            double value = values.get(definition.name());
            double tolerance = row.effectiveTolerance();
            boolean pass = Math.abs(value - row.reference()) <= tolerance;
            report("IBSI digital phantom", row.ibsiId() + " " + row.feature(), value, row.reference(),
                    String.format(Locale.ROOT, "abs %.3g", tolerance), pass);
            if (!pass) {
                failures.add(row.ibsiId() + " " + row.feature() + ": " + value + " vs " + row.reference() + " +- " + tolerance);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(family.features().size(), matched.size(), "every IBSI statistics feature has a reference row");
    }

    /** The first-order features that claim an IBSI id agree with IBSI's phantom values (shift 0). */
    @Test
    void firstOrderFeaturesWithIbsiIdsMatchIbsi() throws IOException {
        Image3D image = read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        Mask mask = Mask.ofLabel(read("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"), 1);
        FirstOrderFeatures family = new FirstOrderFeatures();
        FeatureValues values = family.compute(Roi.of(image, mask), FeatureSettings.defaults());
        int checked = 0;
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows("digital_phantom", "Statistics")) {
            for (FeatureDefinition d : family.features()) {
                if (d.ibsiId().equals(row.ibsiId())) {
                    assertEquals(row.reference(), values.get(d.name()), row.effectiveTolerance(), d.name());
                    checked++;
                }
            }
        }
        long claimed = family.features().stream().filter(d -> !d.ibsiId().isEmpty()).count();
        assertEquals(claimed, checked, "every IBSI id claimed by a first-order feature has a reference row");
    }

    @Test
    void pyradiomicsBaselinesBrain1AndBreast1() throws IOException {
        Map<String, Map<String, String>> baseline = ReferenceData.baseline(FirstOrderFeatures.KEY);
        FirstOrderFeatures family = new FirstOrderFeatures();
        List<String> failures = new ArrayList<>();
        for (String testCase : new String[] {"brain1", "breast1"}) {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) ReferenceData.parsePython(
                    baseline.get("diagnostics_Configuration_Settings").get(testCase));
            FeatureSettings settings = FeatureSettings.defaults()
                    .withBinWidth(number(config, "binWidth", FeatureSettings.DEFAULT_BIN_WIDTH))
                    .withVoxelArrayShift(number(config, "voxelArrayShift", 0))
                    .withLabel((int) number(config, "label", 1));
            assertEquals(2000, settings.voxelArrayShift(), "voxelArrayShift of the default PyRadiomics test configuration");
            String caseName = baseline.get("diagnostics_Configuration_TestCase").get(testCase);
            Image3D image = read("pyradiomics/" + caseName + "_image.nrrd");
            Mask mask = Mask.ofLabel(read("pyradiomics/" + caseName + "_label.nrrd"), settings.label());
            FeatureValues values = family.compute(Roi.of(image, mask), settings);

            Set<String> baselineNames = new TreeSet<>();
            String prefix = FeatureValues.key("original", FirstOrderFeatures.KEY, "");
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
            assertEquals(featureNames, new TreeSet<>(values.names()), "compute returns the non-deprecated features");

            for (String name : baselineNames) {
                double reference = Double.parseDouble(baseline.get(FeatureValues.key("original", FirstOrderFeatures.KEY, name))
                        .get(testCase));
                double value = values.get(name);
                boolean pass = reference == 0 ? value == 0 : Math.abs(1 - value / reference) < 0.03;
                report(testCase, name, value, reference, reference == 0 ? "exact" : "rel 3 %", pass);
                if (!pass) {
                    failures.add(testCase + " " + name + ": " + value + " vs " + reference);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The deprecated StandardDeviation is computed only on request and equals sqrt(Variance). */
    @Test
    void deprecatedStandardDeviationOnRequest() throws IOException {
        Image3D image = read("pyradiomics/breast1_image.nrrd");
        Mask mask = Mask.ofLabel(read("pyradiomics/breast1_label.nrrd"), 1);
        FirstOrderFeatures family = new FirstOrderFeatures();
        assertFalse(family.compute(Roi.of(image, mask), FeatureSettings.defaults()).has("StandardDeviation"));
        FeatureValues v = family.compute(Roi.of(image, mask), FeatureSettings.defaults(), List.of("StandardDeviation", "Variance"));
        assertEquals(List.of("StandardDeviation", "Variance"), v.names());
        assertEquals(Math.sqrt(v.get("Variance")), v.get("StandardDeviation"), 1e-12);
        assertTrue(family.features().stream().filter(FeatureDefinition::deprecated).map(FeatureDefinition::name)
                .toList().equals(List.of("StandardDeviation")));
    }

    /** The voxel-array shift moves Energy exactly as sum((x + c)^2) = E0 + 2c sum(x) + N c^2. */
    @Test
    void voxelArrayShiftEnergyIdentity() throws IOException {
        Image3D image = read("pyradiomics/breast1_image.nrrd");
        Mask mask = Mask.ofLabel(read("pyradiomics/breast1_label.nrrd"), 1);
        FirstOrderFeatures family = new FirstOrderFeatures();
        FeatureValues v0 = family.compute(Roi.of(image, mask), FeatureSettings.defaults());
        FeatureValues v1 = family.compute(Roi.of(image, mask), FeatureSettings.defaults().withVoxelArrayShift(2000));
        double n = mask.count();
        double expected = v0.get("Energy") + 2 * 2000 * v0.get("Mean") * n + n * 2000 * 2000;
        assertEquals(expected, v1.get("Energy"), 1e-9 * expected);
        assertEquals(v0.get("Entropy"), v1.get("Entropy"), 0.0, "the shift does not touch the histogram");
    }

    private static double number(Map<String, Object> config, String key, double fallback) {
        Object value = config.get(key);
        return value == null ? fallback : ((Number) value).doubleValue();
    }
}
