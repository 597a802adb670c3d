package io.radflow.stats.penalized;

/**
 * Direct solve of a coordinate-descent quadratic model on its current non-zero set, used when the set and
 * the signs have stopped changing (coordinate descent is slow there when features are correlated).
 *
 * <p>With the model residual {@code r} (gradient of the log-likelihood at the current b minus the
 * model's curvature times the step so far), {@code G_jk = x_j' H x_k} on the non-zero set A with signs
 * {@code s}, the minimiser with the same signs solves
 * {@code (G_AA + lambda (1 - alpha) V_A) b'_A = X_A' r + G_AA b_A - lambda alpha V_A s_A}
 * (V = penalty factors). If a coefficient would change sign, the step stops at the first zero crossing,
 * that feature leaves the set and the system is solved again (feature-sign search, Lee et al. 2007,
 * Efficient sparse coding algorithms, NIPS). The caller's following coordinate-descent pass checks the
 * optimality of every strong-set feature, so the final solution is that of coordinate descent.
 */
final class ActiveSetNewton {

    private final PathSolver solver;
    private final double[] model;
    private final double[][] hx;
    private final int n;

    /** Cached {@code x_j' H x_k} by active positions, valid while {@code stamp[row] == generation}. */
    private final double[][] gram;
    private final int[] stamp;
    private int generation = 1;

    ActiveSetNewton(PathSolver solver, double[] model, double[][] hx, int n) {
        this.solver = solver;
        this.model = model;
        this.hx = hx;
        this.n = n;
        this.gram = new double[solver.p][];
        this.stamp = new int[solver.p];
    }

    /** Forgets the cached products; call whenever H (or any cached H x_j) changes. */
    void curvatureChanged() {
        generation++;
    }

    private double[] gramRow(int position) {
        double[] row = gram[position];
        if (stamp[position] != generation) {
            if (row == null) {
                row = new double[solver.p];
                gram[position] = row;
            }
            java.util.Arrays.fill(row, 0, solver.activeCount, Double.NaN);
            stamp[position] = generation;
        }
        return row;
    }

