package io.radflow.stats.evaluation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/** Standard normal distribution helpers (no random generator is created). */
public final class Normal {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private Normal() {
    }

    /** {@code Phi(x)} (R {@code pnorm(x)}), computed with erfc so that both tails keep precision. */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** Upper tail {@code 1 - Phi(x)} (R {@code pnorm(x, lower.tail = FALSE)}). */
    public static double upper(double x) {
        return 0.5 * Erf.erfc(x / Math.sqrt(2));
    }

    /** Quantile {@code Phi^{-1}(p)} (R {@code qnorm(p)}). */
    public static double quantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }
}
