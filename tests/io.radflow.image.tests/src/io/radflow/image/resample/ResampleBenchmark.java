package io.radflow.image.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.TestOutput;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Resampling speed: PyRadiomics' brain1 (256 x 256 x 25 voxels of 0.78 x 0.78 x 6.5 mm) to 1 mm isotropic with the
 * cubic B-spline (IBSI grid), next to a plain copy of the input voxel array measured in the same run. Prints and
 * writes {@code bench/resample.md}; asserts only the output grid, never the speed.
 */
@Tag("benchmark")
class ResampleBenchmark {

    private static final int RUNS = 3;

    @Test
    void brain1ToOneMillimetreWithBSpline() throws IOException {
        Image3D image = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd"));
        ImageGeometry target = ResamplingGrid.alignCenters(image.geometry(), new double[] {1, 1, 1});
        assertArrayEquals(new int[] {200, 200, 163}, target.size());
        Resampler resampler = new GridResampler();
        resampler.resample(image, target, Interpolator.BSPLINE, Extrapolation.EDGE); // warm-up
        double resample = Double.POSITIVE_INFINITY;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            resampler.resample(image, target, Interpolator.BSPLINE, Extrapolation.EDGE);
            resample = Math.min(resample, (System.nanoTime() - start) / 1e9);
        }
        double[] voxels = image.voxels();
        double copy = Double.POSITIVE_INFINITY;
        double checksum = 0;
        for (int run = 0; run < 20; run++) {
            long start = System.nanoTime();
            double[] copied = voxels.clone();
            copy = Math.min(copy, (System.nanoTime() - start) / 1e9);
            checksum += copied[run];
        }
        int in = image.voxelCount();
        int out = target.voxelCount();
        String table = String.format(Locale.ROOT, """
                # Resampling benchmark

                brain1 (%d voxels) to 1 mm isotropic (%d voxels), cubic B-spline, %d processors; best of %d runs.

                | operation | time (ms) | voxels / s (copy: input, resampling: output) | time ratio to copy |
                |---|---|---|---|
                | plain copy of the input array | %.3f | %.3g | 1 |
                | B-spline resampling (GridResampler) | %.1f | %.3g | %.0f |
                """, in, out, Runtime.getRuntime().availableProcessors(), RUNS, copy * 1e3, in / copy, resample * 1e3,
                out / resample, resample / copy);
        System.out.println(table + "(checksum " + checksum + ")");
        TestOutput.writeBenchReport("resample.md", table);
    }
}
