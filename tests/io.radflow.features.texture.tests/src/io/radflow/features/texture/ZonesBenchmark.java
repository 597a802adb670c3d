package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.TestOutput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Timings of the zone and neighbourhood families on brain1 (4137 voxels) and the IBSI CT phantom ROI (3D,
 * resegmented to [-500, 400] HU, FBS 25): median of repeated single-thread runs, and the throughput of as many
 * concurrent runs as there are cores. The baseline, measured in the same run, is a plain pass over the ROI
 * voxels (sum of the intensities inside the intensity mask); the discretisation and cropping that every family
 * starts with ({@link GreyLevelVolume#of}) is timed too. Prints and writes
 * {@code ${radflow.test.output}/../bench/texture-zones.md}; asserts nothing about speed.
 */
@Tag("benchmark")
class ZonesBenchmark {

    private static final int REPEATS = 9;

    private record Case(String name, Roi roi, FeatureSettings settings) {
    }

    @Test
    void zoneFamilies() throws Exception {
        List<Case> cases = new ArrayList<>();
        Image3D brain = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd"));
        Mask brainMask = Mask.ofLabel(ImageFiles.read(ReferenceData.file("pyradiomics/brain1_label.nrrd")), 1);
        cases.add(new Case("brain1 (3D, binWidth 25)", Roi.of(brain, brainMask), FeatureSettings.defaults()));
        Image3D raw = ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        double[] voxels = raw.voxels();
        Mask ctMask = Mask.ofLabel(ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz")), 1);
        boolean[] inRange = new boolean[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = Math.rint(voxels[i]);
            inRange[i] = ctMask.contains(i) && voxels[i] >= -500 && voxels[i] <= 400;
        }
        Image3D ct = new Image3D(raw.geometry(), voxels);
        cases.add(new Case("IBSI CT phantom (3D, FBS 25 from -500)", new Roi(ct, ctMask, new Mask(ct.geometry(), inRange)),
                FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(25)
                        .with(FeatureSettings.RESEGMENT_RANGE, List.of(-500.0, 400.0))
                        .with(TextureAggregation.SETTING, "3D")));
        List<FeatureFamily> families = List.of(new GlszmFeatures(), new GldzmFeatures(), new NgtdmFeatures(),
                new NgldmFeatures(), new GldmFeatures());
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder("# Texture zone families: timings\n\n");
        md.append(String.format(Locale.ROOT, "Median of %d single-thread runs after warm-up; 'all cores' runs %d computations "
                + "at once and reports the throughput. Baseline: one plain pass over the ROI voxels (sum of intensities "
                + "inside the intensity mask), measured in the same run. Java %s, %d cores.%n%n", REPEATS, cores,
                System.getProperty("java.version"), cores));
        md.append("| case | family | voxels | 1 thread (ms) | voxels/s | x plain pass | all cores: voxels/s | speed-up |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            for (Case c : cases) {
                int n = c.roi().intensity().count();
                double plain = median(() -> plainPass(c.roi()));
                md.append(String.format(Locale.ROOT, "| %s | plain pass | %d | %.3f | %.3g | 1 | | |%n", c.name(), n,
                        plain * 1e3, n / plain));
                double volume = median(() -> GreyLevelVolume.of(c.roi(), c.settings()));
                md.append(String.format(Locale.ROOT, "| %s | discretise + crop (shared by all) | %d | %.2f | %.3g | %.0f | | |%n",
                        c.name(), n, volume * 1e3, n / volume, volume / plain));
                for (FeatureFamily family : families) {
                    double single = median(() -> family.compute(c.roi(), c.settings()));
                    long start = System.nanoTime();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int k = 0; k < cores * 3; k++) {
                        futures.add(pool.submit(() -> family.compute(c.roi(), c.settings())));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                    double all = (System.nanoTime() - start) / 1e9;
                    double throughput = n * cores * 3.0 / all;
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.3g | %.0f | %.3g | %.2f |%n", c.name(),
                            family.key(), n, single * 1e3, n / single, single / plain, throughput, throughput / (n / single)));
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.println(md);
        Path out = TestOutput.writeBenchReport("texture-zones.md", md);
        assertTrue(Files.size(out) > 0);
    }

    private static double plainPass(Roi roi) {
        Mask mask = roi.intensity();
        Image3D image = roi.image();
        double sum = 0;
        for (int i = 0; i < image.voxelCount(); i++) {
            if (mask.contains(i)) {
                sum += image.get(i);
            }
        }
        return sum;
    }

    /** Median seconds of {@link #REPEATS} runs after 3 warm-up runs; the results are kept live. */
    private static double median(java.util.function.Supplier<Object> work) {
        Object sink = null;
        for (int k = 0; k < 3; k++) {
            sink = work.get();
        }
        double[] times = new double[REPEATS];
        for (int k = 0; k < REPEATS; k++) {
            long start = System.nanoTime();
            sink = work.get();
            times[k] = (System.nanoTime() - start) / 1e9;
        }
        if (sink == null) {
            throw new AssertionError("no result");
        }
        Arrays.sort(times);
        return times[REPEATS / 2];
    }
}
