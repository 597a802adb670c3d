package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.features.IbsiStatistics;
import io.radflow.features.IntensityHistogramFeatures;
import io.radflow.features.IntensityVolumeHistogramFeatures;
import io.radflow.features.LocalIntensityFeatures;
import io.radflow.features.Roi;
import io.radflow.features.extraction.ExtractionParameters;
import io.radflow.features.extraction.FeatureExtractor;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.IbsiCtConfiguration;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature family except morphology against every reference Radflow has, in one report
 * ({@code conformance-features.md} and {@code .csv}): the IBSI-1 digital phantom and CT configurations A to E (every
 * row of {@code ibsi_1_reference_values.csv} of the families statistics, intensity histogram, intensity-volume
 * histogram, local intensity, GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM, plus PyRadiomics' GLDM against IBSI's NGLDM
 * rows, within {@link ReferenceData.IbsiRow#effectiveTolerance()}), and every PyRadiomics baseline column of the
 * families firstorder, glcm, glrlm, glszm, gldm and ngtdm (PyRadiomics' 3 % rule), extracted by the
 * {@link FeatureExtractor} with the settings PyRadiomics recorded ({@code diagnostics_Configuration_Settings}),
 * preprocessing included, plus the {@code -original} diagnostics of those columns.
 *
 * <p>The CT configurations are preprocessed by {@link IbsiCtConfiguration} (the same code as the image bundle's
 * diagnostics test). A row that fails must be listed in {@link #KNOWN_DEVIATIONS} with its reason, and a listed row
 * must still fail (so the list stays true).
 */
class FeatureConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("features",
            "Feature conformance: IBSI-1 digital phantom, CT configurations A-E, PyRadiomics baselines "
                    + "(morphology not included)");

    /** IBSI family label (before the aggregation in brackets) and our family. */
    private static final Map<String, FeatureFamily> IBSI_FAMILIES = new LinkedHashMap<>();

    static {
        IBSI_FAMILIES.put("Statistics", new IbsiStatistics());
        IBSI_FAMILIES.put("Intensity histogram", new IntensityHistogramFeatures());
        IBSI_FAMILIES.put("Intensity volume histogram", new IntensityVolumeHistogramFeatures());
        IBSI_FAMILIES.put("Local intensity", new LocalIntensityFeatures());
        IBSI_FAMILIES.put("Co-occurrence matrix", new GlcmFeatures());
        IBSI_FAMILIES.put("Run length matrix", new GlrlmFeatures());
        IBSI_FAMILIES.put("Size zone matrix", new GlszmFeatures());
        IBSI_FAMILIES.put("Distance zone matrix", new GldzmFeatures());
        IBSI_FAMILIES.put("Neighbourhood grey tone difference matrix", new NgtdmFeatures());
        IBSI_FAMILIES.put("Neighbouring grey level dependence matrix", new NgldmFeatures());
    }

    /**
     * Rows whose IBSI id the table gives to two features of a family (IVH V10/V90 and I10/I90; intensity histogram
     * minimum and 10th percentile), by tag.
     */
    private static final Map<String, String> NAMES_BY_TAG = Map.of("ivh_v10", "VolumeAtIntensityFraction10",
            "ivh_v90", "VolumeAtIntensityFraction90", "ivh_i10", "IntensityAtVolumeFraction10",
            "ivh_i90", "IntensityAtVolumeFraction90", "ih_min", "Minimum", "ih_p10", "10Percentile",
            "ih_p90", "90Percentile");

    /** The families with PyRadiomics baselines, extracted through the {@link FeatureExtractor}. */
    private static final List<FeatureFamily> PYRADIOMICS_FAMILIES = List.of(new FirstOrderFeatures(),
            new GlcmFeatures(), new GlrlmFeatures(), new GlszmFeatures(), new GldmFeatures(), new NgtdmFeatures());

    /**
     * Rows that fail, keyed {@code dataset | family | feature}, with the reason (written as the row's note).
     */
    private static final Map<String, String> KNOWN_DEVIATIONS = Map.of();

    /** Reference rows not compared here, with the reason (listed at the end of the report). */
    private static final Set<String> NOT_COMPARED = new TreeSet<>();

    private static Image3D ctImage;
    private static Mask ctMask;

    @BeforeAll
    static void readCtPhantom() throws IOException {
        ctImage = IbsiCtConfiguration.readImage();
        ctMask = IbsiCtConfiguration.readMask();
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path markdown = REPORT.write();
        StringBuilder md = new StringBuilder("\n## Not compared here\n\n");
        synchronized (NOT_COMPARED) {
            NOT_COMPARED.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        Files.writeString(markdown, md, StandardOpenOption.APPEND);
    }

    // ---------------------------------------------------------------- IBSI-1

    static Stream<String> ibsiDatasets() {
        return Stream.concat(Stream.of("digital_phantom"), Stream.of(IbsiCtConfiguration.values())
                .map(IbsiCtConfiguration::dataset));
    }

    @ParameterizedTest
    @MethodSource("ibsiDatasets")
    void ibsi(String dataset) throws IOException {
        Roi roi;
        FeatureSettings settings = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi");
        if (dataset.equals("digital_phantom")) {
            // the phantom's intensities are its grey levels: fixed bin size 1 from 1 is the identity
            Image3D image = read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
            roi = Roi.of(image, Mask.ofLabel(read("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"), 1));
            settings = settings.withBinWidth(1).with(FeatureSettings.RESEGMENT_RANGE, List.of(1.0));
        } else {
            IbsiCtConfiguration config = IbsiCtConfiguration.valueOf(dataset.substring("config_".length()));
            IbsiCtConfiguration.Stage stage = config.preprocess(ctImage, ctMask).resegmented();
            roi = new Roi(stage.image(), stage.morphological(), stage.intensity());
            settings = config.binCount() != null ? settings.withBinCount(config.binCount())
                    : settings.withBinWidth(config.binWidth());
            if (config.range() != null) {
                settings = settings.with(FeatureSettings.RESEGMENT_RANGE, config.range());
            }
            if (config.ivhBinWidth() != null) {
                settings = settings.with(IntensityVolumeHistogramFeatures.IVH_BIN_WIDTH, config.ivhBinWidth());
            }
            if (config.ivhBinCount() != null) {
                settings = settings.with(IntensityVolumeHistogramFeatures.IVH_BIN_COUNT, config.ivhBinCount());
            }
        }
        Map<String, FeatureValues> computed = new LinkedHashMap<>();
        Map<String, Set<String>> matched = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int morphology = 0;
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows(dataset, null)) {
            int open = row.family().indexOf(" (");
            String label = open < 0 ? row.family() : row.family().substring(0, open);
            FeatureFamily family = IBSI_FAMILIES.get(label);
            if (family == null) {
                if (row.family().equals("Morphology")) {
                    morphology++;
                } else if (!row.family().startsWith("Diagnostics")) {
                    throw new AssertionError("no family for IBSI rows " + row.family());
                }
                continue;
            }
            FeatureSettings familySettings = open < 0 ? settings : settings.with(TextureAggregation.SETTING,
                    row.family().substring(open + 2, row.family().length() - 1));
            FeatureValues values = computed.computeIfAbsent(row.family(), k -> family.compute(roi, familySettings));
            String name = featureName(family, row);
            matched.computeIfAbsent(label, k -> new TreeSet<>()).add(String.valueOf(name));
            compared++;
            compareIbsi(dataset, row.family(), name, row, name == null ? Double.NaN : values.get(name), failures);
            if (family instanceof NgldmFeatures) {
                // PyRadiomics' GLDM features that carry an IBSI id reproduce IBSI's NGLDM rows
                FeatureValues gldm = computed.computeIfAbsent(row.family() + " as GLDM",
                        k -> new GldmFeatures().compute(roi, familySettings));
                for (FeatureDefinition d : new GldmFeatures().features()) {
                    if (!d.deprecated() && d.ibsiId().equals(row.ibsiId())) {
                        compareIbsi(dataset, row.family() + " as GLDM", d.name(), row, gldm.get(d.name()), failures);
                    }
                }
            }
        }
        synchronized (NOT_COMPARED) {
            NOT_COMPARED.add(dataset + ": " + morphology + " Morphology rows (shape features, another bundle); "
                    + "the Diagnostics rows of the CT configurations are checked by the image tests "
                    + "(conformance-ibsi-diagnostics)");
        }
        // IBSI-1 rows per data set: statistics 18, intensity histogram 23, IVH 6, local intensity 2, GLCM 25 and
        // GLRLM 16 per aggregation (6 on the phantom, 4 in 2D configurations, 2 in 3D ones), GLSZM 16, GLDZM 16,
        // NGTDM 5 and NGLDM 17 per aggregation (3, 2 and 1)
        int expected = switch (dataset) {
            case "digital_phantom" -> 49 + 6 * 41 + 3 * 54;
            case "config_A", "config_B" -> 49 + 4 * 41 + 2 * 54;
            default -> 49 + 2 * 41 + 54;
        };
        assertEquals(expected, compared, dataset + ": reference rows compared");
        for (String label : List.of("Statistics", "Intensity histogram", "Intensity volume histogram", "Local intensity")) {
            assertEquals(new TreeSet<>(IBSI_FAMILIES.get(label).featureNames(settings)), matched.get(label),
                    dataset + " " + label + ": every feature has a reference row");
        }
        assertTrue(failures.isEmpty(), dataset + ": " + failures.size() + " unexpected results\n"
                + String.join("\n", failures));
    }

    /**
     * The feature of {@code family} a reference row describes: by tag where ids are shared, else by IBSI id (GLSZM's
     * small zone emphasis, which the table lists without id, is 5QRC).
     */
    private static String featureName(FeatureFamily family, ReferenceData.IbsiRow row) {
        if (NAMES_BY_TAG.containsKey(row.tag())) {
            return NAMES_BY_TAG.get(row.tag());
        }
        String id = row.ibsiId().isEmpty() && row.tag().startsWith("szm_sze_") ? "5QRC" : row.ibsiId();
        List<String> names = family.features().stream().filter(d -> d.ibsiId().equals(id))
                .map(FeatureDefinition::name).toList();
        return names.size() == 1 ? names.get(0) : null;
    }

    private static void compareIbsi(String dataset, String family, String name, ReferenceData.IbsiRow row,
            double value, List<String> failures) {
        double tolerance = row.effectiveTolerance();
        boolean pass = name != null && Math.abs(value - row.reference()) <= tolerance;
        String feature = name == null ? row.feature() : name;
        record(dataset, family, feature, row.ibsiId(), value, row.reference(),
                String.format(Locale.ROOT, "abs %.3g", tolerance), pass,
                name == null ? "no feature with this IBSI id" : "", failures);
    }

    // ---------------------------------------------------------------- PyRadiomics

    /** Every baseline column (case and variant) of the PyRadiomics families, in the files' order. */
    static Stream<String> pyradiomicsColumns() throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        for (FeatureFamily family : PYRADIOMICS_FAMILIES) {
            columns.addAll(ReferenceData.baseline(family.key()).get("diagnostics_Configuration_TestCase").keySet());
        }
        return columns.stream();
    }

    /**
     * One baseline column: each family whose baseline has it is extracted with the settings PyRadiomics recorded
     * for that family and column (families with equal settings share one extraction).
     */
    @ParameterizedTest
    @MethodSource("pyradiomicsColumns")
    void pyradiomics(String column) throws IOException {
        Map<Map<String, Object>, List<FeatureFamily>> groups = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> baselines = new LinkedHashMap<>();
        String testCase = null;
        for (FeatureFamily family : PYRADIOMICS_FAMILIES) {
            Map<String, Map<String, String>> baseline = ReferenceData.baseline(family.key());
            if (!baseline.get("diagnostics_Configuration_TestCase").containsKey(column)) {
                continue;
            }
            baselines.put(family.key(), baseline);
            testCase = baseline.get("diagnostics_Configuration_TestCase").get(column);
            groups.computeIfAbsent(recordedSettings(baseline, column), k -> new ArrayList<>()).add(family);
        }
        Image3D image = read("pyradiomics/" + testCase + "_image.nrrd");
        Image3D labels = read("pyradiomics/" + testCase + "_label.nrrd");
        List<String> failures = new ArrayList<>();
        boolean diagnosticsChecked = false;
        for (Map.Entry<Map<String, Object>, List<FeatureFamily>> group : groups.entrySet()) {
            Map<String, List<String>> classes = new LinkedHashMap<>();
            group.getValue().forEach(f -> classes.put(f.key(), List.of()));
            FeatureExtractor extractor = new FeatureExtractor(PYRADIOMICS_FAMILIES,
                    new ExtractionParameters(Map.of("Original", Map.of()), classes, group.getKey(), Map.of()), null);
            FeatureExtractor.Result result = extractor.extract(image, labels);
            for (FeatureFamily family : group.getValue()) {
                Map<String, Map<String, String>> baseline = baselines.get(family.key());
                String prefix = FeatureValues.key("original", family.key(), "");
                Set<String> expected = new TreeSet<>();
                baseline.forEach((row, cells) -> {
                    if (row.startsWith(prefix) && !cells.get(column).isEmpty()) {
                        expected.add(row);
                    }
                });
                Set<String> extracted = new TreeSet<>();
                result.features().keySet().stream().filter(k -> k.startsWith(prefix)).forEach(extracted::add);
                assertEquals(expected, extracted, column + " " + family.key()
                        + ": every non-deprecated feature has a baseline and vice versa");
                for (String key : expected) {
                    double reference = Double.parseDouble(baseline.get(key).get(column));
                    double value = result.features().get(key);
                    String name = key.substring(prefix.length());
                    boolean pass = reference == 0 ? value == 0 : Math.abs(value / reference - 1) < 0.03;
                    String id = family.features().stream().filter(d -> d.name().equals(name)).findFirst()
                            .map(FeatureDefinition::ibsiId).orElse("");
                    record(column, family.key(), name, id, value, reference, "rel 0.03", pass, "", failures);
                }
                if (!diagnosticsChecked) {
                    compareOriginalDiagnostics(column, baseline, result.diagnostics(), failures);
                    diagnosticsChecked = true;
                }
            }
        }
        assertTrue(failures.isEmpty(), column + ": " + failures.size() + " unexpected results\n"
                + String.join("\n", failures));
    }

    /** The column's {@code diagnostics_Configuration_Settings} without None values. */
    private static Map<String, Object> recordedSettings(Map<String, Map<String, String>> baseline, String column) {
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) ReferenceData.parsePython(
                baseline.get("diagnostics_Configuration_Settings").get(column));
        Map<String, Object> settings = new LinkedHashMap<>();
        recorded.forEach((k, v) -> {
            if (v != null) {
                settings.put(k, v);
            }
        });
        return settings;
    }

    /** The {@code diagnostics_Image-original_*} and {@code diagnostics_Mask-original_*} cells the baseline has. */
    private static void compareOriginalDiagnostics(String column, Map<String, Map<String, String>> baseline,
            Map<String, String> diagnostics, List<String> failures) {
        for (Map.Entry<String, Map<String, String>> e : baseline.entrySet()) {
            String row = e.getKey();
            String cell = e.getValue().get(column);
            if (!(row.startsWith("diagnostics_Image-original_") || row.startsWith("diagnostics_Mask-original_"))
                    || row.endsWith("_Hash") || cell.isEmpty()) {
                continue;
            }
            String ours = diagnostics.get(row);
            if (ours == null) {
                record(column, "diagnostics", row.substring("diagnostics_".length()), "", Double.NaN, Double.NaN,
                        "-", false, "not written by the extractor", failures);
                continue;
            }
            double[] reference = numbers(ReferenceData.parsePython(cell));
            double[] value = numbers(ReferenceData.parsePython(ours));
            assertEquals(reference.length, value.length, column + " " + row);
            for (int i = 0; i < value.length; i++) {
                boolean pass = Math.abs(value[i] - reference[i]) <= 1e-9 * Math.max(1, Math.abs(reference[i]));
                record(column, "diagnostics", row.substring("diagnostics_".length())
                        + (value.length > 1 ? "[" + i + "]" : ""), "", value[i], reference[i], "rel 1e-9", pass,
                        "original input", failures);
            }
        }
    }

    private static double[] numbers(Object parsed) {
        if (parsed instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        return ((List<?>) parsed).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    // ---------------------------------------------------------------- shared

    /**
     * Adds a row to the report; an unexpected result (a failing row not in {@link #KNOWN_DEVIATIONS}, or a listed
     * row that passes) goes to {@code failures}.
     */
    private static void record(String dataset, String family, String feature, String id, double value,
            double reference, String tolerance, boolean pass, String note, List<String> failures) {
        String key = dataset + " | " + family + " | " + feature;
        String reason = KNOWN_DEVIATIONS.get(key);
        REPORT.add(dataset, family, feature, id, value, reference, tolerance, pass,
                reason != null ? reason : note);
        if (!pass && reason == null) {
            failures.add(key + ": " + value + " vs " + reference + " (" + tolerance + ")"
                    + (note.isEmpty() ? "" : " " + note));
        } else if (pass && reason != null) {
            failures.add(key + " passes now: remove it from KNOWN_DEVIATIONS");
        }
    }

    private static Image3D read(String relative) {
        try {
            return ImageFiles.read(ReferenceData.file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
