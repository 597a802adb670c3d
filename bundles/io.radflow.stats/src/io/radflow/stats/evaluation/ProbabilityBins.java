package io.radflow.stats.evaluation;

import java.util.Arrays;

/**
 * {@code g} groups of predicted probabilities cut at their type-7 quantiles {@code 0, 1/g, ..., 1}
 * (R {@code cut(p, quantile(p, seq(0, 1, 1/g)), include.lowest = TRUE)}): group k holds
 * {@code b_{k-1} < p <= b_k}, the first group also {@code p = b_0}; values outside {@code [b_0, b_g]}
 * (predictions of another model) fall into the first or last group.
 *
 * <p>Tied predictions can make breaks repeat. {@link #ProbabilityBins(double[], int)} then refuses, as R's
 * {@code cut} does ("breaks are not unique"); {@link #mergingTies} keeps the distinct breaks only (fewer groups),
 * which is what a smoother of bootstrap resamples (full of repeated rows) needs.
 */
final class ProbabilityBins {

    private final double[] breaks;

    ProbabilityBins(double[] predictions, int groups) {
        this(predictions, groups, false);
    }

    private ProbabilityBins(double[] predictions, int groups, boolean mergeTies) {
        if (groups < 2) {
            throw new IllegalArgumentException("need at least 2 groups, got " + groups);
        }
        double[] sorted = predictions.clone();
        Arrays.sort(sorted);
        double[] b = new double[groups + 1];
        int n = 0;
        for (int k = 0; k <= groups; k++) {
            double q = Quantiles.type7(sorted, (double) k / groups);
            if (n > 0 && !(q > b[n - 1])) {
                if (mergeTies) {
                    continue;
                }
                throw new IllegalArgumentException("the " + groups + " quantile groups of the predictions are not"
                        + " distinct (break " + q + " repeats): too many tied predictions for " + groups + " groups");
            }
            b[n++] = q;
        }
        if (n < 3) {
            throw new IllegalArgumentException("the predictions take fewer than 2 distinct quantile groups");
        }
        breaks = Arrays.copyOf(b, n);
    }

    /** Groups at the distinct quantile breaks only: repeated breaks (tied predictions) merge their groups. */
    static ProbabilityBins mergingTies(double[] predictions, int groups) {
        return new ProbabilityBins(predictions, groups, true);
    }

    int groups() {
        return breaks.length - 1;
    }

    double[] breaks() {
        return breaks.clone();
    }

    /** 0-based group of {@code p}. */
    int of(double p) {
        int k = Arrays.binarySearch(breaks, p);
        int group = k >= 0 ? k - 1 : -k - 2; // b_{group} < p <= b_{group+1}
        return Math.max(0, Math.min(groups() - 1, group));
    }
}
