package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.features.IbsiStatistics;
import io.radflow.features.IntensityHistogramFeatures;
import io.radflow.features.IntensityVolumeHistogramFeatures;
import io.radflow.features.LocalIntensityFeatures;
import io.radflow.features.Roi;
import io.radflow.features.VoxelBasedFamily;
import io.radflow.features.extraction.VoxelBasedExtractor;
import io.radflow.features.extraction.VoxelSettings;
import io.radflow.features.shape.MorphologyFeatures;
import io.radflow.features.shape.ShapeFeatures;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.TestOutput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full original-image feature set of one case, family by family: PyRadiomics' classes (shape, first order,
 * GLCM, GLRLM, GLSZM, GLDM, NGTDM; binWidth 25) and IBSI's families (morphology, statistics, intensity histogram,
 * IVH, local intensity, GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM; IBSI convention, FBS 25) on brain1 (4137 voxels)
 * and the IBSI CT phantom GTV (rounded HU; IBSI set resegmented to [-500, 400] HU). Single thread: median of
 * repeated runs per family (after one warm-up pass over all cases) and their total. All cores: a batch of 8 copies of the case extracted as 8 patients in
 * parallel (each patient's families in sequence), reported as throughput. Baseline measured in the same run: a
 * plain pass over the ROI voxels (sum of intensities inside the mask). Also the voxel-based maps of brain1 (first
 * order and the PyRadiomics texture families, kernel radius 1). Prints and writes
 * {@code ${radflow.test.output}/../bench/features-all.md}; asserts nothing about speed.
 */
@Tag("benchmark")
class AllFeaturesBenchmark {

    private static final int REPEATS = 5;
    private static final int BATCH = 8;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private record Case(String name, Roi roi, FeatureSettings settings, List<FeatureFamily> families) {
    }

    @Test
    void allFamilies() throws Exception {
        Image3D brain = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd"));
        Mask brainMask = Mask.ofLabel(ImageFiles.read(ReferenceData.file("pyradiomics/brain1_label.nrrd")), 1);
        Image3D raw = ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        Mask ctMask = Mask.ofLabel(ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz")), 1);
        double[] voxels = raw.voxels();
        boolean[] inRange = new boolean[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = Math.rint(voxels[i]);
            inRange[i] = ctMask.contains(i) && voxels[i] >= -500 && voxels[i] <= 400;
        }
        Image3D ct = new Image3D(raw.geometry(), voxels);
        List<FeatureFamily> pyradiomics = List.of(new ShapeFeatures(), new FirstOrderFeatures(), new GlcmFeatures(),
                new GlrlmFeatures(), new GlszmFeatures(), new GldmFeatures(), new NgtdmFeatures());
        List<FeatureFamily> ibsi = List.of(new MorphologyFeatures(), new IbsiStatistics(), new IntensityHistogramFeatures(),
                new IntensityVolumeHistogramFeatures(), new LocalIntensityFeatures(), new GlcmFeatures(), new GlrlmFeatures(),
                new GlszmFeatures(), new GldzmFeatures(), new NgtdmFeatures(), new NgldmFeatures());
        FeatureSettings ibsiSettings = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(25);
        List<Case> cases = List.of(
                new Case("brain1, PyRadiomics", Roi.of(brain, brainMask), FeatureSettings.defaults(), pyradiomics),
                new Case("brain1, IBSI", Roi.of(brain, brainMask), ibsiSettings, ibsi),
                new Case("CT phantom, PyRadiomics", Roi.of(ct, ctMask), FeatureSettings.defaults(), pyradiomics),
                new Case("CT phantom, IBSI [-500, 400]", new Roi(ct, ctMask, new Mask(ct.geometry(), inRange)),
                        ibsiSettings.with(FeatureSettings.RESEGMENT_RANGE, List.of(-500.0, 400.0)), ibsi));
        for (Case c : cases) {
            for (FeatureFamily family : c.families()) {
                family.compute(c.roi(), c.settings());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder("# All original-image families: timings\n\n");
        md.append(String.format(Locale.ROOT, "Single thread: median CPU time of this thread over %d runs per family after 2 warm-up runs. All cores (wall time): "
                + "%d copies of the case extracted as %d patients in parallel (each patient's families in sequence). "
                + "Baseline: one plain pass over the ROI voxels, measured in the same run. Java %s, %d cores, system "
                + "load average %.1f at the start (other processes share the cores).%n%n",
                REPEATS, BATCH, BATCH, System.getProperty("java.version"), cores,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            for (Case c : cases) {
                int n = c.roi().intensity().count();
                double plain = median(() -> plainPass(c.roi()));
                md.append(String.format(Locale.ROOT, "## %s (%d ROI voxels)%n%n", c.name(), n));
                md.append("| family | features | 1 thread (ms) | share | x plain pass |\n|---|---|---|---|---|\n");
                Map<String, double[]> rows = new LinkedHashMap<>();
                double total = 0;
                for (FeatureFamily family : c.families()) {
                    int[] count = new int[1];
                    double t = median(() -> {
                        var values = family.compute(c.roi(), c.settings());
                        count[0] = values.size();
                        return values;
                    });
                    rows.put(family.key(), new double[] {count[0], t});
                    total += t;
                }
                int features = 0;
                for (Map.Entry<String, double[]> e : rows.entrySet()) {
                    double t = e.getValue()[1];
                    features += (int) e.getValue()[0];
                    md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f %% | %.0f |%n", e.getKey(),
                            (int) e.getValue()[0], t * 1e3, 100 * t / total, t / plain));
                }
                md.append(String.format(Locale.ROOT, "| **total** | %d | **%.1f** | 100 %% | %.0f |%n", features,
                        total * 1e3, total / plain));
                md.append(String.format(Locale.ROOT, "| plain pass | | %.3f | | 1 |%n%n", plain * 1e3));
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int k = 0; k < BATCH; k++) {
                    futures.add(pool.submit(() -> {
                        for (FeatureFamily family : c.families()) {
                            family.compute(c.roi(), c.settings());
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                double wall = (System.nanoTime() - start) / 1e9;
                md.append(String.format(Locale.ROOT, "Single thread: %.3g ROI voxels/s (%.2f s per case). All cores, "
                        + "batch of %d: %.2f s, %.3g ROI voxels/s, %.2f cases/s, speed-up %.2f.%n%n", n / total, total,
                        BATCH, wall, BATCH * n / wall, BATCH / wall, total * BATCH / wall));
            }
            voxelBased(md, Roi.of(brain, brainMask), cores);
        } finally {
            pool.shutdown();
        }
        System.out.println(md);
        Path out = TestOutput.writeBenchReport("features-all.md", md);
        assertTrue(Files.size(out) > 0);
    }

    /** Voxel-based maps of brain1: first order and the PyRadiomics texture families, kernel radius 1. */
    private static void voxelBased(StringBuilder md, Roi roi, int cores) {
        Map<VoxelBasedFamily, List<String>> families = new LinkedHashMap<>();
        for (VoxelBasedFamily f : List.of(new FirstOrderFeatures(), new GlcmFeatures(), new GlrlmFeatures(),
                new GlszmFeatures(), new GldmFeatures(), new NgtdmFeatures())) {
            families.put(f, List.of());
        }
        int n = roi.intensity().count();
        md.append(String.format(Locale.ROOT, "## Voxel-based maps, brain1 (%d kernels of radius 1)%n%n", n));
        md.append("| family | 1 thread (s) | kernels/s |\n|---|---|---|\n");
        for (Map.Entry<VoxelBasedFamily, List<String>> e : families.entrySet()) {
            double t = median(() -> new VoxelBasedExtractor(Map.of(e.getKey(), e.getValue()), FeatureSettings.defaults(),
                    VoxelSettings.defaults(), 1).compute(roi.image(), roi.intensity(), null, null));
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.3g |%n", e.getKey().key(), t, n / t));
        }
        double one = median(() -> new VoxelBasedExtractor(families, FeatureSettings.defaults(), VoxelSettings.defaults(), 1)
                .compute(roi.image(), roi.intensity(), null, null));
        long start = System.nanoTime();
        new VoxelBasedExtractor(families, FeatureSettings.defaults(), VoxelSettings.defaults(), cores)
                .compute(roi.image(), roi.intensity(), null, null);
        double all = (System.nanoTime() - start) / 1e9;
        md.append(String.format(Locale.ROOT, "| **all six** | %.2f | %.3g |%n%nAll six on %d threads: %.2f s wall (ratio to the CPU time of one thread %.2f).%n",
                one, n / one, cores, all, one / all));
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

    /**
     * Median CPU seconds of this thread over {@link #REPEATS} runs after 2 warm-up runs: CPU time, not wall time,
     * because the benchmark machines are shared (wall time is used where threads run in parallel).
     */
    private static double median(Supplier<Object> work) {
        for (int k = 0; k < 2; k++) {
            if (work.get() == null) {
                throw new AssertionError("no result");
            }
        }
        double[] times = new double[REPEATS];
        for (int k = 0; k < REPEATS; k++) {
            long start = THREADS.getCurrentThreadCpuTime();
            if (work.get() == null) {
                throw new AssertionError("no result");
            }
            times[k] = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return times[REPEATS / 2];
    }
}
