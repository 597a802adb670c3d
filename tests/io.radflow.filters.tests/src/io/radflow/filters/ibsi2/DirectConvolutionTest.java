package io.radflow.filters.ibsi2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radflow.filters.Padding;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Independent checks: each filter on a small random volume equals a slow direct convolution written here from the
 * IBSI-2 definitions (full 3D kernels, own padding, rotation invariance by really rotating the volume), not through
 * the separable or FFT code paths of the filters.
 */
class DirectConvolutionTest {

    private static final int[] SIZE = {9, 8, 7};

    private static Image3D randomVolume(long seed, int[] size) {
        double[] v = new Random(seed).doubles((long) size[0] * size[1] * size[2], -100, 100).toArray();
        return Image3D.wrap(ImageGeometry.of(size[0], size[1], size[2], new double[3], new double[] {1, 1, 1}), v);
    }

    /** The padded index, written out from the IBSI-2 boundary conditions (-1 for the constant 0). */
    private static int pad(int i, int n, Padding mode) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (mode) {
            case CONSTANT:
                return -1;
            case NEAREST:
                return i < 0 ? 0 : n - 1;
            case PERIODIC:
                return ((i % n) + n) % n;
            default:
                while (i < 0 || i >= n) {
                    i = i < 0 ? -i - 1 : 2 * n - 1 - i;
                }
                return i;
        }
    }

    /** A 3D kernel: value at offset (dx, dy, dz), for |d_a| <= radius_a. */
    private interface Kernel3D {
        double at(int dx, int dy, int dz);
    }

    /** {@code y(p) = sum_q K(q) x(p - q)} over the offsets {@code lo_a <= q_a <= hi_a}. */
    private static double[] direct(double[] x, int[] n, int[] lo, int[] hi, Kernel3D k, Padding mode) {
        double[] y = new double[x.length];
        for (int z = 0; z < n[2]; z++) {
            for (int yy = 0; yy < n[1]; yy++) {
                for (int xx = 0; xx < n[0]; xx++) {
                    double sum = 0;
                    for (int dz = lo[2]; dz <= hi[2]; dz++) {
                        int sz = pad(z - dz, n[2], mode);
                        for (int dy = lo[1]; dy <= hi[1]; dy++) {
                            int sy = pad(yy - dy, n[1], mode);
                            for (int dx = lo[0]; dx <= hi[0]; dx++) {
                                int sx = pad(xx - dx, n[0], mode);
                                if (sx >= 0 && sy >= 0 && sz >= 0) {
                                    sum += k.at(dx, dy, dz) * x[sx + n[0] * (sy + n[1] * sz)];
                                }
                            }
                        }
                    }
                    y[xx + n[0] * (yy + n[1] * z)] = sum;
                }
            }
        }
        return y;
    }

    private static void assertVolumesEqual(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + " at voxel " + i);
        }
    }

    @Test
    void meanFilterEqualsTheBoxSum() {
        Image3D image = randomVolume(1, SIZE);
        for (Padding mode : Padding.values()) {
            double[] expected = direct(image.voxels(), SIZE, new int[] {-2, -2, -2}, new int[] {2, 2, 2},
                    (dx, dy, dz) -> 1.0 / 125, mode);
            assertVolumesEqual(expected, new MeanFilter(5, FilterDimensions.THREE_D, mode)
                    .response(image, new Parallelism(2)).voxels(), 1e-9, "mean " + mode);
            double[] expected2D = direct(image.voxels(), SIZE, new int[] {-1, -1, 0}, new int[] {1, 1, 0},
                    (dx, dy, dz) -> 1.0 / 9, mode);
            assertVolumesEqual(expected2D, new MeanFilter(3, FilterDimensions.TWO_D, mode)
                    .response(image, Parallelism.single()).voxels(), 1e-9, "mean 2D " + mode);
        }
    }

    @Test
    void laplacianOfGaussianEqualsTheFullKernel() {
        Image3D image = randomVolume(2, SIZE);
        double sigma = 0.8;
        int r = (int) Math.ceil(4 * sigma);
        Kernel3D log = (dx, dy, dz) -> {
            double r2 = dx * dx + dy * dy + dz * dz;
            return (r2 / Math.pow(sigma, 4) - 3 / (sigma * sigma)) * Math.pow(2 * Math.PI * sigma * sigma, -1.5)
                    * Math.exp(-r2 / (2 * sigma * sigma));
        };
        double[] expected = direct(image.voxels(), SIZE, new int[] {-r, -r, -r}, new int[] {r, r, r}, log,
                Padding.MIRROR);
        assertVolumesEqual(expected, new LaplacianOfGaussianFilter(sigma, 4, FilterDimensions.THREE_D, Padding.MIRROR)
                .response(image, new Parallelism(2)).voxels(), 1e-9, "LoG");
    }

    /** The 24 rotations as index maps, enumerated here: signed permutations with determinant +1. */
    private static List<int[][]> rotations() {
        List<int[][]> out = new ArrayList<>();
        int[][] perms = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
        for (int p = 0; p < 6; p++) {
            int parity = p < 3 ? 1 : -1;
            for (int s = 0; s < 8; s++) {
                int[] signs = {(s & 1) == 0 ? 1 : -1, (s & 2) == 0 ? 1 : -1, (s & 4) == 0 ? 1 : -1};
                if (parity * signs[0] * signs[1] * signs[2] == 1) {
                    out.add(new int[][] {perms[p], signs});
                }
            }
        }
        assertEquals(24, out.size());
        return out;
    }

    /** The volume rotated: new axis a is old axis perm[a], reversed where sign[a] = -1. Returns {values, size}. */
    private static Object[] rotate(double[] x, int[] n, int[][] rotation) {
        int[] perm = rotation[0];
        int[] sign = rotation[1];
        int[] m = {n[perm[0]], n[perm[1]], n[perm[2]]};
        double[] y = new double[x.length];
        int[] q = new int[3];
        int[] p = new int[3];
        for (q[2] = 0; q[2] < m[2]; q[2]++) {
            for (q[1] = 0; q[1] < m[1]; q[1]++) {
                for (q[0] = 0; q[0] < m[0]; q[0]++) {
                    for (int a = 0; a < 3; a++) {
                        p[perm[a]] = sign[a] > 0 ? q[a] : m[a] - 1 - q[a];
                    }
                    y[q[0] + m[0] * (q[1] + m[1] * q[2])] = x[p[0] + n[0] * (p[1] + n[1] * p[2])];
                }
            }
        }
        return new Object[] {y, m};
    }

    /** The inverse of {@link #rotate}: maps a rotated volume of size m back to size n. */
    private static double[] rotateBack(double[] y, int[] n, int[][] rotation) {
        int[] perm = rotation[0];
        int[] sign = rotation[1];
        int[] m = {n[perm[0]], n[perm[1]], n[perm[2]]};
        double[] x = new double[y.length];
        int[] q = new int[3];
        int[] p = new int[3];
        for (q[2] = 0; q[2] < m[2]; q[2]++) {
            for (q[1] = 0; q[1] < m[1]; q[1]++) {
                for (q[0] = 0; q[0] < m[0]; q[0]++) {
                    for (int a = 0; a < 3; a++) {
                        p[perm[a]] = sign[a] > 0 ? q[a] : m[a] - 1 - q[a];
                    }
                    x[p[0] + n[0] * (p[1] + n[1] * p[2])] = y[q[0] + m[0] * (q[1] + m[1] * q[2])];
                }
            }
        }
        return x;
    }

    /** Outer product kernel of 1D kernels (index c_a on the output voxel) as a direct convolution. */
    private static double[] separableDirect(double[] x, int[] n, double[][] k, int[] c, Padding mode) {
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = -c[a];
            hi[a] = k[a].length - 1 - c[a];
        }
        return direct(x, n, lo, hi, (dx, dy, dz) -> k[0][dx + c[0]] * k[1][dy + c[1]] * k[2][dz + c[2]], mode);
    }

    @Test
    void lawsWithMaxPoolingAndEnergyEqualsRotatedVolumesFilteredDirectly() {
        Image3D image = randomVolume(3, SIZE);
        double[] e5 = {-1 / Math.sqrt(10), -2 / Math.sqrt(10), 0, 2 / Math.sqrt(10), 1 / Math.sqrt(10)};
        double[] l3 = {1 / Math.sqrt(6), 2 / Math.sqrt(6), 1 / Math.sqrt(6)};
        double[] s3 = {-1 / Math.sqrt(6), 2 / Math.sqrt(6), -1 / Math.sqrt(6)};
        double[][] k = {e5, l3, s3};
        int[] c = {2, 1, 1};
        double[] pooled = null;
        for (int[][] r : rotations()) {
            Object[] rotated = rotate(image.voxels(), SIZE, r);
            double[] response = rotateBack(separableDirect((double[]) rotated[0], (int[]) rotated[1], k, c,
                    Padding.NEAREST), SIZE, r);
            if (pooled == null) {
                pooled = response;
            } else {
                for (int i = 0; i < pooled.length; i++) {
                    pooled[i] = Math.max(pooled[i], response[i]);
                }
            }
        }
        double[] magnitude = pooled.clone();
        for (int i = 0; i < magnitude.length; i++) {
            magnitude[i] = Math.abs(magnitude[i]);
        }
        double[] energy = direct(magnitude, SIZE, new int[] {-1, -1, -1}, new int[] {1, 1, 1}, (dx, dy, dz) -> 1.0 / 27,
                Padding.NEAREST);
        assertVolumesEqual(pooled, new LawsFilter("E5L3S3", FilterDimensions.THREE_D, Padding.NEAREST, Pooling.MAX, 0)
                .response(image, new Parallelism(2)).voxels(), 1e-9, "Laws max");
        assertVolumesEqual(energy, new LawsFilter("E5L3S3", FilterDimensions.THREE_D, Padding.NEAREST, Pooling.MAX, 1)
                .response(image, new Parallelism(2)).voxels(), 1e-9, "Laws max energy");
    }

    @Test
    void waveletBandLevelTwoWithAveragingEqualsRotatedVolumesFilteredDirectly() {
        Image3D image = randomVolume(4, SIZE);
        double[] lo = Wavelet.DB2.lowPass();
        double[] hi = Wavelet.DB2.highPass();
        // level 2: the level-1 LLL band, then the LHH filters with one zero after each tap (length 8, centre 4)
        double[] lo2 = {lo[0], 0, lo[1], 0, lo[2], 0, lo[3], 0};
        double[] hi2 = {hi[0], 0, hi[1], 0, hi[2], 0, hi[3], 0};
        double[] sum = new double[image.voxelCount()];
        for (int[][] r : rotations()) {
            Object[] rotated = rotate(image.voxels(), SIZE, r);
            int[] m = (int[]) rotated[1];
            double[] level1 = separableDirect((double[]) rotated[0], m, new double[][] {lo, lo, lo},
                    new int[] {2, 2, 2}, Padding.PERIODIC);
            double[] band = separableDirect(level1, m, new double[][] {lo2, hi2, hi2}, new int[] {4, 4, 4},
                    Padding.PERIODIC);
            double[] back = rotateBack(band, SIZE, r);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += back[i] / 24;
            }
        }
        assertVolumesEqual(sum, new SeparableWaveletFilter(Wavelet.DB2, "LHH", 2, FilterDimensions.THREE_D,
                Padding.PERIODIC, Pooling.AVERAGE).response(image, new Parallelism(2)).voxels(), 1e-9,
                "db2 LHH level 2 averaged");
    }

    @Test
    void gaborEqualsTheDirectComplexConvolution() {
        int[] size = {12, 10, 3};
        Image3D image = randomVolume(5, size);
        double sigma = 1.5;
        double lambda = 3;
        double gamma = 0.8;
        int r = (int) Math.ceil(4 * sigma / gamma);
        double[] pooled = new double[image.voxelCount()];
        int orientations = 6;
        for (int o = 0; o < orientations; o++) {
            double theta = 0.3 + o * Math.PI / 3;
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            Kernel3D envelope = (dx, dy, dz) -> {
                double xr = dx * cos + dy * sin;
                double yr = -dx * sin + dy * cos;
                return Math.exp(-(xr * xr + gamma * gamma * yr * yr) / (2 * sigma * sigma));
            };
            double[] real = direct(image.voxels(), size, new int[] {-r, -r, 0}, new int[] {r, r, 0},
                    (dx, dy, dz) -> envelope.at(dx, dy, dz) * Math.cos(2 * Math.PI * (dx * cos + dy * sin) / lambda),
                    Padding.MIRROR);
            double[] imaginary = direct(image.voxels(), size, new int[] {-r, -r, 0}, new int[] {r, r, 0},
                    (dx, dy, dz) -> envelope.at(dx, dy, dz) * Math.sin(2 * Math.PI * (dx * cos + dy * sin) / lambda),
                    Padding.MIRROR);
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] += Math.hypot(real[i], imaginary[i]) / orientations;
            }
        }
        assertVolumesEqual(pooled, new GaborFilter(sigma, lambda, gamma, 0.3, Math.PI / 3, FilterDimensions.TWO_D,
                Padding.MIRROR).response(image, new Parallelism(2)).voxels(), 1e-7, "Gabor 2D pooled");
    }
}
