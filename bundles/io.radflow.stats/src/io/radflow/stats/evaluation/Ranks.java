package io.radflow.stats.evaluation;

import java.util.Arrays;

/** Ranks with ties given their average rank (R {@code rank(x, ties.method = "average")}). */
public final class Ranks {

    private Ranks() {
    }

    /** 1-based average ranks. */
    public static double[] average(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
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

    /** Sizes of the groups of tied values (groups of one included), in increasing value order. */
    public static int[] tieSizes(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] sizes = new int[sorted.length];
        int groups = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            sizes[groups++] = j - i + 1;
            i = j + 1;
        }
        return Arrays.copyOf(sizes, groups);
    }
}
