package io.radflow.features.shape;

import java.util.Arrays;

/**
 * Principal component analysis of the physical voxel positions of a mask, as PyRadiomics and IBSI define it:
 * the eigenvalues of the covariance matrix {@code \Sigma = \frac{1}{N} \sum_i (p_i - \bar p)(p_i - \bar p)^T} of
 * the N voxel centres {@code p_i} (or, for IBSI, the sample covariance with N - 1) (index times spacing, mm; the direction matrix is ignored since the
 * eigenvalues do not depend on it). Stateless.
 */
final class PrincipalAxes {

    private PrincipalAxes() {
    }

    /**
     * The eigenvalues (mm^2) of the position covariance of the voxels inside {@code mask}, ascending. Rounding
     * errors below zero (&gt; -1e-10, as PyRadiomics tolerates) are set to 0.
     *
     * @param sample whether to divide by N - 1 (the sample covariance, which IBSI's reference values use; the
     *               digital phantom's axis lengths tell the two apart) instead of N (PyRadiomics)
     */
    static double[] eigenvalues(CroppedMask mask, boolean sample) {
        double[] sum = new double[3];
        long n = 0;
        for (int z = 0; z < mask.nz(); z++) {
            for (int y = 0; y < mask.ny(); y++) {
                for (int x = 0; x < mask.nx(); x++) {
                    if (mask.inside(x, y, z)) {
                        sum[0] += x;
                        sum[1] += y;
                        sum[2] += z;
                        n++;
                    }
                }
            }
        }
        double[] mean = {sum[0] / n, sum[1] / n, sum[2] / n};
        double[] s = mask.spacing();
        double[][] c = new double[3][3];
        double[] d = new double[3];
        for (int z = 0; z < mask.nz(); z++) {
            for (int y = 0; y < mask.ny(); y++) {
                for (int x = 0; x < mask.nx(); x++) {
                    if (mask.inside(x, y, z)) {
                        d[0] = (x - mean[0]) * s[0];
                        d[1] = (y - mean[1]) * s[1];
                        d[2] = (z - mean[2]) * s[2];
                        for (int i = 0; i < 3; i++) {
                            for (int j = i; j < 3; j++) {
                                c[i][j] += d[i] * d[j];
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                c[i][j] /= sample ? n - 1 : n;
                c[j][i] = c[i][j];
            }
        }
        return symmetricEigenvalues(c);
    }

    /**
     * Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations, ascending; values in (-1e-10, 0) are
     * set to 0.
     */
    static double[] symmetricEigenvalues(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cos = 1 / Math.sqrt(t * t + 1);
                    double sin = t * cos;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = cos * akp - sin * akq;
                        a[k][q] = sin * akp + cos * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = cos * apk - sin * aqk;
                        a[q][k] = sin * apk + cos * aqk;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i] < 0 && a[i][i] > -1e-10 ? 0 : a[i][i];
        }
        Arrays.sort(values);
        return values;
    }
}
