package io.radflow.features.shape;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

/**
 * Moran's I and Geary's C of the intensities in an ROI (IBSI-1 sections 3.1.28-3.1.29), with inverse Euclidean
 * distance weights {@code w_{kl} = 1 / |p_k - p_l|} (mm) over all pairs of distinct ROI voxels.
 *
 * <p>With {@code z_k = x_k - \mu}, {@code W = \sum_{k \ne l} w_{kl}}:
 * {@code I = \frac{N}{W} \frac{\sum_{k \ne l} w_{kl} z_k z_l}{\sum_k z_k^2}} and
 * {@code C = \frac{N - 1}{2 W} \frac{\sum_{k \ne l} w_{kl} (x_k - x_l)^2}{\sum_k z_k^2}}.
 *
 * <p>The pair sums are computed exactly as the O(N^2) definition for small ROIs and, for larger ones, through
 * the equivalent convolution form: on a voxel grid the weight depends only on the offset between voxels, so
 * {@code \sum_{k \ne l} w_{kl} a_k b_l = \sum_k a_k (w * b)_k} with {@code w} the kernel of inverse offset
 * lengths (0 at offset 0), evaluated by zero-padded FFTs (no wrap-around) in O(M log M) for M padded bounding
 * box voxels; {@code \sum w (x_k - x_l)^2 = 2 \sum_k z_k^2 (w * m)_k - 2 \sum_k z_k (w * z)_k} with m the ROI
 * indicator. Both give the same sums up to rounding (checked by a test). Stateless.
 */
final class SpatialAutocorrelation {

    /** ROIs with at most this many voxels use the direct pair sum. */
    static final int DIRECT_LIMIT = 10_000;

    private SpatialAutocorrelation() {
    }

    /** {@code {Moran's I, Geary's C}} of {@code image} inside {@code mask}. */
    static double[] moranGeary(Image3D image, Mask mask) {
        return moranGeary(image, mask, mask.count() <= DIRECT_LIMIT);
    }

