package io.radflow.filters.pyradiomics;

import io.radflow.filters.Parallelism;
import io.radflow.filters.SeparableConvolution;

/**
 * Cubic B-spline interpolation of a volume (x fastest), as SciPy's {@code ndimage.map_coordinates(order=3)} does
 * it: first the spline prefilter turns voxel values into B-spline coefficients (Unser, Aldroubi, Eden (1993),
 * "B-spline signal processing", IEEE Trans. Signal Process. 41(2): the causal/anti-causal recursion with pole
 * z = sqrt(3) - 2 and gain 6, mirror-symmetric boundaries), then a value is the sum of 4x4x4 coefficients weighted by
 * the cubic B-spline beta3. Points outside [0, n-1] along any axis give 0 (SciPy {@code mode='constant'}).
 */
final class BSpline {

    private static final double POLE = Math.sqrt(3) - 2;

    private BSpline() {
    }

    /** The B-spline coefficients of {@code voxels}. */
    static double[] coefficients(double[] voxels, int[] size, Parallelism parallelism) {
        double[] c = voxels;
        for (int axis = 0; axis < 3; axis++) {
            if (size[axis] > 1) {
                c = SeparableConvolution.alongAxis(c, size, axis, BSpline::prefilter, parallelism);
            }
        }
        return c;
    }

    /** The interpolating cubic spline prefilter of one line (length >= 2), mirror boundaries. */
    static void prefilter(double[] in, double[] out) {
        int n = in.length;
        double z = POLE;
        for (int i = 0; i < n; i++) {
            out[i] = 6 * in[i];
        }
        // causal initialisation for a whole-sample mirror extension (exact sum over one period)
        double zn = z;
        double iz = 1 / z;
        double z2n = Math.pow(z, n - 1);
        double sum = out[0] + z2n * out[n - 1];
        z2n *= z2n * iz;
        for (int i = 1; i <= n - 2; i++) {
            sum += (zn + z2n) * out[i];
            zn *= z;
            z2n *= iz;
        }
        out[0] = sum / (1 - zn * zn);
        for (int i = 1; i < n; i++) {
            out[i] += z * out[i - 1];
        }
        out[n - 1] = (z / (z * z - 1)) * (out[n - 1] + z * out[n - 2]);
        for (int i = n - 2; i >= 0; i--) {
            out[i] = z * (out[i + 1] - out[i]);
        }
    }

    /** The spline at continuous index (x, y, z), 0 outside the image. */
    static double value(double[] coefficients, int[] size, double x, double y, double z) {
        double[] p = {x, y, z};
        int[][] index = new int[3][4];
        double[][] weight = new double[3][4];
        for (int a = 0; a < 3; a++) {
            if (p[a] < 0 || p[a] > size[a] - 1) {
                return 0;
            }
            int base = (int) Math.floor(p[a]) - 1;
            double t = p[a] - (base + 1);
            weight[a][0] = (1 - t) * (1 - t) * (1 - t) / 6;
            weight[a][1] = 2.0 / 3 - t * t + t * t * t / 2;
            double s = 1 - t;
            weight[a][2] = 2.0 / 3 - s * s + s * s * s / 2;
            weight[a][3] = t * t * t / 6;
            for (int k = 0; k < 4; k++) {
                index[a][k] = size[a] == 1 ? 0 : mirror(base + k, size[a]);
            }
        }
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            double wz = weight[2][k];
            if (wz == 0) {
                continue;
            }
            int oz = index[2][k] * size[0] * size[1];
            for (int j = 0; j < 4; j++) {
                double wyz = wz * weight[1][j];
                if (wyz == 0) {
                    continue;
                }
                int oy = oz + index[1][j] * size[0];
                for (int i = 0; i < 4; i++) {
                    sum += wyz * weight[0][i] * coefficients[oy + index[0][i]];
                }
            }
        }
        return sum;
    }

    /** Whole-sample mirror (d c b | a b c d | c b a), the boundary of the prefilter above. */
    private static int mirror(int i, int n) {
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

}