    /**
     * Computes the missing products of row a of the set four columns at a time (one read of x_a per four
     * products), the hot loop of the direct solve.
     */
    private void fillGram(int[] set, int m) {
        int[] todo = new int[m];
        for (int a = 0; a < m; a++) {
            int j = set[a];
            double[] row = gramRow(solver.activePosition[j]);
            int count = 0;
            for (int b = 0; b <= a; b++) {
                if (Double.isNaN(row[solver.activePosition[set[b]]])) {
                    todo[count++] = set[b];
                }
            }
            double[] xa = solver.x[j];
            int c = 0;
            for (; c + 3 < count; c += 4) {
                double[] h0 = hx[todo[c]];
                double[] h1 = hx[todo[c + 1]];
                double[] h2 = hx[todo[c + 2]];
                double[] h3 = hx[todo[c + 3]];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int i = 0; i < n; i++) {
                    double v = xa[i];
                    s0 += v * h0[i];
                    s1 += v * h1[i];
                    s2 += v * h2[i];
                    s3 += v * h3[i];
                }
                store(j, todo[c], s0);
                store(j, todo[c + 1], s1);
                store(j, todo[c + 2], s2);
                store(j, todo[c + 3], s3);
            }
            for (; c < count; c++) {
                store(j, todo[c], PathSolver.dot(xa, hx[todo[c]], n));
            }
        }
    }

    private void store(int j, int k, double v) {
        int a = solver.activePosition[j];
        int b = solver.activePosition[k];
        gramRow(a)[b] = v;
        gramRow(b)[a] = v;
    }

    private double gram(int j, int k) {
        int a = solver.activePosition[j];
        int b = solver.activePosition[k];
        double[] row = gramRow(a);
        double v = row[b];
        if (Double.isNaN(v)) {
            v = PathSolver.dot(solver.x[j], hx[k], n);
            row[b] = v;
            gramRow(b)[a] = v;
        }
        return v;
    }

    /**
     * Feature-sign search on the non-zero set at {@code lambda}: solve with the current signs; if some
     * coefficient would change sign, move only up to the first zero crossing, drop that feature and solve
     * again. Every step lowers the quadratic model, so the result is always accepted. Returns false only
     * when nothing was done (empty set, or a system that is not numerically positive definite).
     */
    boolean solve(double lambda) {
        double[] beta = solver.beta;
        int[] set = new int[solver.activeCount];
        int m = 0;
        for (int a = 0; a < solver.activeCount; a++) {
            int j = solver.active[a];
            if (beta[j] != 0) {
                set[m++] = j;
            }
        }
        if (m == 0 || m > n) {
            return false;
        }
        double[][] g = new double[m][m];
        double[] target = new double[m];
        double[] sign = new double[m];
        double[] current = new double[m];
        fillGram(set, m);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double v = gram(set[a], set[b]);
                g[a][b] = v;
                g[b][a] = v;
            }
        }
        for (int a = 0; a < m; a++) {
            int j = set[a];
            double c = PathSolver.dot(solver.x[j], model, n);
            for (int b = 0; b < m; b++) {
                c += g[a][b] * beta[set[b]];
            }
            current[a] = beta[j];
            sign[a] = Math.signum(beta[j]);
            double pf = solver.penalty[j];
            target[a] = c - lambda * solver.alpha * pf * sign[a];
        }
        for (int a = 0; a < m; a++) {
            g[a][a] += lambda * (1 - solver.alpha) * solver.penalty[set[a]];
        }
        int[] keep = new int[m];
        for (int a = 0; a < m; a++) {
            keep[a] = a;
        }
        if (!factor(g, m)) {
            return false;
        }
        int k = m;
        boolean moved = false;
        double[] rhs = new double[m];
        while (k > 0) {
            for (int a = 0; a < k; a++) {
                rhs[a] = target[keep[a]];
            }
            double[] y = solveFactored(g, rhs, k);
            double step = 1;
            int crossing = -1;
            for (int a = 0; a < k; a++) {
                int i = keep[a];
                if (Math.signum(y[a]) != sign[i]) {
                    double t = current[i] / (current[i] - y[a]);
                    if (t < step) {
                        step = t;
                        crossing = a;
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                int i = keep[a];
                current[i] += step * (y[a] - current[i]);
            }
            moved = true;
            if (crossing < 0) {
                break;
            }
            current[keep[crossing]] = 0;
            removeFromFactor(g, k, crossing);
            System.arraycopy(keep, crossing + 1, keep, crossing, k - crossing - 1);
            k--;
        }
        if (!moved) {
            return false;
        }
        for (int a = 0; a < m; a++) {
            int j = set[a];
            double d = current[a] - beta[j];
            if (d != 0) {
                beta[j] = current[a];
                double[] h = hx[j];
                for (int i = 0; i < n; i++) {
                    model[i] -= d * h[i];
                }
            }
        }
        return true;
    }

    /** In-place Cholesky factor {@code g = L L'} (lower triangle); false if not numerically positive definite. */
    private static boolean factor(double[][] g, int m) {
        for (int j = 0; j < m; j++) {
            double[] gj = g[j];
            double d = gj[j];
            for (int k = 0; k < j; k++) {
                d -= gj[k] * gj[k];
            }
            if (!(d > 1e-12 * Math.max(1, Math.abs(g[j][j])))) {
                return false;
            }
            d = Math.sqrt(d);
            gj[j] = d;
            for (int i = j + 1; i < m; i++) {
                double[] gi = g[i];
                double s = gi[j];
                for (int k = 0; k < j; k++) {
                    s -= gi[k] * gj[k];
                }
                gi[j] = s / d;
            }
        }
        return true;
    }

    /** Solves {@code L L' y = rhs} for the leading k x k factor. */
    private static double[] solveFactored(double[][] l, double[] rhs, int k) {
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double s = rhs[i];
            double[] li = l[i];
            for (int c = 0; c < i; c++) {
                s -= li[c] * y[c];
            }
            y[i] = s / li[i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = y[i];
            for (int r = i + 1; r < k; r++) {
                s -= l[r][i] * y[r];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }

    /**
     * Removes row and column {@code a} from the k x k factor: the rows below move up, and the trailing
     * block absorbs the removed column by a rank-one Cholesky update (O(k^2) instead of a new factorisation).
     */
    private static void removeFromFactor(double[][] l, int k, int a) {
        double[] x = new double[k];
        for (int i = a + 1; i < k; i++) {
            x[i - 1] = l[i][a];
        }
        double[] removed = l[a];
        for (int i = a + 1; i < k; i++) {
            double[] row = l[i];
            System.arraycopy(row, a + 1, row, a, i - a - 1 + 1);
            l[i - 1] = row;
        }
        l[k - 1] = removed;
        // rank-one update of the trailing block (rows/columns a..k-2) with x[a..k-2]
        for (int c = a; c < k - 1; c++) {
            double lcc = l[c][c];
            double r = Math.sqrt(lcc * lcc + x[c] * x[c]);
            double cos = r / lcc;
            double sin = x[c] / lcc;
            l[c][c] = r;
            for (int i = c + 1; i < k - 1; i++) {
                l[i][c] = (l[i][c] + sin * x[i]) / cos;
                x[i] = cos * x[i] - sin * l[i][c];
            }
        }
    }

}
