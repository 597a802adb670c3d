package io.radflow.stats.tables;

import io.radflow.stats.evaluation.Checks;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.Probabilities;

/**
 * Two-sample t tests of equal means (R {@code t.test(x, y, var.equal = TRUE / FALSE)}), two-sided.
 * Thread-safe, stateless.
 */
public final class TTest {

    private TTest() {
    }

    /**
     * Student's test with pooled variance {@code s^2 = ((n_x-1)s_x^2 + (n_y-1)s_y^2)/(n_x+n_y-2)},
     * {@code se = s sqrt(1/n_x + 1/n_y)}, {@code n_x + n_y - 2} df.
     *
     * @throws IllegalArgumentException for fewer than 2 values in a group, NaN (named) or zero variance
     */
    public static TTestResult student(double[] x, double[] y, double level) {
        check(x, y, level);
        int nx = x.length;
        int ny = y.length;
        double df = nx + ny - 2;
        double pooled = ((nx - 1) * variance(x) + (ny - 1) * variance(y)) / df;
        return result(mean(x) - mean(y), Math.sqrt(pooled * (1.0 / nx + 1.0 / ny)), df, level);
    }

    /**
     * Welch's test: {@code se = sqrt(s_x^2/n_x + s_y^2/n_y)} and Welch-Satterthwaite df
     * {@code se^4 / ((s_x^2/n_x)^2/(n_x-1) + (s_y^2/n_y)^2/(n_y-1))} (Welch BL, Biometrika 34:28-35, 1947).
     */
    public static TTestResult welch(double[] x, double[] y, double level) {
        check(x, y, level);
        double vx = variance(x) / x.length;
        double vy = variance(y) / y.length;
        double se2 = vx + vy;
        double df = se2 * se2 / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        return result(mean(x) - mean(y), Math.sqrt(se2), df, level);
    }

    private static void check(double[] x, double[] y, double level) {
        Checks.finite("x", x, 2);
        Checks.finite("y", y, 2);
        Checks.level("level", level);
        if (variance(x) == 0 && variance(y) == 0) {
            throw new IllegalArgumentException("both groups are constant: the t statistic is undefined");
        }
    }

    private static TTestResult result(double difference, double se, double df, double level) {
        double t = difference / se;
        double q = Probabilities.tQuantile((1 + level) / 2, df);
        return new TTestResult(t, df, Probabilities.tTwoSided(t, df),
                new ConfidenceInterval(difference, difference - q * se, difference + q * se, level));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample variance (divisor n - 1). */
    static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
