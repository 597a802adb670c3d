package io.radflow.stats.evaluation;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Tail probabilities and quantiles of the normal, t, F and chi-square distributions, computed so that
 * small tails keep their relative precision (like R's {@code lower.tail = FALSE}): tails come from the
 * complementary error function and the regularized incomplete beta/gamma functions directly, never as
 * {@code 1 - cdf}. Quantiles are solved to 1e-14. No random generator is created.
 */
public final class Probabilities {

    private static final double ACCURACY = 1e-14;
    private static final double EPS = 1e-15;
    private static final int MAX_ITERATIONS = 100_000;
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1, ACCURACY);

    private Probabilities() {
    }

    /** {@code Phi(x)} (R {@code pnorm(x)}). */
    public static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** Upper tail {@code 1 - Phi(x)} (R {@code pnorm(x, lower.tail = FALSE)}). */
    public static double normalUpper(double x) {
        return 0.5 * Erf.erfc(x / Math.sqrt(2));
    }

    /** Quantile {@code Phi^{-1}(p)} (R {@code qnorm(p)}). */
    public static double normalQuantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** {@code P(T > t)} for Student's t with {@code df} degrees of freedom (R {@code pt(t, df, lower.tail = FALSE)}). */
    public static double tUpper(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double half = 0.5 * Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5, EPS, MAX_ITERATIONS);
        return t > 0 ? half : 1 - half;
    }

    /** Two-sided {@code 2 P(T > |t|)}. */
    public static double tTwoSided(double t, double df) {
        return Math.min(1, 2 * tUpper(Math.abs(t), df));
    }

    /** Quantile of Student's t (R {@code qt(p, df)}). */
    public static double tQuantile(double p, double df) {
        return new TDistribution(null, df, ACCURACY).inverseCumulativeProbability(p);
    }

    /** {@code P(F > f)} for the F distribution (R {@code pf(f, df1, df2, lower.tail = FALSE)}). */
    public static double fUpper(double f, double df1, double df2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1;
        }
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, EPS, MAX_ITERATIONS);
    }

    /** Quantile of the F distribution (R {@code qf(p, df1, df2)}); df may be fractional. */
    public static double fQuantile(double p, double df1, double df2) {
        return new FDistribution(null, df1, df2, ACCURACY).inverseCumulativeProbability(p);
    }

    /** {@code P(X > x)} for chi-square with {@code df} degrees of freedom (R {@code pchisq(x, df, lower.tail = FALSE)}). */
    public static double chiSquareUpper(double x, double df) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2, EPS, MAX_ITERATIONS);
    }

    /** Quantile of chi-square (R {@code qchisq(p, df)}). */
    public static double chiSquareQuantile(double p, double df) {
        return new ChiSquaredDistribution(null, df, ACCURACY).inverseCumulativeProbability(p);
    }
}
