package io.radflow.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Small statistics used only to check the demo cohort: the two-group log-rank test and
 * Spearman's rank correlation. Checked against R in {@link SurvivalChecksTest}.
 */
final class SurvivalChecks {

    /** Chi-square (1 df) critical value for p = 0.01. */
    static final double CHI2_P01 = 6.635;
    /** Chi-square (1 df) critical value for p = 0.001. */
    static final double CHI2_P001 = 10.828;

    private SurvivalChecks() {
    }

    /**
     * Mantel-Haenszel log-rank statistic for two groups, as R's {@code survdiff}:
     * {@code (O1 - E1)^2 / V} with, at each distinct event time, {@code E1 += d n1 / n} and
     * {@code V += d (n1/n) (1 - n1/n) (n - d) / (n - 1)}.
     */
    static double logRankChiSquare(double[] time, boolean[] event, boolean[] group) {
        double observed = 0;
        double expected = 0;
        double variance = 0;
        double[] times = IntStream.range(0, time.length).filter(i -> event[i]).mapToDouble(i -> time[i]).distinct()
                .sorted().toArray();
        for (double t : times) {
            int atRisk = 0;
            int atRisk1 = 0;
            int deaths = 0;
            int deaths1 = 0;
            for (int i = 0; i < time.length; i++) {
                if (time[i] >= t) {
                    atRisk++;
                    if (group[i]) {
                        atRisk1++;
                    }
                }
                if (time[i] == t && event[i]) {
                    deaths++;
                    if (group[i]) {
                        deaths1++;
                    }
                }
            }
            double share = atRisk1 / (double) atRisk;
            observed += deaths1;
            expected += deaths * share;
            if (atRisk > 1) {
                variance += deaths * share * (1 - share) * (atRisk - deaths) / (atRisk - 1.0);
            }
        }
        return (observed - expected) * (observed - expected) / variance;
    }

    /** Spearman's rho: Pearson correlation of the ranks, ties get their average rank. */
    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** Student t of a correlation {@code r} over {@code n} pairs: {@code r sqrt((n-2)/(1-r^2))}. */
    static double correlationT(double r, int n) {
        return r * Math.sqrt((n - 2) / (1 - r * r));
    }

    static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Median (mean of the two middle values for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
