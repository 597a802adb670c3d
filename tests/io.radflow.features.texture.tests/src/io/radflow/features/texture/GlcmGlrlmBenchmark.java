package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.testsupport.TestOutput;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time of GLCM and GLRLM (discretisation, matrices and features) on brain1 (PyRadiomics defaults) and the IBSI CT
 * phantom (3D averaged, FBS 25 HU from -500 after resegmentation to [-500, 400]), single-threaded and with all
 * cores (patients in parallel), against a plain pass over the ROI voxels measured in the same run. Writes
 * {@code bench/texture-glcm-glrlm.md} beside the test output. Asserts nothing about speed.
 */
@Tag("benchmark")
class GlcmGlrlmBenchmark {

    private record Case(String name, Roi roi, FeatureSettings settings) {
    }

    @Test
    void glcmAndGlrlm() throws IOException {
        FeatureSettings brainSettings = FeatureSettings.defaults();
        List<Case> cases = List.of(
                new Case("brain1", GlcmGlrlmTestData.pyradiomicsRoi("brain1", brainSettings), brainSettings),
                new Case("CT phantom", GlcmGlrlmTestData.ctPhantomConfigA(),
                        GlcmGlrlmTestData.ctConfigASettings().with(TextureAggregation.SETTING, "3D, averaged")));
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder("# GLCM and GLRLM benchmark\n\n");
        md.append(String.format(Locale.ROOT, "%d cores, Java %s. Median of %d runs after %d warm-up runs. "
                + "Baseline: one plain pass summing the image over the intensity mask (all image voxels tested).%n%n",
                cores, System.getProperty("java.version"), RUNS, WARMUP));
        md.append("| case | ROI voxels | what | ms | ROI voxels/s | x baseline pass |\n|---|---|---|---|---|---|\n");
        for (Case c : cases) {
            int voxels = c.roi().intensity().count();
            double baseline = medianMillis(() -> plainPass(c.roi()));
            row(md, c.name(), voxels, "baseline pass", baseline, baseline);
            double discretise = medianMillis(() -> GreyLevelVolume.of(c.roi(), c.settings()));
            row(md, c.name(), voxels, "of which discretisation and crop (GreyLevelVolume.of)", discretise, baseline);
            GreyLevelVolume volume = GreyLevelVolume.of(c.roi(), c.settings());
            row(md, c.name(), voxels, "of which GLCM matrices (all directions)",
                    medianMillis(() -> GlcmFeatures.matrices(volume, c.settings())), baseline);
            row(md, c.name(), voxels, "of which GLRLM matrices (all directions)",
                    medianMillis(() -> GlrlmFeatures.matrices(volume, c.settings())), baseline);
            row(md, c.name(), voxels, "of which GLCM MCC (eigenvalues, all directions)",
                    medianMillis(() -> new GlcmFeatures().compute(volume, c.settings(), List.of("MCC"))), baseline);
            double glcm = medianMillis(() -> new GlcmFeatures().compute(c.roi(), c.settings()));
            row(md, c.name(), voxels, "GLCM, 1 thread", glcm, baseline);
            double glrlm = medianMillis(() -> new GlrlmFeatures().compute(c.roi(), c.settings()));
            row(md, c.name(), voxels, "GLRLM, 1 thread", glrlm, baseline);
            int tasks = 4 * cores;
            double parallel = medianMillis(() -> IntStream.range(0, tasks).parallel().forEach(t -> {
                FeatureFamily family = t % 2 == 0 ? new GlcmFeatures() : new GlrlmFeatures();
                family.compute(c.roi(), c.settings());
            }));
            double perPair = parallel / (tasks / 2.0);
            row(md, c.name(), voxels, "GLCM + GLRLM, " + cores + " threads (" + tasks / 2 + " patients in parallel), per patient",
                    perPair, baseline);
            md.append(String.format(Locale.ROOT, "| %s | | speed-up of %d threads over 1 | %.2f | | |%n", c.name(), cores,
                    (glcm + glrlm) / perPair));
        }
        System.out.println(md);
        TestOutput.writeBenchReport("texture-glcm-glrlm.md", md);
        assertEquals(2, cases.size());
    }

    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    /** Keeps the JIT from dropping the baseline loop. */
    private static volatile double sink;

    private static void plainPass(Roi roi) {
        Image3D image = roi.image();
        Mask mask = roi.intensity();
        double s = 0;
        for (int i = 0; i < image.voxelCount(); i++) {
            if (mask.contains(i)) {
                s += image.get(i);
            }
        }
        sink = s;
    }

    private static double medianMillis(Runnable work) {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static void row(StringBuilder md, String name, int voxels, String what, double millis, double baseline) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.3f | %.3g | %.1f |%n", name, voxels, what, millis,
                voxels / (millis / 1000), millis / baseline));
    }
}
