package io.radflow.image.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.image.mask.BoundingBox;
import io.radflow.image.mask.LabelMaps;
import io.radflow.image.preprocess.Resegmentation;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IBSI-1 CT phantom under configurations A to E (IBSI-1 reference manual, chapter "Reference data sets"):
 * every {@code Diagnostics-*} row of {@code ibsi_1_reference_values.csv} (image and ROI dimensions, voxel counts,
 * mean/min/max after interpolation and resegmentation) against Radflow's preprocessing. Writes
 * {@code conformance-ibsi-diagnostics.md}.
 *
 * <p>Processing: the float32 HU image is rounded to integers (as IBSI asks); A: no interpolation; B: 2 x 2 mm in-plane
 * bilinear; C, D: 2 x 2 x 2 mm trilinear; E: 2 x 2 x 2 mm tricubic B-spline; always "align grid centers", edge
 * padding, intensities rounded after interpolation, ROI trilinear with partial-volume threshold 0.5. Resegmentation:
 * A, B [-500, 400] HU; C [-1000, 400]; D mean +- 3 sd; E [-1000, 400], then mean +- 3 sd of what remains.
 */
class IbsiPreprocessingConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("ibsi-diagnostics",
            "IBSI-1 CT phantom: preprocessing diagnostics (configurations A to E)");

    private static Image3D image;
    private static Mask mask;

    @BeforeAll
    static void readPhantom() throws IOException {
        image = IntensityRounding.NEAREST.apply(ImageFiles.read(
                ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz")));
        mask = LabelMaps.select(ImageFiles.read(
                ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz")), 1);
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    /** One processing stage: the image and the intensity and morphological masks. */
    private record Stage(Image3D image, Mask intensity, Mask morphological) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "C", "D", "E"})
    void diagnosticsOfConfiguration(String config) throws IOException {
        Resampler resampler = new GridResampler();
        Stage initial = new Stage(image, mask, mask);
        Stage interpolated;
        if (config.equals("A")) {
            interpolated = initial;
        } else {
            double[] spacing = config.equals("B") ? new double[] {2, 2, 0} : new double[] {2, 2, 2};
            Interpolator interpolator = config.equals("E") ? Interpolator.BSPLINE : Interpolator.LINEAR;
            ImageGeometry target = ResamplingGrid.alignCenters(image.geometry(), spacing);
            Image3D resampled = IntensityRounding.NEAREST.apply(
                    resampler.resample(image, target, interpolator, Extrapolation.EDGE));
            Mask roi = resampler.resample(mask, target, MaskInterpolation.LINEAR_HALF, Extrapolation.EDGE);
            interpolated = new Stage(resampled, roi, roi);
        }
        Image3D img = interpolated.image();
        Resegmentation.Result reseg = switch (config) {
            case "A", "B" -> Resegmentation.resegment(img, interpolated.intensity(), List.of(-500.0, 400.0),
                    Resegmentation.Mode.ABSOLUTE);
            case "C" -> Resegmentation.resegment(img, interpolated.intensity(), List.of(-1000.0, 400.0),
                    Resegmentation.Mode.ABSOLUTE);
            case "D" -> Resegmentation.resegment(img, interpolated.intensity(), List.of(-3.0, 3.0),
                    Resegmentation.Mode.SIGMA);
            default -> Resegmentation.resegment(img, interpolated.intensity(), List.of(-1000.0, 400.0),
                    Resegmentation.Mode.ABSOLUTE).then(img, List.of(-3.0, 3.0), Resegmentation.Mode.SIGMA);
        };
        Stage resegmented = new Stage(img, reseg.intensity(), reseg.morphological());
        Map<String, Stage> stages = Map.of("init", initial, "interp", interpolated, "reseg", resegmented);

        List<ReferenceData.IbsiRow> rows = ReferenceData.ibsiRows("config_" + config, null).stream()
                .filter(r -> r.family().startsWith("Diagnostics")).toList();
        assertEquals(60, rows.size(), "diagnostics rows of config " + config);
        int failures = 0;
        for (ReferenceData.IbsiRow row : rows) {
            double value = diagnostic(row.tag(), stages);
            double tolerance = row.effectiveTolerance();
            boolean pass = Math.abs(value - row.reference()) <= tolerance;
            REPORT.add("config_" + config, row.family(), row.feature(), row.tag(), value, row.reference(),
                    String.format(Locale.ROOT, "abs %.3g", tolerance), pass, row.tolerance() < tolerance
                            ? "tolerance widened to the 3-digit rounding of the reference" : "");
            if (!pass) {
                failures++;
            }
        }
        assertTrue(failures == 0, failures + " diagnostics of config " + config + " fail:\n"
                + String.join("\n", REPORT.failures()));
    }

    /** The value of one diagnostics tag, e.g. {@code img_dim_x_interp_img} or {@code int_mask_mean_int_reseg_roi}. */
    private static double diagnostic(String tag, Map<String, Stage> stages) {
        String[] parts = tag.split("_");
        String stageName = parts[parts.length - 2];
        Stage stage = stages.get(stageName);
        if (stage == null) {
            throw new AssertionError("unknown stage in tag " + tag);
        }
        String what = tag.substring(0, tag.length() - stageName.length() - parts[parts.length - 1].length() - 2);
        ImageGeometry g = stage.image().geometry();
        return switch (what) {
            case "img_dim_x", "int_mask_dim_x" -> g.sizeX();
            case "img_dim_y", "int_mask_dim_y" -> g.sizeY();
            case "img_dim_z", "int_mask_dim_z" -> g.sizeZ();
            case "vox_dim_x" -> g.spacing()[0];
            case "vox_dim_y" -> g.spacing()[1];
            case "vox_dim_z" -> g.spacing()[2];
            case "mean_int" -> mean(stage.image().voxels());
            case "min_int" -> min(stage.image().voxels());
            case "max_int" -> max(stage.image().voxels());
            case "int_mask_bb_dim_x" -> BoundingBox.of(stage.intensity()).size()[0];
            case "int_mask_bb_dim_y" -> BoundingBox.of(stage.intensity()).size()[1];
            case "int_mask_bb_dim_z" -> BoundingBox.of(stage.intensity()).size()[2];
            case "morph_mask_bb_dim_x" -> BoundingBox.of(stage.morphological()).size()[0];
            case "morph_mask_bb_dim_y" -> BoundingBox.of(stage.morphological()).size()[1];
            case "morph_mask_bb_dim_z" -> BoundingBox.of(stage.morphological()).size()[2];
            case "int_mask_vox_count" -> stage.intensity().count();
            case "morph_mask_vox_count" -> stage.morphological().count();
            case "int_mask_mean_int" -> mean(stage.intensity().valuesOf(stage.image()));
            case "int_mask_min_int" -> min(stage.intensity().valuesOf(stage.image()));
            case "int_mask_max_int" -> max(stage.intensity().valuesOf(stage.image()));
            default -> throw new AssertionError("unknown diagnostics tag " + tag);
        };
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
