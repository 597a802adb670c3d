package io.radflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.image.mask.BoundingBox;
import io.radflow.image.mask.Connectivity;
import io.radflow.image.mask.LabelMaps;
import io.radflow.image.mask.MaskOperations;
import io.radflow.image.preprocess.IntensityNormalisation;
import io.radflow.image.preprocess.Resegmentation;
import io.radflow.image.resample.GridResampler;
import io.radflow.image.resample.Interpolator;
import io.radflow.image.resample.PyRadiomicsResampling;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PyRadiomics' preprocessing variants of the first-order baselines (columns {@code <case>_resampling},
 * {@code _normalization} and {@code _resegmentation} of {@code baseline_firstorder.csv}) through Radflow's
 * preprocessing ({@link PyRadiomicsResampling}, {@link IntensityNormalisation}, {@link Resegmentation}) and
 * {@link FirstOrderFeatures}, with the settings read from each column's {@code diagnostics_Configuration_Settings},
 * in PyRadiomics' order (normalise, resample, resegment). Features pass at PyRadiomics' 3 % rule; the diagnostics
 * rows the CSV holds for these columns (the {@code -original} image and mask statistics; it has no
 * {@code -interpolated} rows) are checked against the input files. Writes
 * {@code conformance-pyradiomics-preprocessing.md}.
 */
class PyRadiomicsPreprocessingConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("pyradiomics-preprocessing",
            "PyRadiomics first-order baselines with resampling, normalisation and resegmentation");

    private static Map<String, Map<String, String>> baseline;

    @BeforeAll
    static void readBaseline() throws IOException {
        baseline = ReferenceData.baseline(FirstOrderFeatures.KEY);
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    @ParameterizedTest
    @ValueSource(strings = {"brain1_resampling", "brain1_normalization", "brain1_resegmentation",
        "breast1_resampling", "breast1_normalization", "breast1_resegmentation"})
    void firstOrderWithPreprocessing(String column) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) ReferenceData.parsePython(
                baseline.get("diagnostics_Configuration_Settings").get(column));
        String testCase = baseline.get("diagnostics_Configuration_TestCase").get(column);
        int label = (int) number(config, "label", 1);
        FeatureSettings settings = FeatureSettings.defaults()
                .withBinWidth(number(config, "binWidth", FeatureSettings.DEFAULT_BIN_WIDTH))
                .withVoxelArrayShift(number(config, "voxelArrayShift", 0))
                .withLabel(label);
        Image3D image = ImageFiles.read(ReferenceData.file("pyradiomics/" + testCase + "_image.nrrd"));
        Image3D labels = ImageFiles.read(ReferenceData.file("pyradiomics/" + testCase + "_label.nrrd"));
        checkOriginalDiagnostics(column, image, labels, label);

        if (Boolean.TRUE.equals(config.get("normalize"))) {
            Object outliers = config.get("removeOutliers");
            image = IntensityNormalisation.zScore(image, number(config, "normalizeScale", 1),
                    outliers == null ? null : ((Number) outliers).doubleValue());
        }
        Object spacing = config.get("resampledPixelSpacing");
        Object interpolator = config.get("interpolator");
        if (spacing != null && interpolator != null) {
            PyRadiomicsResampling.Result resampled = PyRadiomicsResampling.resample(image, labels, label,
                    doubles(spacing), Interpolator.parse((String) interpolator),
                    (int) number(config, "padDistance", PyRadiomicsResampling.DEFAULT_PAD_DISTANCE), new GridResampler());
            image = resampled.image();
            labels = resampled.labelMap();
        }
        Mask mask = LabelMaps.select(labels, label);
        Roi roi = Roi.of(image, mask);
        Object range = config.get("resegmentRange");
        if (range != null) {
            List<Double> bounds = new ArrayList<>();
            for (double v : doubles(range)) {
                bounds.add(v);
            }
            Resegmentation.Result result = Resegmentation.resegment(image, mask, bounds,
                    Resegmentation.Mode.parse((String) config.getOrDefault("resegmentMode", "absolute")));
            roi = new Roi(image, result.morphological(), result.intensity());
        }
        FeatureValues values = new FirstOrderFeatures().compute(roi, settings);

        String prefix = FeatureValues.key("original", FirstOrderFeatures.KEY, "");
        Set<String> names = new TreeSet<>();
        for (String row : baseline.keySet()) {
            if (row.startsWith(prefix) && !baseline.get(row).get(column).isEmpty()) {
                names.add(row.substring(prefix.length()));
            }
        }
        assertEquals(new TreeSet<>(values.names()), names, "every first-order feature has a baseline in " + column);
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            double reference = Double.parseDouble(baseline.get(prefix + name).get(column));
            if (!REPORT.addRelative(column, "firstorder", name, "", values.get(name), reference, 0.03)) {
                failures.add(name + ": " + values.get(name) + " vs " + reference);
            }
        }
        assertTrue(failures.isEmpty(), column + ": " + String.join("; ", failures));
    }

    /** The {@code diagnostics_Image-original_*} and {@code diagnostics_Mask-original_*} rows of the column. */
    private static void checkOriginalDiagnostics(String column, Image3D image, Image3D labels, int label) {
        Mask mask = LabelMaps.select(labels, label);
        double[] voxels = image.voxels();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : voxels) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] centre = new double[3];
        int nx = labels.geometry().sizeX();
        int ny = labels.geometry().sizeY();
        for (int i = 0; i < labels.voxelCount(); i++) {
            if (mask.contains(i)) {
                centre[0] += i % nx;
                centre[1] += (i / nx) % ny;
                centre[2] += i / (nx * ny);
            }
        }
        BoundingBox box = BoundingBox.of(mask);
        int[] lo = box.min();
        int[] size = box.size();
        double[] spacing = image.geometry().spacing();
        int[] imageSize = image.geometry().size();
        List<String> failures = new ArrayList<>();
        diagnostic(column, "diagnostics_Image-original_Mean", new double[] {sum / voxels.length}, 1e-9, failures);
        diagnostic(column, "diagnostics_Image-original_Minimum", new double[] {min}, 0, failures);
        diagnostic(column, "diagnostics_Image-original_Maximum", new double[] {max}, 0, failures);
        diagnostic(column, "diagnostics_Image-original_Size", new double[] {imageSize[0], imageSize[1], imageSize[2]}, 0, failures);
        diagnostic(column, "diagnostics_Image-original_Spacing", spacing, 1e-9, failures);
        diagnostic(column, "diagnostics_Mask-original_Spacing", labels.geometry().spacing(), 1e-9, failures);
        diagnostic(column, "diagnostics_Mask-original_VoxelNum", new double[] {mask.count()}, 0, failures);
        diagnostic(column, "diagnostics_Mask-original_VolumeNum",
                new double[] {MaskOperations.componentCount(mask, Connectivity.FACE, false)}, 0, failures);
        diagnostic(column, "diagnostics_Mask-original_BoundingBox",
                new double[] {lo[0], lo[1], lo[2], size[0], size[1], size[2]}, 0, failures);
        diagnostic(column, "diagnostics_Mask-original_CenterOfMassIndex", new double[] {centre[0] / mask.count(),
            centre[1] / mask.count(), centre[2] / mask.count()}, 1e-9, failures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void diagnostic(String column, String row, double[] values, double relative, List<String> failures) {
        Map<String, String> cells = baseline.get(row);
        if (cells == null || cells.get(column) == null || cells.get(column).isEmpty()) {
            return;
        }
        double[] reference = doubles(ReferenceData.parsePython(cells.get(column)));
        assertEquals(reference.length, values.length, row);
        for (int i = 0; i < values.length; i++) {
            String name = row.substring("diagnostics_".length()) + (values.length > 1 ? "[" + i + "]" : "");
            boolean pass = Math.abs(values[i] - reference[i]) <= relative * Math.max(1, Math.abs(reference[i]));
            REPORT.add(column, "diagnostics", name, "", values[i], reference[i],
                    relative == 0 ? "exact" : "rel " + relative, pass, "original input");
            if (!pass) {
                failures.add(column + " " + name + ": " + values[i] + " vs " + reference[i]);
            }
        }
    }

    private static double number(Map<String, Object> config, String key, double fallback) {
        Object value = config.get(key);
        return value == null ? fallback : ((Number) value).doubleValue();
    }

    private static double[] doubles(Object value) {
        if (value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        List<?> list = (List<?>) value;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }
}
