package io.radflow.image.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.mask.BoundingBox;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.IbsiCtConfiguration;
import io.radflow.testsupport.IbsiCtConfiguration.Stage;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The IBSI-1 CT phantom under configurations A to E (IBSI-1 reference manual, chapter "Reference data sets"):
 * every {@code Diagnostics-*} row of {@code ibsi_1_reference_values.csv} (image and ROI dimensions, voxel counts,
 * mean/min/max after interpolation and resegmentation) against Radflow's preprocessing as
 * {@link IbsiCtConfiguration} applies it. Writes {@code conformance-ibsi-diagnostics.md}.
 */
class IbsiPreprocessingConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("ibsi-diagnostics",
            "IBSI-1 CT phantom: preprocessing diagnostics (configurations A to E)");

    private static Image3D image;
    private static Mask mask;

    @BeforeAll
    static void readPhantom() throws IOException {
        image = IbsiCtConfiguration.readImage();
        mask = IbsiCtConfiguration.readMask();
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    @ParameterizedTest
    @EnumSource(IbsiCtConfiguration.class)
    void diagnosticsOfConfiguration(IbsiCtConfiguration config) throws IOException {
        IbsiCtConfiguration.Stages stages = config.preprocess(image, mask);
        Map<String, Stage> byTag = Map.of("init", stages.initial(), "interp", stages.interpolated(),
                "reseg", stages.resegmented());

        List<ReferenceData.IbsiRow> rows = ReferenceData.ibsiRows(config.dataset(), null).stream()
                .filter(r -> r.family().startsWith("Diagnostics")).toList();
        assertEquals(60, rows.size(), "diagnostics rows of " + config.dataset());
        int failures = 0;
        for (ReferenceData.IbsiRow row : rows) {
            double value = diagnostic(row.tag(), byTag);
            double tolerance = row.effectiveTolerance();
            boolean pass = Math.abs(value - row.reference()) <= tolerance;
            REPORT.add(config.dataset(), row.family(), row.feature(), row.tag(), value, row.reference(),
                    String.format(Locale.ROOT, "abs %.3g", tolerance), pass, row.tolerance() < tolerance
                            ? "tolerance widened to the 3-digit rounding of the reference" : "");
            if (!pass) {
                failures++;
            }
        }
        assertTrue(failures == 0, failures + " diagnostics of " + config.dataset() + " fail:\n"
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
