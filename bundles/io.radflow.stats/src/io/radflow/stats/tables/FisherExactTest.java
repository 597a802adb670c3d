package io.radflow.stats.tables;

import io.radflow.stats.evaluation.Checks;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * Fisher's exact test of a 2 x 2 table {@code [[a, b], [c, d]]} with the conditional maximum-likelihood
 * odds ratio and its exact confidence interval, as R's {@code fisher.test}.
 *
 * <p>Conditionally on the margins, {@code a} follows the (non-central) hypergeometric distribution
 * {@code P(a = s) ∝ C(m, s) C(n, k - s) psi^s} on {@code max(0, k-n) <= s <= min(k, m)}, with
 * {@code m = a + c}, {@code n = b + d}, {@code k = a + b}.
 * <ul>
 * <li>Two-sided p: the sum of {@code P_1(s)} over all {@code s} with {@code P_1(s) <= P_1(a) (1 + 1e-7)}.</li>
 * <li>Estimate: the {@code psi} solving {@code E_psi[s] = a} (0 at the lower, +Inf at the upper end).</li>
 * <li>Interval: {@code psi_L} with {@code P_psi(s >= a) = (1 - level)/2} and {@code psi_U} with
 * {@code P_psi(s <= a) = (1 - level)/2}.</li>
 * </ul>
 * The equations are solved in {@code log psi} to 1e-14 (R solves them with {@code uniroot}'s default
 * tolerance of about 1.2e-4, so R's printed estimate and bounds can differ from the exact roots in the
 * 4th to 6th digit). References: Fisher RA (1935); Agresti A, Categorical Data Analysis, 3rd ed., 2013,
 * sect. 16.6. Thread-safe, stateless.
 */
public final class FisherExactTest {

    /**
     * @param p two-sided p value
     * @param oddsRatio conditional maximum-likelihood odds ratio
     * @param lower lower confidence bound of the odds ratio
     * @param upper upper confidence bound
     * @param level confidence level
     */
    public record Result(double p, double oddsRatio, double lower, double upper, double level) {
    }

    private FisherExactTest() {
    }

    /**
     * @throws IllegalArgumentException for a table that is not 2 x 2, a negative, fractional or non-finite
     *         count (named by cell), or an empty row or column
     */
    public static Result test(double[][] table, double level) {
        Checks.level("level", level);
        if (table.length != 2 || table[0].length != 2 || table[1].length != 2) {
            throw new IllegalArgumentException("Fisher's exact test is implemented for 2 x 2 tables only");
        }
        Contingency.of(table);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                if (table[i][j] != Math.rint(table[i][j])) {
                    throw new IllegalArgumentException("count at row " + (i + 1) + ", column " + (j + 1)
                            + " is not an integer: " + table[i][j]);
                }
            }
        }
        int a = (int) table[0][0];
        int m = a + (int) table[1][0];
        int n = (int) table[0][1] + (int) table[1][1];
        int k = a + (int) table[0][1];
        int lo = Math.max(0, k - n);
        int hi = Math.min(k, m);
        double[] logdc = new double[hi - lo + 1];
        for (int s = lo; s <= hi; s++) {
            logdc[s - lo] = logChoose(m, s) + logChoose(n, k - s);
        }
        NoncentralHypergeometric dist = new NoncentralHypergeometric(lo, logdc);
        double[] d = dist.density(0);
        double limit = d[a - lo] * (1 + 1e-7);
        double p = 0;
        for (double v : d) {
            if (v <= limit) {
                p += v;
            }
        }
        double alpha = (1 - level) / 2;
        double estimate = a == lo ? 0 : a == hi ? Double.POSITIVE_INFINITY
                : Math.exp(solve(theta -> dist.mean(theta) - a));
        double lower = a == lo ? 0 : Math.exp(solve(theta -> dist.upperTail(a, theta) - alpha));
        double upper = a == hi ? Double.POSITIVE_INFINITY : Math.exp(solve(theta -> alpha - dist.lowerTail(a, theta)));
        return new Result(Math.min(1, p), estimate, lower, upper, level);
    }

    private static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /** Root of an increasing function of {@code theta = log psi}, bracketed by doubling. */
    private static double solve(DoubleUnaryOperator increasing) {
        double lo = -1;
        double hi = 1;
        while (increasing.applyAsDouble(lo) > 0 && lo > -700) {
            lo *= 2;
        }
        while (increasing.applyAsDouble(hi) < 0 && hi < 700) {
            hi *= 2;
        }
        return new BrentSolver(1e-15, 1e-14).solve(10_000, increasing::applyAsDouble, lo, hi);
    }

    /** Non-central hypergeometric law on {@code lo..lo+len-1}, parameterised by {@code theta = log psi}. */
    private record NoncentralHypergeometric(int lo, double[] logdc) {

        double[] density(double theta) {
            double[] d = new double[logdc.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                d[i] = logdc[i] + theta * (lo + i);
                max = Math.max(max, d[i]);
            }
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.exp(d[i] - max);
                sum += d[i];
            }
            for (int i = 0; i < d.length; i++) {
                d[i] /= sum;
            }
            return d;
        }

        double mean(double theta) {
            double[] d = density(theta);
            double m = 0;
            for (int i = 0; i < d.length; i++) {
                m += (lo + i) * d[i];
            }
            return m;
        }

        double lowerTail(int q, double theta) {
            double[] d = density(theta);
            double s = 0;
            for (int i = 0; i <= q - lo; i++) {
                s += d[i];
            }
            return s;
        }

        double upperTail(int q, double theta) {
            double[] d = density(theta);
            double s = 0;
            for (int i = q - lo; i < d.length; i++) {
                s += d[i];
            }
            return s;
        }
    }
}
