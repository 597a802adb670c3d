package io.radflow.filters.ibsi2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureValues;
import io.radflow.features.IbsiStatistics;
import io.radflow.filters.Padding;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.image.mask.LabelMaps;
import io.radflow.image.preprocess.Resegmentation;
import io.radflow.image.resample.Extrapolation;
import io.radflow.image.resample.GridResampler;
import io.radflow.image.resample.IntensityRounding;
import io.radflow.image.resample.Interpolator;
import io.radflow.image.resample.MaskInterpolation;
import io.radflow.image.resample.ResamplingGrid;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IBSI-2 phase 2: IBSI-1 intensity statistics of the filtered IBSI CT phantom against the consensus values of
 * {@code ibsi2/ibsi_2_reference_data/reference_feature_values/reference_values.csv} (pass: {@code |value - consensus|
 * <= tolerance}). Preprocessing (IBSI-2 reference manual, chapter 6): intensities rounded to integers; A
 * configurations filter each axial slice in 2D on the original 0.977 x 0.977 x 3 mm grid; B configurations resample
 * to 1 mm isotropic (grid centres aligned, tricubic B-spline, rounded to integers; ROI trilinear with threshold 0.5)
 * and filter in 3D. The whole image is filtered; the ROI is re-segmented to [-1000, 400] HU on the unfiltered image,
 * and the statistics are taken from the response map inside it. Padding is mirror except for the Simoncelli wavelet
 * (periodic by definition). Writes {@code conformance-ibsi2-phase2.md/.csv}, one row per filter id and feature.
 */
class Ibsi2Phase2ConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("ibsi2-phase2",
            "IBSI-2 phase 2: intensity statistics of the filtered CT phantom");

    private static final Map<String, String> FEATURE_BY_TAG = Map.ofEntries(Map.entry("stat_mean", "Mean"),
            Map.entry("stat_var", "Variance"), Map.entry("stat_skew", "Skewness"),
            Map.entry("stat_kurt", "ExcessKurtosis"), Map.entry("stat_median", "Median"),
            Map.entry("stat_min", "Minimum"), Map.entry("stat_p10", "10Percentile"),
            Map.entry("stat_p90", "90Percentile"), Map.entry("stat_max", "Maximum"),
            Map.entry("stat_iqr", "InterquartileRange"), Map.entry("stat_range", "Range"),
            Map.entry("stat_mad", "MeanAbsoluteDeviation"), Map.entry("stat_rmad", "RobustMeanAbsoluteDeviation"),
            Map.entry("stat_medad", "MedianAbsoluteDeviation"), Map.entry("stat_cov", "CoefficientOfVariation"),
            Map.entry("stat_qcod", "QuartileCoefficientOfDispersion"), Map.entry("stat_energy", "Energy"),
            Map.entry("stat_rms", "RootMeanSquare"));

    /** The prepared input of one family of configurations: image and re-segmented ROI. */
    private record Input(Image3D image, Mask roi) {
    }

    private static Input original;
    private static Input isotropic;
    private static List<String[]> referenceRows;

    @BeforeAll
    static void prepare() throws IOException {
        Image3D image = IntensityRounding.NEAREST.apply(ImageFiles.read(
                ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz")));
        Mask mask = LabelMaps.select(ImageFiles.read(
                ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz")), 1);
        original = new Input(image, resegmented(image, mask));
        GridResampler resampler = new GridResampler();
        ImageGeometry target = ResamplingGrid.alignCenters(image.geometry(), new double[] {1, 1, 1});
        Image3D resampled = IntensityRounding.NEAREST.apply(
                resampler.resample(image, target, Interpolator.BSPLINE, Extrapolation.EDGE));
        Mask roi = resampler.resample(mask, target, MaskInterpolation.LINEAR_HALF, Extrapolation.EDGE);
        isotropic = new Input(resampled, resegmented(resampled, roi));
        referenceRows = new ArrayList<>();
        List<String> lines = Files.readAllLines(
                ReferenceData.file("ibsi2/ibsi_2_reference_data/reference_feature_values/reference_values.csv"));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                referenceRows.add(line.split(";", -1));
            }
        }
        assertEquals(324, referenceRows.size(), "rows of reference_values.csv");
    }

    private static Mask resegmented(Image3D image, Mask roi) {
        return Resegmentation.resegment(image, roi, List.of(-1000.0, 400.0), Resegmentation.Mode.ABSOLUTE).intensity();
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    /** The filter of a configuration id ({@code 1.A} to {@code 9.B}); null for 1 (the unfiltered image). */
    static ConvolutionalFilter filter(String id) {
        boolean threeD = id.endsWith("B");
        FilterDimensions d = threeD ? FilterDimensions.THREE_D : FilterDimensions.TWO_D;
        Padding mirror = Padding.MIRROR;
        return switch (id.charAt(0)) {
            case '1' -> null;
            case '2' -> new MeanFilter(5, d, mirror);
            case '3' -> new LaplacianOfGaussianFilter(1.5, 4, d, mirror);
            case '4' -> new LawsFilter(threeD ? "L5E5E5" : "L5E5", d, mirror, Pooling.MAX, 7);
            case '5' -> new GaborFilter(5, 2, 1.5, 0, Math.PI / 8, d, mirror);
            case '6' -> new SeparableWaveletFilter(Wavelet.DB3, threeD ? "LLH" : "LH", 1, d, mirror, Pooling.AVERAGE);
            case '7' -> new SeparableWaveletFilter(Wavelet.DB3, threeD ? "HHH" : "HH", 2, d, mirror, Pooling.AVERAGE);
            case '8' -> new SimoncelliWaveletFilter(1, d);
            case '9' -> new SimoncelliWaveletFilter(2, d);
            default -> throw new IllegalArgumentException("unknown configuration " + id);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.A", "1.B", "2.A", "2.B", "3.A", "3.B", "4.A", "4.B", "5.A", "5.B", "6.A", "6.B", "7.A",
            "7.B", "8.A", "8.B", "9.A", "9.B"})
    void statisticsOfTheFilteredPhantom(String id) {
        Input input = id.endsWith("A") ? original : isotropic;
        ConvolutionalFilter filter = filter(id);
        Image3D response = filter == null ? input.image() : filter.response(input.image(), Parallelism.allCores());
        FeatureValues values = new IbsiStatistics().compute(input.roi().valuesOf(response));
        List<String> failures = new ArrayList<>();
        int rows = 0;
        for (String[] row : referenceRows) {
            if (!row[0].equals(id)) {
                continue;
            }
            rows++;
            String feature = FEATURE_BY_TAG.get(row[2]);
            double value = values.get(feature);
            String family = filter == null ? "none" : filter.derivedName();
            if (row[3].isBlank()) {
                continue; // no consensus (8.B stat_qcod)
            }
            double reference = Double.parseDouble(row[3]);
            double tolerance = Double.parseDouble(row[4]);
            if (!REPORT.addAbsolute(id, family, feature, row[2], value, reference, tolerance)) {
                failures.add(String.format(Locale.ROOT, "%s %s: %.6g vs %.6g +- %.3g", id, feature, value,
                        reference, tolerance));
            }
        }
        assertEquals(18, rows, "reference rows of " + id);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
