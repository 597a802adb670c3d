package io.radflow.stats.evaluation;

import java.util.Arrays;

/**
 * {@code g} groups of predicted probabilities cut at their type-7 quantiles {@code 0, 1/g, ..., 1}
 * (R {@code cut(p, quantile(p, seq(0, 1, 1/g)), include.lowest = TRUE)}): group k holds
 * {@code b_{k-1} < p <= b_k}, the first group also {@code p = b_0}; values outside {@code [b_0, b_g]}
 * (predictions of another model) fall into the first or last group.
 */
final class ProbabilityBins {

    private final double[] breaks;

    ProbabilityBins(double[] predictions, int groups) {
        if (groups < 2) {
            throw new IllegalArgumentException("need at least 2 groups, got " + groups);
        }
        double[] sorted = predictions.clone();
        Arrays.sort(sorted);
        breaks = new double[groups + 1];
        for (int k = 0; k <= groups; k++) {
            double h = (sorted.length - 1) * ((double) k / groups);
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            breaks[k] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
            if (k > 0 && !(breaks[k] > breaks[k - 1])) {
                throw new IllegalArgumentException("the " + groups + " quantile groups of the predictions are not"
                        + " distinct (break " + breaks[k] + " repeats): too many tied predictions for " + groups
                        + " groups");
            }
        }
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
