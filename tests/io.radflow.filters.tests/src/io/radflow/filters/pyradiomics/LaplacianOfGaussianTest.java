package io.radflow.filters.pyradiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * LoG (SimpleITK LaplacianRecursiveGaussian semantics) against a direct convolution with the sampled continuous
 * kernel sigma^2 * Laplacian(G_sigma), computed here voxel by voxel, and against exact properties of the
 * normalised recursive filters.
 */
class LaplacianOfGaussianTest {

    /**
     * A smooth random volume on an anisotropic grid: the recursive result equals the direct convolution within
     * the accuracy of Deriche's approximation (here 1.5 % of the response range; the borders repeat the edge
     * voxel in both).
     */
    @Test
    void equalsDirectConvolutionWithTheSampledKernel() {
        int[] size = {18, 16, 14};
        double[] spacing = {1.0, 0.8, 1.5};
        Random random = new Random(11);
        double[] raw = random.doubles(size[0] * size[1] * size[2], 0, 100).toArray();
        ImageGeometry g = ImageGeometry.of(size[0], size[1], size[2], new double[3], spacing);
        for (double sigma : new double[] {1.5, 2.0}) {
            FilteredImage out = new LaplacianOfGaussianFilter(List.of(sigma), Parallelism.allCores())
                    .apply(new Image3D(g, raw), null).get(0);
            assertEquals(LaplacianOfGaussianFilter.derivedName(sigma), out.name());
            double maxError = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int[] radius = new int[3];
            for (int a = 0; a < 3; a++) {
                radius[a] = (int) Math.ceil(5 * sigma / spacing[a]);
            }
            for (int z = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        double sum = 0;
                        for (int k = -radius[2]; k <= radius[2]; k++) {
                            for (int j = -radius[1]; j <= radius[1]; j++) {
                                for (int i = -radius[0]; i <= radius[0]; i++) {
                                    int sx = Math.min(size[0] - 1, Math.max(0, x - i));
                                    int sy = Math.min(size[1] - 1, Math.max(0, y - j));
                                    int sz = Math.min(size[2] - 1, Math.max(0, z - k));
                                    sum += kernel(i * spacing[0], j * spacing[1], k * spacing[2], sigma)
                                            * spacing[0] * spacing[1] * spacing[2] * raw[sx + size[0] * (sy + size[1] * sz)];
                                }
                            }
                        }
                        double value = out.image().get(x, y, z);
                        maxError = Math.max(maxError, Math.abs(value - sum));
                        min = Math.min(min, sum);
                        max = Math.max(max, sum);
                    }
                }
            }
            assertTrue(maxError < 0.015 * (max - min), "sigma " + sigma + ": max error " + maxError + " vs range " + (max - min));
        }
    }

    /** sigma^2 * Laplacian of the normalised Gaussian at (x, y, z) mm. */
    private static double kernel(double x, double y, double z, double sigma) {
        double r2 = x * x + y * y + z * z;
        double s2 = sigma * sigma;
        double gauss = Math.exp(-r2 / (2 * s2)) / Math.pow(2 * Math.PI * s2, 1.5);
        return s2 * gauss * (r2 / (s2 * s2) - 3 / s2);
    }

    /**
     * Exact properties: a constant image has LoG 0 (borders repeat the edge); far from the borders a quadratic
     * x^2 + y^2 (mm^2) has Laplacian 4, so LoG = 4 sigma^2 (the normalisations make the second-order response
     * exact on quadratics and the zero-order one preserve constants).
     */
    @Test
    void constantsVanishAndQuadraticsGiveFourSigmaSquared() {
        int[] size = {60, 60, 8};
        double[] spacing = {0.5, 0.5, 2};
        ImageGeometry g = ImageGeometry.of(size[0], size[1], size[2], new double[3], spacing);
        double[] constant = new double[g.voxelCount()];
        java.util.Arrays.fill(constant, 42);
        double sigma = 1.0;
        Image3D flat = new LaplacianOfGaussianFilter(List.of(sigma), Parallelism.single()).apply(new Image3D(g, constant), null)
                .get(0).image();
        for (int i = 0; i < flat.voxelCount(); i++) {
            assertEquals(0, flat.get(i), 1e-9);
        }
        double[] quadratic = new double[g.voxelCount()];
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    double mx = (x - 30) * spacing[0];
                    double my = (y - 30) * spacing[1];
                    quadratic[g.index(x, y, z)] = mx * mx + my * my;
                }
            }
        }
        Image3D log = new LaplacianOfGaussianFilter(List.of(sigma), Parallelism.single()).apply(new Image3D(g, quadratic), null)
                .get(0).image();
        assertEquals(4 * sigma * sigma, log.get(30, 30, 4), 1e-6);
        assertEquals(4 * sigma * sigma, log.get(25, 33, 2), 1e-6);
    }

    /** The order-0 recursive Gaussian of an impulse sums to 1 and is within 0.5 % of the peak of the sampled Gaussian. */
    @Test
    void recursiveGaussianApproximatesTheGaussian() {
        double sigma = 3;
        RecursiveGaussian g = new RecursiveGaussian(sigma, 1, 0, false);
        double[] impulse = new double[101];
        impulse[50] = 1;
        double[] out = new double[101];
        g.apply(impulse, out);
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += out[i];
            double exact = Math.exp(-(i - 50) * (i - 50) / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
            assertEquals(exact, out[i], 5e-3 * (1 / (sigma * Math.sqrt(2 * Math.PI))), "tap " + i);
        }
        assertEquals(1, sum, 1e-9);
    }

    /** PyRadiomics' checks: image at least 4 voxels per axis, sigma not larger than the image, sigma positive. */
    @Test
    void rejectsWhatPyRadiomicsSkips() {
        ImageGeometry g = ImageGeometry.of(10, 10, 5, new double[3], new double[] {1, 1, 2});
        Image3D image = new Image3D(g, new double[500]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LaplacianOfGaussianFilter(List.of(9.0), Parallelism.single()).apply(image, null));
        assertTrue(e.getMessage().contains("sigma 9.0") && e.getMessage().contains("axis 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LaplacianOfGaussianFilter(List.of(0.0), Parallelism.single()).apply(image, null));
        Image3D thin = new Image3D(ImageGeometry.of(10, 10, 3, new double[3], new double[] {1, 1, 1}), new double[300]);
        assertThrows(IllegalArgumentException.class,
                () -> new LaplacianOfGaussianFilter(List.of(1.0), Parallelism.single()).apply(thin, null));
        assertEquals("log-sigma-3-0-mm-3D", LaplacianOfGaussianFilter.derivedName(3.0));
        assertEquals("log-sigma-0-5-mm-3D", LaplacianOfGaussianFilter.derivedName(0.5));
    }
}
