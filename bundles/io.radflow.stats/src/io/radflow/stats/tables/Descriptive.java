package io.radflow.stats.tables;

import io.radflow.stats.agreement.ShapiroWilk;
import io.radflow.stats.evaluation.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Descriptive summaries for a "Table 1": mean +/- SD when the Shapiro-Wilk test does not reject
 * normality at {@code alpha}, else median (Q1, Q3); counts and percentages of categories.
 * Thread-safe, stateless.
 */
public final class Descriptive {

    /**
     * Summary of a continuous variable.
     *
     * @param n number of values
     * @param mean arithmetic mean
     * @param sd sample standard deviation (divisor n - 1)
     * @param q1 first quartile (type 7)
     * @param median median
     * @param q3 third quartile (type 7)
     * @param shapiroP Shapiro-Wilk p value
     * @param normal whether {@code shapiroP >= alpha}, i.e. mean +/- SD is reported
     */
    public record Summary(int n, double mean, double sd, double q1, double median, double q3, double shapiroP,
            boolean normal) {

        /** {@code "mean ± SD"} or {@code "median (Q1, Q3)"} with {@code decimals} decimals. */
        public String format(int decimals) {
            String f = "%." + decimals + "f";
            return normal ? String.format(Locale.ROOT, f + " ± " + f, mean, sd)
                    : String.format(Locale.ROOT, f + " (" + f + ", " + f + ")", median, q1, q3);
        }
    }

    /**
     * A category and its frequency.
     *
     * @param level the category
     * @param count number of subjects
     * @param percent {@code 100 count / n}
     */
    public record CategoryCount(String level, int count, double percent) {
    }

    private Descriptive() {
    }

    /**
     * Summarises {@code values}; normality by R {@code shapiro.test} at level {@code alpha}.
     *
     * @throws IllegalArgumentException for fewer than 3 or more than 5000 values, NaN (named) or
     *         identical values (Shapiro-Wilk is undefined)
     */
    public static Summary summarize(double[] values, double alpha) {
        Checks.level("alpha", alpha);
        Checks.finite("values", values, 3);
        double p = ShapiroWilk.test(values).p();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = TTest.mean(values);
        return new Summary(values.length, mean, Math.sqrt(TTest.variance(values)), quantile(sorted, 0.25),
                quantile(sorted, 0.5), quantile(sorted, 0.75), p, p >= alpha);
    }

    /**
     * Sample quantile of type 7 (R's default {@code quantile(x, prob)}): with {@code h = (n-1) prob},
     * {@code x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h))} on 0-based order statistics.
     *
     * @param sorted values in increasing order
     */
    public static double quantile(double[] sorted, double prob) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(prob >= 0 && prob <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], got " + prob);
        }
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Counts and percentages of each category, in sorted order of the labels (R {@code table(x)}).
     *
     * @throws IllegalArgumentException for an empty array or a missing (null) label (named by position)
     */
    public static List<CategoryCount> counts(String[] categories) {
        if (categories.length == 0) {
            throw new IllegalArgumentException("no categories to count");
        }
        Map<String, Integer> map = new TreeMap<>();
        for (int i = 0; i < categories.length; i++) {
            if (categories[i] == null) {
                throw new IllegalArgumentException("category[" + (i + 1) + "] is missing (null)");
            }
            map.merge(categories[i], 1, Integer::sum);
        }
        List<CategoryCount> out = new ArrayList<>();
        map.forEach((level, count) -> out.add(new CategoryCount(level, count, 100.0 * count / categories.length)));
        return List.copyOf(out);
    }
}
