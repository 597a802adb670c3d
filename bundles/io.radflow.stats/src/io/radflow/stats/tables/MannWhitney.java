package io.radflow.stats.tables;

import io.radflow.stats.evaluation.Checks;
import io.radflow.stats.evaluation.Probabilities;
import io.radflow.stats.evaluation.Ranks;

/**
 * Wilcoxon rank-sum (Mann-Whitney) test, two-sided, as R's {@code wilcox.test(x, y)} with its defaults:
 * {@code W = sum of the ranks of x - n_x(n_x+1)/2}; the exact null distribution when
 * {@code n_x < 50}, {@code n_y < 50} and there are no ties, else the normal approximation with continuity
 * correction {@code z = (W - n_x n_y/2 - sign * 1/2) / sigma},
 * {@code sigma^2 = n_x n_y/12 ((n+1) - sum(t^3 - t)/(n(n-1)))} ({@code t} the tie-group sizes).
 * References: Mann HB, Whitney DR, Ann Math Stat 18:50-60 (1947); R {@code wilcox.test}, {@code pwilcox}.
 * Thread-safe, stateless.
 */
public final class MannWhitney {

    /**
     * @param w the statistic W (R's "W")
     * @param p two-sided p value
     * @param exact whether the exact distribution was used
     */
    public record Result(double w, double p, boolean exact) {
    }

    private MannWhitney() {
    }

    /**
     * @throws IllegalArgumentException for an empty group or NaN (named)
     */
    public static Result test(double[] x, double[] y) {
        Checks.finite("x", x, 1);
        Checks.finite("y", y, 1);
        int nx = x.length;
        int ny = y.length;
        double[] all = new double[nx + ny];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        double[] ranks = Ranks.average(all);
        double sum = 0;
        for (int i = 0; i < nx; i++) {
            sum += ranks[i];
        }
        double w = sum - nx * (nx + 1) / 2.0;
        int[] ties = Ranks.tieSizes(all);
        boolean exact = nx < 50 && ny < 50 && ties.length == all.length;
        if (exact) {
            double[] pmf = exactPmf(nx, ny);
            int k = (int) w;
            double p = 0;
            if (w > nx * ny / 2.0) {
                for (int j = k; j < pmf.length; j++) {
                    p += pmf[j];
                }
            } else {
                for (int j = 0; j <= k; j++) {
                    p += pmf[j];
                }
            }
            return new Result(w, Math.min(1, 2 * p), true);
        }
        double z = w - nx * (double) ny / 2;
        double tieSum = 0;
        for (int t : ties) {
            tieSum += (double) t * t * t - t;
        }
        int n = nx + ny;
        double sigma = Math.sqrt(nx * (double) ny / 12 * ((n + 1) - tieSum / ((double) n * (n - 1))));
        double correction = Math.signum(z) * 0.5;
        z = (z - correction) / sigma;
        double p = 2 * Math.min(Probabilities.normalCdf(z), Probabilities.normalUpper(z));
        return new Result(w, Math.min(1, p), false);
    }

    /**
     * {@code P(W = k)} for k = 0..nx*ny under H0, from the counts {@code c(k; i, j) = c(k - j; i - 1, j)
     * + c(k; i, j - 1)} of rank arrangements (all additions, no cancellation).
     */
    static double[] exactPmf(int nx, int ny) {
        int max = nx * ny;
        // layer[i][k] = number of arrangements of i x-values among the current j y-values with W = k
        double[][] layer = new double[nx + 1][max + 1];
        for (int i = 0; i <= nx; i++) {
            layer[i][0] = 1; // j = 0: W is always 0
        }
        for (int j = 1; j <= ny; j++) {
            double[][] next = new double[nx + 1][max + 1];
            next[0][0] = 1;
            for (int i = 1; i <= nx; i++) {
                for (int k = 0; k <= i * j; k++) {
                    double v = layer[i][k];
                    if (k - j >= 0) {
                        v += next[i - 1][k - j];
                    }
                    next[i][k] = v;
                }
            }
            layer = next;
        }
        double[] counts = layer[nx];
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] pmf = new double[max + 1];
        for (int k = 0; k <= max; k++) {
            pmf[k] = counts[k] / total;
        }
        return pmf;
    }
}
