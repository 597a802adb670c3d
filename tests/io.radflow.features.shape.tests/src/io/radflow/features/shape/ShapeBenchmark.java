package io.radflow.features.shape;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.testsupport.TestOutput;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Timings of the shape families on brain1 and the IBSI CT phantom ROI, against a plain pass over the ROI voxels
 * (summing the intensities inside the mask) measured in the same run. Writes {@code bench/shape.md}; asserts
 * nothing about speed.
 */
@Tag("benchmark")
class ShapeBenchmark {

    private static final int REPEATS = 5;

    /** Best time of {@link #REPEATS} runs after three warm-up runs, in seconds. */
    private static double seconds(Supplier<Object> work) {
        for (int w = 0; w < 3; w++) {
            work.get();
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            long start = System.nanoTime();
            Object result = work.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (result == null) {
                throw new AssertionError("no result");
            }
        }
        return best;
    }

    private static double plainPass(Roi roi) {
        Image3D image = roi.image();
        Mask mask = roi.morphological();
        double sum = 0;
        for (int i = 0; i < image.voxelCount(); i++) {
            if (mask.contains(i)) {
                sum += image.get(i);
            }
        }
        return sum;
    }

    @Test
    void shapeTimings() throws IOException {
        Roi brain1 = Roi.of(ShapeTestData.read("pyradiomics/brain1_image.nrrd"),
                ShapeTestData.mask("pyradiomics/brain1_label.nrrd", 1));
        Roi ct = ShapeTestData.ctPhantomRoi(-500, 400);
        StringBuilder md = new StringBuilder("# Shape benchmark\n\n");
        md.append("Best of ").append(REPEATS).append(" runs after three warm-up runs. Baseline: one plain pass over the image ")
                .append("summing the intensities inside the ROI mask.\n\n");
        md.append("| data | ROI voxels | computation | time (ms) | ROI voxels / s | ratio to plain pass |\n");
        md.append("|---|---|---|---|---|---|\n");
        ShapeFeatures shape = new ShapeFeatures();
        MorphologyFeatures morphology = new MorphologyFeatures();
        for (Object[] data : new Object[][] {{"brain1", brain1}, {"IBSI CT phantom (config A)", ct}}) {
            Roi roi = (Roi) data[1];
            int voxels = roi.morphological().count();
            double baseline = seconds(() -> plainPass(roi));
            row(md, (String) data[0], voxels, "plain pass (baseline)", baseline, baseline);
            row(md, (String) data[0], voxels, "shape (3D, PyRadiomics)",
                    seconds(() -> shape.compute(roi, FeatureSettings.defaults())), baseline);
            row(md, (String) data[0], voxels, "morphology (IBSI, without Moran/Geary)",
                    seconds(() -> morphology.compute(roi, morphology.features().stream().map(d -> d.name())
                            .filter(n -> !n.equals("MoransI") && !n.equals("GearysC")).toList())), baseline);
            row(md, (String) data[0], voxels, "Moran's I and Geary's C (" + roi.intensity().count()
                    + " voxels)", seconds(() -> morphology.compute(roi, java.util.List.of("MoransI", "GearysC"))),
                    baseline);
        }
        System.out.print(md);
        TestOutput.writeBenchReport("shape.md", md);
    }

    private static void row(StringBuilder md, String data, int voxels, String what, double seconds, double baseline) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.3g | %.1f |%n", data, voxels, what,
                1000 * seconds, voxels / seconds, seconds / baseline));
    }
}
