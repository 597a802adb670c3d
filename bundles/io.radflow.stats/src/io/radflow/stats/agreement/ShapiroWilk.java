package io.radflow.stats.agreement;

import io.radflow.stats.evaluation.Checks;
import io.radflow.stats.evaluation.Probabilities;

import java.util.Arrays;

/**
 * Shapiro-Wilk test of normality by Royston's algorithm AS R94 (Royston P, Appl Stat 44:547-551, 1995),
 * as R's {@code shapiro.test} (3 &lt;= n &lt;= 5000).
 *
 * <p>{@code W = (sum_i a_i x_(i))^2 / sum_i (x_i - mean)^2}. Coefficients: {@code m_i =
 * Phi^{-1}((i - 3/8)/(n + 1/4))}, {@code a_i = m_i / sqrt(sum m^2)} corrected at the two (n &gt; 5) or one
 * extreme ranks by Royston's polynomials in {@code u = 1/sqrt(n)}; {@code a_1 = sqrt(1/2)} for n = 3.
 * P value: n = 3 exact {@code (6/pi)(asin(sqrt W) - pi/3)}; 4..11: {@code -log(gamma - log(1 - W))} normal
 * with mean and log-sd polynomials in n; n &gt;= 12: {@code log(1 - W)} normal with polynomials in
 * {@code log n}. Thread-safe, stateless.
 */
public final class ShapiroWilk {

    /**
     * @param w the statistic W
     * @param p the p value of the null hypothesis of normality
     * @param n sample size
     */
    public record Result(double w, double p, int n) {
    }

    private static final double[] C1 = {0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] C2 = {0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] C3 = {0.544, -0.39978, 0.025054, -6.714e-4};
    private static final double[] C4 = {1.3822, -0.77857, 0.062767, -0.0020322};
    private static final double[] C5 = {-1.5861, -0.31082, -0.083751, 0.0038915};
    private static final double[] C6 = {-0.4803, -0.082676, 0.0030302};
    private static final double[] G = {-2.273, 0.459};

    private ShapiroWilk() {
    }

    /**
     * @throws IllegalArgumentException for n &lt; 3 or n &gt; 5000, NaN (named) or identical values
     */
    public static Result test(double[] values) {
        Checks.finite("x", values, 3);
        int n = values.length;
        if (n > 5000) {
            throw new IllegalArgumentException("Shapiro-Wilk needs at most 5000 values, got " + n);
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double range = x[n - 1] - x[0];
        if (range < 1e-10) {
            throw new IllegalArgumentException("all x values are identical: Shapiro-Wilk is undefined");
        }
        int half = n / 2;
        double[] a = coefficients(n, half);
        // W from centred, range-scaled data (W is location and scale invariant)
        double mean = 0;
        for (double v : x) {
            mean += v / range;
        }
        mean /= n;
        double num = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i] / range - mean;
            ss += xi * xi;
            int j = n - 1 - i;
            if (i < j) {
                num -= a[i] * xi;
            } else if (i > j) {
                num += a[j] * xi;
            }
        }
        double w = num * num / ss;
        if (w > 1) {
            w = 1;
        }
        return new Result(w, pValue(w, n), n);
    }

    private static double[] coefficients(int n, int half) {
        double[] a = new double[half];
        if (n == 3) {
            a[0] = Math.sqrt(0.5);
            return a;
        }
        double an25 = n + 0.25;
        double[] m = new double[half];
        double summ2 = 0;
        for (int i = 0; i < half; i++) {
            m[i] = Probabilities.normalQuantile((i + 1 - 0.375) / an25);
            summ2 += m[i] * m[i];
        }
        summ2 *= 2;
        double ssumm2 = Math.sqrt(summ2);
        double rsn = 1 / Math.sqrt(n);
        double a1 = poly(C1, rsn) - m[0] / ssumm2;
        int first;
        double fac;
        if (n > 5) {
            first = 2;
            double a2 = -m[1] / ssumm2 + poly(C2, rsn);
            fac = Math.sqrt((summ2 - 2 * m[0] * m[0] - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
            a[1] = a2;
        } else {
            first = 1;
            fac = Math.sqrt((summ2 - 2 * m[0] * m[0]) / (1 - 2 * a1 * a1));
        }
        a[0] = a1;
        for (int i = first; i < half; i++) {
            a[i] = -m[i] / fac;
        }
        return a;
    }

    private static double pValue(double w, int n) {
        if (n == 3) {
            double p = 6 / Math.PI * (Math.asin(Math.sqrt(w)) - Math.PI / 3);
            return Math.max(p, 0);
        }
        double y = Math.log1p(-w);
        double m;
        double s;
        if (n <= 11) {
            double gamma = poly(G, n);
            if (y >= gamma) {
                return 1e-99;
            }
            y = -Math.log(gamma - y);
            m = poly(C3, n);
            s = Math.exp(poly(C4, n));
        } else {
            double xx = Math.log(n);
            m = poly(C5, xx);
            s = Math.exp(poly(C6, xx));
        }
        return Probabilities.normalUpper((y - m) / s);
    }

    /** {@code c[0] + c[1] x + ... + c[last] x^last}. */
    private static double poly(double[] c, double x) {
        double r = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            r = r * x + c[i];
        }
        return r;
    }
}
