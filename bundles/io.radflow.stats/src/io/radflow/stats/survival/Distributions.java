package io.radflow.stats.survival;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** Upper-tail probabilities computed without cancellation (like R's {@code lower.tail = FALSE}). */
public final class Distributions {

    /** The 0.975 quantile of the standard normal, {@code qnorm(0.975)} in R. */
    public static final double Z_975 = 1.959963984540054;

    private Distributions() {
    }

    /**
     * Upper tail of the chi-square distribution, {@code P(X > x)} with {@code df} degrees of freedom:
     * {@code Q(df/2, x/2)}, the regularized upper incomplete gamma function. NaN for NaN input or df &lt;= 0.
     */
    public static double chiSquareUpper(double x, double df) {
        if (Double.isNaN(x) || !(df > 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0, 1e-15, Integer.MAX_VALUE);
    }

    /**
     * The standard normal quantile {@code qnorm(p)} for {@code 0 < p < 1}: {@code sqrt(2) erfinv(2p - 1)};
     * exactly {@link #Z_975} for p = 0.975.
     */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("normal quantile needs 0 < p < 1, got " + p);
        }
        if (p == 0.975) {
            return Z_975;
        }
        if (p == 0.025) {
            return -Z_975;
        }
        return Math.sqrt(2.0) * Erf.erfInv(2 * p - 1);
    }

    /** The two-sided critical value {@code qnorm(1 - (1 - level) / 2)} of a {@code level} confidence interval. */
    public static double twoSidedCritical(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        return normalQuantile(1 - (1 - level) / 2);
    }

    /** Two-sided normal p value {@code 2 P(Z > |z|) = erfc(|z| / sqrt 2)}. */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }
}
