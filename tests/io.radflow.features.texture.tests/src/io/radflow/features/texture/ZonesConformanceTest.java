package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * GLSZM, GLDM, NGTDM against PyRadiomics' baselines (features within 3 %, matrices within 1e-3) and GLSZM,
 * GLDZM, NGTDM, NGLDM (and GLDM) against the IBSI-1 digital phantom and CT phantom configuration A. Writes
 * {@code conformance-texture-zones.md/.csv}; cases that need processing not in this branch are listed as pending.
 */
class ZonesConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("texture-zones",
            "Texture zones and neighbourhoods: GLSZM, GLDM, NGTDM (PyRadiomics), GLSZM, GLDZM, NGTDM, NGLDM (IBSI-1)");
    private static final List<String> PENDING = new ArrayList<>();

    /** IBSI family labels (before the aggregation in brackets) and our families. */
    private static final Map<String, FeatureFamily> IBSI_FAMILIES = new LinkedHashMap<>();

    static {
        IBSI_FAMILIES.put("Size zone matrix", new GlszmFeatures());
        IBSI_FAMILIES.put("Distance zone matrix", new GldzmFeatures());
        IBSI_FAMILIES.put("Neighbourhood grey tone difference matrix", new NgtdmFeatures());
        IBSI_FAMILIES.put("Neighbouring grey level dependence matrix", new NgldmFeatures());
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path markdown = REPORT.write();
        StringBuilder md = new StringBuilder("\n## Pending (not computed in this branch)\n\n");
        for (String line : new TreeSet<>(PENDING)) {
            md.append("- ").append(line).append('\n');
        }
        Files.writeString(markdown, md, StandardOpenOption.APPEND);
    }

    private static Image3D read(String relative) throws IOException {
        return ImageFiles.read(ReferenceData.file(relative));
    }

    // ---------------------------------------------------------------- PyRadiomics

    @Test
    void pyradiomicsGlszmBaselines() throws IOException {
        checkBaselines(new GlszmFeatures());
    }

    @Test
    void pyradiomicsGldmBaselines() throws IOException {
        checkBaselines(new GldmFeatures());
    }

    @Test
    void pyradiomicsNgtdmBaselines() throws IOException {
        checkBaselines(new NgtdmFeatures());
    }

    private static void checkBaselines(FeatureFamily family) throws IOException {
        Map<String, Map<String, String>> baseline = ReferenceData.baseline(family.key());
        String prefix = FeatureValues.key("original", family.key(), "");
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
        assertEquals(baselineNames, featureNames, family.key() + ": every non-deprecated feature has a baseline and vice versa");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String column : baseline.get("diagnostics_Configuration_TestCase").keySet()) {
            String testCase = baseline.get("diagnostics_Configuration_TestCase").get(column);
            String variant = column.substring(testCase.length());
            if (variant.equals("_normalization") || variant.equals("_resampling") || variant.equals("_resegmentation")) {
                PENDING.add("PyRadiomics " + column + " " + family.key() + ": needs preprocessing (issue 4)");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) ReferenceData.parsePython(
                    baseline.get("diagnostics_Configuration_Settings").get(column));
            FeatureSettings settings = settingsOf(family, config);
            Image3D image = read("pyradiomics/" + testCase + "_image.nrrd");
            Mask mask = Mask.ofLabel(read("pyradiomics/" + testCase + "_label.nrrd"), settings.label());
            Roi roi = Roi.of(image, mask);
            if (variant.equals("_flatRegion")) {
                roi = new Roi(image, mask, atLeast(image, mask, settings.get(FeatureSettings.RESEGMENT_RANGE).get(0)));
            }
            FeatureValues values = family.compute(roi, settings);
            for (String name : baselineNames) {
                double reference = Double.parseDouble(baseline.get(prefix + name).get(column));
                double value = values.get(name);
                if (!REPORT.addRelative(column, family.key(), name, idOf(family, name), value, reference, 0.03)) {
                    failures.add(column + " " + name + ": " + value + " vs " + reference);
                }
                compared++;
            }
        }
        assertEquals(2 * 4 * baselineNames.size(), compared, "brain1 and breast1: default, _2d, _FBN, _flatRegion");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The family's settings with the values of a PyRadiomics configuration (None and absent keep defaults). */
    private static FeatureSettings settingsOf(FeatureFamily family, Map<String, Object> config) {
        FeatureSettings settings = FeatureSettings.defaults();
        List<Setting<?>> read = new ArrayList<>(family.settings());
        read.add(FeatureSettings.LABEL);
        for (Setting<?> setting : read) {
            Object value = config.get(setting.key());
            if (value != null) {
                settings = settings.with(setting, value);
            }
        }
        return settings;
    }

    /** The intensity mask of PyRadiomics' resegmentation with a lower bound only: mask and value >= lower. */
    private static Mask atLeast(Image3D image, Mask mask, double lower) {
        boolean[] inside = new boolean[image.voxelCount()];
        for (int i = 0; i < inside.length; i++) {
            inside[i] = mask.contains(i) && image.get(i) >= lower;
        }
        return new Mask(image.geometry(), inside);
    }

    private static String idOf(FeatureFamily family, String name) {
        return family.features().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().ibsiId();
    }

    @Test
    void pyradiomicsMatrices() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String testCase : new String[] {"brain1", "breast1"}) {
            Image3D image = read("pyradiomics/" + testCase + "_image.nrrd");
            Mask mask = Mask.ofLabel(read("pyradiomics/" + testCase + "_label.nrrd"), 1);
            GreyLevelVolume volume = GreyLevelVolume.of(Roi.of(image, mask), FeatureSettings.defaults());
            Neighbourhood.Scope scope = Neighbourhood.Scope.of(FeatureSettings.defaults());
            Map<String, double[][]> computed = new LinkedHashMap<>();
            computed.put("glszm", GlszmFeatures.matrices(volume, scope).get(0).toArray());
            computed.put("gldm", NgldmFeatures.matrices(volume, scope, List.of(1), 0).get(0).toArray());
            computed.put("ngtdm", NgtdmFeatures.matrices(volume, scope, List.of(1), true).get(0).toArray());
            for (Map.Entry<String, double[][]> e : computed.entrySet()) {
                double[][] reference = NpyZonesReader.read(
                        ReferenceData.file("pyradiomics/baseline/" + testCase + "_" + e.getKey() + ".npy"));
                double[][] value = e.getValue();
                String shape = value.length + "x" + (value.length == 0 ? 0 : value[0].length);
                String referenceShape = reference.length + "x" + (reference.length == 0 ? 0 : reference[0].length);
                double maxDifference = shape.equals(referenceShape) ? 0 : Double.POSITIVE_INFINITY;
                for (int r = 0; r < reference.length && maxDifference < Double.POSITIVE_INFINITY; r++) {
                    for (int c = 0; c < reference[r].length; c++) {
                        maxDifference = Math.max(maxDifference, Math.abs(reference[r][c] - value[r][c]));
                    }
                }
                boolean pass = maxDifference < 1e-3;
                REPORT.add(testCase + " matrix", e.getKey(), "P_" + e.getKey() + " " + shape, "", maxDifference, 0,
                        "max |diff| < 1e-3", pass, shape.equals(referenceShape) ? "" : "shape differs from " + referenceShape);
                if (!pass) {
                    failures.add(testCase + " " + e.getKey() + " matrix: shape " + shape + " vs " + referenceShape
                            + ", max difference " + maxDifference);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    // ---------------------------------------------------------------- IBSI

    @Test
    void ibsiDigitalPhantom() throws IOException {
        Image3D image = read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        Mask mask = Mask.ofLabel(read("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"), 1);
        FeatureSettings settings = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(1)
                .with(FeatureSettings.RESEGMENT_RANGE, List.of(1.0));
        int rows = checkIbsi("digital_phantom", Roi.of(image, mask), settings);
        assertEquals(3 * (16 + 16 + 5 + 17), rows, "digital phantom rows of the four families in 2D, 2.5D and 3D");
    }

    /**
     * IBSI-1 CT phantom, configuration A: 2D, no interpolation, intensities rounded to integers, intensity mask
     * resegmented to [-500, 400] HU, fixed bin size 25 HU from -500; the GLDZM distances use the morphological
     * (original) mask.
     */
    @Test
    void ibsiCtPhantomConfigA() throws IOException {
        Image3D raw = read("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz");
        double[] voxels = raw.voxels();
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = Math.rint(voxels[i]);
        }
        Image3D image = new Image3D(raw.geometry(), voxels);
        Mask mask = Mask.ofLabel(read("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz"), 1);
        boolean[] inRange = new boolean[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            inRange[i] = mask.contains(i) && voxels[i] >= -500 && voxels[i] <= 400;
        }
        Roi roi = new Roi(image, mask, new Mask(image.geometry(), inRange));
        FeatureSettings settings = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(25)
                .with(FeatureSettings.RESEGMENT_RANGE, List.of(-500.0, 400.0));
        int rows = checkIbsi("config_A", roi, settings);
        assertEquals(2 * (16 + 16 + 5 + 17), rows, "configuration A rows of the four families in 2D and 2.5D");
        for (String config : new String[] {"config_B", "config_C", "config_D", "config_E"}) {
            long pending = ReferenceData.ibsiRows(config, null).stream()
                    .filter(r -> IBSI_FAMILIES.keySet().stream().anyMatch(f -> r.family().startsWith(f + " ("))).count();
            PENDING.add("IBSI CT phantom " + config + ": " + pending
                    + " rows of these families need interpolation (issue 4)");
        }
    }

    /** Compares every row of the four families of {@code dataset}; returns the number of rows compared. */
    private static int checkIbsi(String dataset, Roi roi, FeatureSettings settings) throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, FeatureValues> computed = new LinkedHashMap<>();
        int compared = 0;
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows(dataset, null)) {
            int open = row.family().indexOf(" (");
            FeatureFamily family = open < 0 ? null : IBSI_FAMILIES.get(row.family().substring(0, open));
            if (family == null) {
                continue;
            }
            String aggregation = row.family().substring(open + 2, row.family().length() - 1);
            FeatureValues values = computed.computeIfAbsent(row.family(), k -> family.compute(roi,
                    settings.with(TextureAggregation.SETTING, aggregation)));
            String id = row.ibsiId().isEmpty() && row.tag().startsWith("szm_sze_") ? "5QRC" : row.ibsiId();
            FeatureDefinition definition = family.features().stream().filter(d -> d.ibsiId().equals(id)).findFirst()
                    .orElse(null);
            compared++;
            if (definition == null) {
                REPORT.add(dataset, row.family(), row.feature(), id, Double.NaN, row.reference(), "-", false,
                        "no feature with this IBSI id");
                failures.add(row.family() + " " + row.feature() + ": no feature with IBSI id " + id);
                continue;
            }
            double value = values.get(definition.name());
            double tolerance = row.effectiveTolerance();
            boolean pass = Math.abs(value - row.reference()) <= tolerance;
            REPORT.add(dataset, row.family(), definition.name(), id, value, row.reference(),
                    String.format(Locale.ROOT, "abs %.3g", tolerance), pass, "");
            if (!pass) {
                failures.add(row.family() + " " + row.feature() + " (" + id + "): " + value + " vs " + row.reference()
                        + " +- " + tolerance);
            }
            if (family instanceof NgldmFeatures) {
                FeatureValues gldmValues = computed.computeIfAbsent(row.family() + " as GLDM", k -> new GldmFeatures()
                        .compute(roi, settings.with(TextureAggregation.SETTING, aggregation)));
                checkGldmAgainstNgldm(dataset, row, gldmValues, failures);
            }
        }
        assertTrue(failures.isEmpty(), dataset + ":\n" + String.join("\n", failures));
        return compared;
    }

    /** PyRadiomics' GLDM features that carry an IBSI id reproduce IBSI's NGLDM rows. */
    private static void checkGldmAgainstNgldm(String dataset, ReferenceData.IbsiRow row, FeatureValues values,
            List<String> failures) {
        for (FeatureDefinition d : new GldmFeatures().features()) {
            if (!d.deprecated() && d.ibsiId().equals(row.ibsiId())) {
                double value = values.get(d.name());
                boolean pass = Math.abs(value - row.reference()) <= row.effectiveTolerance();
                REPORT.add(dataset, row.family() + " as GLDM", d.name(), d.ibsiId(), value, row.reference(),
                        String.format(Locale.ROOT, "abs %.3g", row.effectiveTolerance()), pass, "");
                if (!pass) {
                    failures.add("GLDM " + d.name() + " vs " + row.family() + " " + row.feature() + ": " + value);
                }
            }
        }
    }
}