    static double[] moranGeary(Image3D image, Mask mask, boolean direct) {
        ImageGeometry g = image.geometry();
        int n = mask.count();
        if (n < 2) {
            throw new IllegalArgumentException("Moran's I and Geary's C need at least 2 ROI voxels, got " + n);
        }
        int[][] position = new int[3][n];
        double[] value = new double[n];
        int k = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    int i = g.index(x, y, z);
                    if (mask.contains(i)) {
                        position[0][k] = x;
                        position[1][k] = y;
                        position[2][k] = z;
                        value[k++] = image.get(i);
                    }
                }
            }
        }
        double mean = 0;
        for (double v : value) {
            mean += v;
        }
        mean /= n;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            value[i] -= mean;
            sumSquares += value[i] * value[i];
        }
        if (sumSquares == 0) {
            throw new IllegalArgumentException("Moran's I and Geary's C are undefined for an ROI of constant "
                    + "intensity (" + mean + ")");
        }
        double[] sums = direct ? directSums(position, value, g.spacing()) : fftSums(position, value, g.spacing());
        double weights = sums[0];
        double moran = n / weights * sums[1] / sumSquares;
        double geary = (n - 1) / (2 * weights) * (2 * sums[2] - 2 * sums[1]) / sumSquares;
        return new double[] {moran, geary};
    }

    /** {W, sum w z_k z_l, sum w z_k^2} over ordered pairs k != l, by definition. */
    static double[] directSums(int[][] position, double[] z, double[] spacing) {
        int n = z.length;
        double[] px = new double[n];
        double[] py = new double[n];
        double[] pz = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = position[0][i] * spacing[0];
            py[i] = position[1][i] * spacing[1];
            pz[i] = position[2][i] * spacing[2];
        }
        double weights = 0;
        double cross = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double wi = 0;
            double wz = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = px[i] - px[j];
                double dy = py[i] - py[j];
                double dz = pz[i] - pz[j];
                double w = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
                wi += w;
                wz += w * z[j];
                squares += w * z[j] * z[j];
            }
            weights += wi;
            cross += z[i] * wz;
            squares += wi * z[i] * z[i];
        }
        return new double[] {2 * weights, 2 * cross, squares};
    }

    /** The same sums by FFT convolution on the zero-padded bounding box. */
    static double[] fftSums(int[][] position, double[] z, double[] spacing) {
        int n = z.length;
        int[] min = new int[3];
        int[] extent = new int[3];
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, position[a][i]);
                hi = Math.max(hi, position[a][i]);
            }
            min[a] = lo;
            extent[a] = hi - lo + 1;
            size[a] = 1;
            while (size[a] < 2 * extent[a] - 1) {
                size[a] <<= 1;
            }
        }
        Fft3D fft = new Fft3D(size[0], size[1], size[2]);
        int total = size[0] * size[1] * size[2];
        double[] kernelRe = new double[total];
        double[] kernelIm = new double[total];
        for (int dz = -(extent[2] - 1); dz < extent[2]; dz++) {
            for (int dy = -(extent[1] - 1); dy < extent[1]; dy++) {
                for (int dx = -(extent[0] - 1); dx < extent[0]; dx++) {
                    if (dx == 0 && dy == 0 && dz == 0) {
                        continue;
                    }
                    double ex = dx * spacing[0];
                    double ey = dy * spacing[1];
                    double ez = dz * spacing[2];
                    kernelRe[fft.index(Math.floorMod(dx, size[0]), Math.floorMod(dy, size[1]),
                            Math.floorMod(dz, size[2]))] = 1 / Math.sqrt(ex * ex + ey * ey + ez * ez);
                }
            }
        }
        double[] re = new double[total];
        double[] im = new double[total];
        int[] cell = new int[n];
        for (int i = 0; i < n; i++) {
            cell[i] = fft.index(position[0][i] - min[0], position[1][i] - min[1], position[2][i] - min[2]);
            re[cell[i]] = 1;
            im[cell[i]] = z[i];
        }
        fft.transform(kernelRe, kernelIm, false);
        fft.transform(re, im, false, extent);
        for (int i = 0; i < total; i++) {
            double r = re[i] * kernelRe[i] - im[i] * kernelIm[i];
            im[i] = re[i] * kernelIm[i] + im[i] * kernelRe[i];
            re[i] = r;
        }
        fft.transform(re, im, true, extent);
        double weights = 0;
        double cross = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double wm = re[cell[i]];
            weights += wm;
            cross += z[i] * im[cell[i]];
            squares += z[i] * z[i] * wm;
        }
        return new double[] {weights, cross, squares};
    }

    /** In-place radix-2 complex FFT of a 3D array (x fastest), sizes powers of 2. */
    static final class Fft3D {
        private final int[] size;

        Fft3D(int nx, int ny, int nz) {
            this.size = new int[] {nx, ny, nz};
            for (int s : size) {
                if (Integer.bitCount(s) != 1) {
                    throw new IllegalArgumentException("FFT sizes must be powers of 2: " + s);
                }
            }
        }

        int index(int x, int y, int z) {
            return x + size[0] * (y + size[1] * z);
        }

        /** Forward (or, with {@code inverse}, normalised inverse) transform along all three axes. */
        void transform(double[] re, double[] im, boolean inverse) {
            transform(re, im, inverse, size);
        }

        /**
         * The transform when only the box {@code [0, box[a])} per axis matters: forward, the input must be zero
         * outside it; inverse, only the output inside it is computed (elsewhere the arrays hold intermediate values).
         * Lines that are all zero, or whose results are not needed, are skipped: an axis is transformed over the full
         * range of the axes before it and the box range of the axes after it (forward x, y, z; inverse z, y, x).
         */
        void transform(double[] re, double[] im, boolean inverse, int[] box) {
            int[] stride = {1, size[0], size[0] * size[1]};
            for (int pass = 0; pass < 3; pass++) {
                int axis = inverse ? 2 - pass : pass;
                int length = size[axis];
                if (length == 1) {
                    continue;
                }
                int b = axis == 0 ? 1 : 0;
                int c = axis == 2 ? 1 : 2;
                int limitB = b > axis ? box[b] : size[b];
                int limitC = c > axis ? box[c] : size[c];
                double[] lineRe = new double[length];
                double[] lineIm = new double[length];
                double[] cos = new double[length / 2];
                double[] sin = new double[length / 2];
                for (int k = 0; k < length / 2; k++) {
                    cos[k] = Math.cos(2 * Math.PI * k / length);
                    sin[k] = (inverse ? 1 : -1) * Math.sin(2 * Math.PI * k / length);
                }
                int s = stride[axis];
                for (int ic = 0; ic < limitC; ic++) {
                    for (int ib = 0; ib < limitB; ib++) {
                        int start = ib * stride[b] + ic * stride[c];
                        for (int i = 0, p = start; i < length; i++, p += s) {
                            lineRe[i] = re[p];
                            lineIm[i] = im[p];
                        }
                        fft(lineRe, lineIm, cos, sin);
                        for (int i = 0, p = start; i < length; i++, p += s) {
                            re[p] = lineRe[i];
                            im[p] = lineIm[i];
                        }
                    }
                }
            }
            if (inverse) {
                double scale = 1.0 / re.length;
                for (int i = 0; i < re.length; i++) {
                    re[i] *= scale;
                    im[i] *= scale;
                }
            }
        }

        /** Iterative radix-2 FFT of one line; {@code cos[k]}, {@code sin[k]} the twiddles e^(-+2 pi i k / n). */
        private static void fft(double[] re, double[] im, double[] cos, double[] sin) {
            int n = re.length;
            for (int i = 1, j = 0; i < n; i++) {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1) {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j) {
                    double t = re[i];
                    re[i] = re[j];
                    re[j] = t;
                    t = im[i];
                    im[i] = im[j];
                    im[j] = t;
                }
            }
            for (int len = 2; len <= n; len <<= 1) {
                int step = n / len;
                for (int k = 0; k < len / 2; k++) {
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    for (int i = k; i < n; i += len) {
                        int j = i + len / 2;
                        double xr = re[j] * wr - im[j] * wi;
                        double xi = re[j] * wi + im[j] * wr;
                        re[j] = re[i] - xr;
                        im[j] = im[i] - xi;
                        re[i] += xr;
                        im[i] += xi;
                    }
                }
            }
        }
    }
}
