package io.radflow.image.resample;

/**
 * Cubic B-spline coefficients of a 3D array with mirror boundaries, as ITK's
 * {@code BSplineDecompositionImageFilter} (spline order 3, tolerance 1e-10) computes them; see
 * {@link Interpolator#BSPLINE} for the formulas. Package-private helper.
 */
final class BSplineCoefficients {

    /** The pole of the cubic B-spline prefilter, {@code sqrt(3) - 2}. */
    static final double POLE = Math.sqrt(3.0) - 2.0;
    /** ITK's default tolerance of the causal initialisation. */
    static final double TOLERANCE = 1e-10;

    private BSplineCoefficients() {
    }

    /** Coefficients of {@code values} (x fastest), a new array. */
    static double[] of(double[] values, int nx, int ny, int nz) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("B-spline interpolation needs finite voxel values, found " + v);
            }
        }
        double[] c = values.clone();
        double[] line = new double[Math.max(nx, Math.max(ny, nz))];
        if (nx > 1) {
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    filterLine(c, nx * (y + ny * z), 1, nx, line);
                }
            }
        }
        if (ny > 1) {
            for (int z = 0; z < nz; z++) {
                for (int x = 0; x < nx; x++) {
                    filterLine(c, x + nx * ny * z, nx, ny, line);
                }
            }
        }
        if (nz > 1) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    filterLine(c, x + nx * y, nx * ny, nz, line);
                }
            }
        }
        return c;
    }

    /** Turns one line of samples into coefficients in place (n >= 2). */
    static void filterLine(double[] data, int start, int stride, int n, double[] s) {
        double z = POLE;
        double gain = (1.0 - z) * (1.0 - 1.0 / z);
        for (int m = 0; m < n; m++) {
            s[m] = data[start + m * stride] * gain;
        }
        s[0] = initialCausal(s, n, z);
        for (int m = 1; m < n; m++) {
            s[m] += z * s[m - 1];
        }
        s[n - 1] = (z / (z * z - 1.0)) * (z * s[n - 2] + s[n - 1]);
        for (int m = n - 2; m >= 0; m--) {
            s[m] = z * (s[m + 1] - s[m]);
        }
        for (int m = 0; m < n; m++) {
            data[start + m * stride] = s[m];
        }
    }

    private static double initialCausal(double[] s, int n, double z) {
        int horizon = (int) Math.ceil(Math.log(TOLERANCE) / Math.log(Math.abs(z)));
        if (horizon < n) {
            double zn = z;
            double sum = s[0];
            for (int m = 1; m < horizon; m++) {
                sum += zn * s[m];
                zn *= z;
            }
            return sum;
        }
        // full mirror-boundary sum
        double zn = z;
        double iz = 1.0 / z;
        double z2n = Math.pow(z, n - 1);
        double sum = s[0] + z2n * s[n - 1];
        z2n *= z2n * iz;
        for (int m = 1; m <= n - 2; m++) {
            sum += (zn + z2n) * s[m];
            zn *= z;
            z2n *= iz;
        }
        return sum / (1.0 - zn * zn);
    }

    /** Mirror-symmetric index (about 0 and n - 1) of {@code k} on a line of {@code n}. */
    static int mirror(int k, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.abs(k) % period;
        return m >= n ? period - m : m;
    }
}
