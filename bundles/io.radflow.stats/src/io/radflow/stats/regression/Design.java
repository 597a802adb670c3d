package io.radflow.stats.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated binary-outcome design (immutable, package-private): the 0/1 outcome and the model matrix with an
 * intercept column first, plus the small dense linear algebra the fits need.
 */
record Design(double[] y, double[][] x, List<String> names) {

    static final String INTERCEPT = "(Intercept)";

    /**
     * Validates {@code y} (0 or 1, naming the row) and {@code covariates[row][column]} (finite, naming row and
     * column; no constant column; n &gt; p) and prepends the intercept.
     */
    static Design of(String what, double[] y, double[][] covariates, List<String> covariateNames) {
        int n = y.length;
        int q = covariateNames.size();
        if (covariates.length != n) {
            throw new IllegalArgumentException(what + ": " + covariates.length + " covariate rows but " + n + " outcomes");
        }
        if (n <= q + 1) {
            throw new IllegalArgumentException(what + ": " + n + " rows for " + (q + 1) + " coefficients (intercept and "
                    + covariateNames + "); need more rows than coefficients");
        }
        double[][] x = new double[n][q + 1];
        boolean anyOne = false;
        boolean anyZero = false;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException(what + ": row " + (i + 1) + ": outcome must be 0 or 1, got " + y[i]
                        + (Double.isNaN(y[i]) ? " (missing)" : ""));
            }
            anyOne |= y[i] == 1;
            anyZero |= y[i] == 0;
            if (covariates[i].length != q) {
                throw new IllegalArgumentException(what + ": row " + (i + 1) + " has " + covariates[i].length
                        + " covariates, expected " + q + " " + covariateNames);
            }
            x[i][0] = 1;
            for (int j = 0; j < q; j++) {
                double v = covariates[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + ": row " + (i + 1) + ", column '" + covariateNames.get(j)
                            + "': value is " + (Double.isNaN(v) ? "NaN (missing)" : "infinite"));
                }
                x[i][j + 1] = v;
            }
        }
        if (!anyOne || !anyZero) {
            throw new IllegalArgumentException(what + ": the outcome is " + (anyOne ? "1" : "0") + " in all " + n
                    + " rows");
        }
        for (int j = 0; j < q; j++) {
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) {
                constant = covariates[i][j] == covariates[0][j];
            }
            if (constant) {
                throw new IllegalArgumentException(what + ": column '" + covariateNames.get(j) + "' is constant ("
                        + covariates[0][j] + " in all " + n + " rows)");
            }
        }
        List<String> names = new ArrayList<>();
        names.add(INTERCEPT);
        names.addAll(covariateNames);
        return new Design(y.clone(), x, List.copyOf(names));
    }

    int n() {
        return y.length;
    }

    int p() {
        return names.size();
    }

    /** {@code X' diag(w) X}. */
    static double[][] crossProduct(double[][] x, double[] w) {
        int p = x[0].length;
        double[][] m = new double[p][p];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            for (int a = 0; a < p; a++) {
                double wa = w[i] * xi[a];
                for (int b = 0; b <= a; b++) {
                    m[a][b] += wa * xi[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    /**
     * Cholesky factor {@code L} of a symmetric positive definite matrix; a pivot below {@code 1e-10} times the
     * largest diagonal (relative) means the column is collinear with earlier ones: the exception names it.
     */
    static double[][] cholesky(double[][] m, List<String> names, String what) {
        int p = m.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = m[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 1e-10 * Math.abs(m[j][j])) || !Double.isFinite(d)) {
                throw new SingularException(what + ": column '" + names.get(j) + "' is collinear with (a linear "
                        + "combination of) " + names.subList(0, j) + "; the information matrix is singular", j);
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    /** Solves {@code L L' b = r}. */
    static double[] solve(double[][] l, double[] r) {
        int p = r.length;
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = r[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * b[k];
            }
            b[i] = s / l[i][i];
        }
        return b;
    }

    /** {@code (L L')^{-1}}. */
    static double[][] inverse(double[][] l) {
        int p = l.length;
        double[][] inv = new double[p][p];
        for (int c = 0; c < p; c++) {
            double[] e = new double[p];
            e[c] = 1;
            double[] col = solve(l, e);
            for (int r = 0; r < p; r++) {
                inv[r][c] = col[r];
            }
        }
        return inv;
    }

    /** {@code log det(L L') = 2 sum log L_jj}. */
    static double logDeterminant(double[][] l) {
        double s = 0;
        for (int j = 0; j < l.length; j++) {
            s += Math.log(l[j][j]);
        }
        return 2 * s;
    }

    /** A singular information matrix; {@link #column()} is the first offending column. */
    static final class SingularException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int column;

        SingularException(String message, int column) {
            super(message);
            this.column = column;
        }

        int column() {
            return column;
        }
    }
}
