package io.radflow.filters.pyradiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.TestOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * LoG (3 sigmas) and wavelet (coif1, 8 bands) on brain1 (256x256x25) and on a CT-sized 512x512x100 volume, on one
 * thread and on all cores, as voxels per second and as a ratio to one plain (non-separable) 3x3x3 convolution
 * pass over the same volume measured in the same run. Writes target/bench/filters.md; asserts nothing about speed.
 */
@Tag("benchmark")
class FiltersBenchmark {

    @Test
    void logAndWaveletAgainstA3x3x3Pass() throws IOException {
        Image3D brain = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd"));
        double[] ct = new double[512 * 512 * 100];
        Random random = new Random(1);
        for (int i = 0; i < ct.length; i++) {
            ct[i] = -1000 + 1400 * random.nextDouble();
        }
        Image3D big = Image3D.wrap(ImageGeometry.of(512, 512, 100, new double[3], new double[] {0.7, 0.7, 2.5}), ct);
        List<String> rows = new ArrayList<>();
        rows.add("| volume | threads | operation | seconds | Mvoxels/s | ratio to one 3x3x3 pass |");
        rows.add("| --- | --- | --- | --- | --- | --- |");
        int cores = Runtime.getRuntime().availableProcessors();
        for (Image3D image : List.of(brain, big)) {
            String volume = image.geometry().sizeX() + "x" + image.geometry().sizeY() + "x" + image.geometry().sizeZ();
            for (Parallelism p : List.of(Parallelism.single(), Parallelism.allCores())) {
                double base = seconds(() -> convolve3x3x3(image, p), image == brain ? 3 : 1);
                double log = seconds(() -> new LaplacianOfGaussianFilter(List.of(1.0, 3.0, 5.0), p).apply(image, null),
                        image == brain ? 2 : 1);
                double wavelet = seconds(() -> new WaveletFilter(Wavelet.of("coif1"), 1, 0, p).apply(image, null),
                        image == brain ? 2 : 1);
                for (Object[] r : new Object[][] {{"3x3x3 convolution (baseline)", base}, {"LoG, 3 sigmas", log},
                        {"wavelet coif1, 8 bands", wavelet}}) {
                    double s = (Double) r[1];
                    rows.add(String.format(Locale.ROOT, "| %s | %d | %s | %.3f | %.1f | %.1f |", volume, p.threads(), r[0], s,
                            image.voxelCount() / s / 1e6, s / base));
                }
            }
        }
        String report = "# Filter benchmark\n\nMachine: " + cores + " cores, Java " + System.getProperty("java.version")
                + ". Voxels per second count input voxels (LoG: three derived images, wavelet: eight).\n"
                + "Baseline: one direct 27-tap 3x3x3 convolution pass with edge repetition, same thread count.\n\n"
                + String.join("\n", rows) + "\n";
        System.out.println(report);
        TestOutput.writeBenchReport("filters.md", report);
    }

    /** Best of {@code runs} wall times (after one warm-up run) in seconds. */
    private static double seconds(Supplier<?> work, int runs) {
        Object keep = work.get();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < runs; r++) {
            keep = null;
            long t0 = System.nanoTime();
            keep = work.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        if (keep instanceof List<?> l) {
            assertEquals(false, l.isEmpty());
        }
        return best;
    }

    /** A plain 3x3x3 box-weighted convolution with edge repetition (the baseline). */
    private static double[] convolve3x3x3(Image3D image, Parallelism p) {
        ImageGeometry g = image.geometry();
        int nx = g.sizeX(), ny = g.sizeY(), nz = g.sizeZ();
        double[] v = image.voxels();
        double[] out = new double[v.length];
        double[] w = new double[27];
        for (int i = 0; i < 27; i++) {
            w[i] = (i % 3 + 1) * ((i / 3) % 3 + 1) * (i / 9 + 1) / 216.0;
        }
        p.forEach(nz, z -> {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double sum = 0;
                    int t = 0;
                    for (int k = -1; k <= 1; k++) {
                        int zz = Math.min(nz - 1, Math.max(0, z + k));
                        for (int j = -1; j <= 1; j++) {
                            int yy = Math.min(ny - 1, Math.max(0, y + j));
                            int row = nx * (yy + ny * zz);
                            for (int i = -1; i <= 1; i++) {
                                sum += w[t++] * v[row + Math.min(nx - 1, Math.max(0, x + i))];
                            }
                        }
                    }
                    out[x + nx * (y + ny * z)] = sum;
                }
            }
        });
        return out;
    }

}
