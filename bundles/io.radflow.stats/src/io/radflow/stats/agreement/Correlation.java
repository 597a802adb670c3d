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
     * Spearman's rho (Pearson's r of average ranks) with {@code S = (n^3 - n)(1 - rho)/6} and the
     * two-sided p value of the t approximation {@code t = rho sqrt((n-2)/(1-rho^2))} on {@code n - 2} df
     * (R {@code cor.test(x, y, method = "spearman", exact = FALSE)}; R's default exact AS 89 p value for
     * small samples without ties is not implemented).
     */
    public static CorrelationTest spearman(double[] x, double[] y) {
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
