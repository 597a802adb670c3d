package io.radflow.stats.agreement;

import io.radflow.stats.evaluation.Checks;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.Probabilities;
import io.radflow.stats.evaluation.Ranks;

/**
 * Pearson and Spearman correlation tests (R {@code cor.test}). Pairs must be complete (no NaN).
 * Thread-safe, stateless.
 */
public final class Correlation {

    private Correlation() {
    }

    /**
     * Pearson's product-moment correlation {@code r = sum (x-mx)(y-my) / sqrt(sum (x-mx)^2 sum (y-my)^2)},
     * {@code t = sqrt(n-2) r / sqrt(1 - r^2)} on {@code n - 2} df, and the Fisher-z interval
     * {@code tanh(atanh(r) -/+ z_{(1+level)/2} / sqrt(n-3))} (R {@code cor.test(x, y, method = "pearson")}).
     *
     * @throws IllegalArgumentException for fewer than 3 pairs, NaN (named) or a constant variable
     */
    public static CorrelationTest pearson(double[] x, double[] y, double level) {
        Checks.finite("x", x, 3);
        Checks.finite("y", y, 3);
        Checks.sameLength("x", x.length, "y", y.length);
        Checks.level("level", level);
        int n = x.length;
        double r = r(x, y);
        double df = n - 2;
        double t = Math.sqrt(df) * r / Math.sqrt(1 - r * r);
        ConfidenceInterval ci = null;
        if (n > 3) {
            double z = 0.5 * Math.log((1 + r) / (1 - r));
            double half = Probabilities.normalQuantile((1 + level) / 2) / Math.sqrt(n - 3);
            ci = new ConfidenceInterval(r, Math.tanh(z - half), Math.tanh(z + half), level);
        }
        return new CorrelationTest(r, t, df, Probabilities.tTwoSided(t, df), ci);
    }

    /**
     * Spearman's rho (Pearson's r of average ranks) with {@code S = (n^3 - n)(1 - rho)/6}, two-sided p as
     * R's default {@code cor.test(x, y, method = "spearman")}: without ties and for n &lt; 1290 from the
     * null distribution of S by algorithm AS 89 (Best DJ, Roberts DE, Appl Stat 24:377-379, 1975: exact
     * enumeration of the n! permutations for n &lt;= 9, an Edgeworth series above); with ties or larger n
     * from the t approximation of {@link #spearmanApproximate}. {@code p = min(1, 2 P)} with
     * {@code P = P(S >= s)} when {@code s > (n^3-n)/6}, else {@code P(S <= s)}.
     */
    public static CorrelationTest spearman(double[] x, double[] y) {
        CorrelationTest approximate = spearmanApproximate(x, y);
        int n = x.length;
        boolean ties = Ranks.tieSizes(x).length < n || Ranks.tieSizes(y).length < n;
        if (ties || n >= 1290) {
            return approximate;
        }
        double q = approximate.statistic();
        double p = q > ((double) n * n * n - n) / 6 ? spearmanTail(Math.rint(q - 1), n, false)
                : spearmanTail(Math.rint(q) + 2, n, true);
        return new CorrelationTest(approximate.estimate(), q, approximate.df(), Math.min(1, 2 * p), null);
    }

    /**
     * AS 89: {@code P(S >= s)} ({@code lower = false}) or {@code P(S < s)} ({@code lower = true}) for the
     * sum of squared rank differences of n untied pairs under independence. S is always even, so an odd
     * {@code s} is first raised to the next even value (as AS 89 does).
     */
    static double spearmanTail(double s, int n, boolean lower) {
        if (Math.rint(s) % 2 != 0) {
            s = Math.rint(s) + 1;
        }
        if (s <= 0) {
            return lower ? 0 : 1;
        }
        double max = (double) n * ((double) n * n - 1) / 3;
        if (s > max) {
            return lower ? 1 : 0;
        }
        if (n <= 9) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            long[] counts = new long[2]; // [at least s, total]
            enumerate(perm, 0, s, counts);
            double upper = (double) counts[0] / counts[1];
            return lower ? (double) (counts[1] - counts[0]) / counts[1] : upper;
        }
        double b = 1.0 / n;
        double x = (6 * (s - 1) * b / ((double) n * n - 1) - 1) * Math.sqrt(1 / b - 1);
        double y = x * x;
        double u = x * b * (0.2274 + b * (0.2531 + 0.1745 * b) + y * (-0.0758 + b * (0.1033 + 0.3932 * b)
                - y * b * (0.0879 + 0.0151 * b - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 4.6e-4 * y)))));
        double correction = u / Math.exp(y / 2);
        double p = lower ? Probabilities.normalCdf(x) - correction : correction + Probabilities.normalUpper(x);
        return Math.max(0, Math.min(1, p));
    }

    private static void enumerate(int[] perm, int k, double s, long[] counts) {
        int n = perm.length;
        if (k == n) {
            double d = 0;
            for (int i = 0; i < n; i++) {
                d += (double) (i - perm[i]) * (i - perm[i]);
            }
            if (d >= s) {
                counts[0]++;
            }
            counts[1]++;
            return;
        }
        for (int i = k; i < n; i++) {
            int t = perm[k];
            perm[k] = perm[i];
            perm[i] = t;
            enumerate(perm, k + 1, s, counts);
            perm[i] = perm[k];
            perm[k] = t;
        }
    }

    /**
     * Spearman's rho with the two-sided p value of the t approximation {@code t = rho sqrt((n-2)/(1-rho^2))}
     * on {@code n - 2} df (R {@code cor.test(x, y, method = "spearman", exact = FALSE)}).
     */
    public static CorrelationTest spearmanApproximate(double[] x, double[] y) {
        Checks.finite("x", x, 3);
        Checks.finite("y", y, 3);
        Checks.sameLength("x", x.length, "y", y.length);
        int n = x.length;
        double rho = r(Ranks.average(x), Ranks.average(y));
        double s = ((double) n * n * n - n) * (1 - rho) / 6;
        double t = rho / Math.sqrt((1 - rho * rho) / (n - 2));
        return new CorrelationTest(rho, s, n - 2, Probabilities.tTwoSided(t, n - 2), null);
    }

    private static double r(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            throw new IllegalArgumentException((sxx == 0 ? "x" : "y")
                    + " is constant: the correlation is undefined");
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
