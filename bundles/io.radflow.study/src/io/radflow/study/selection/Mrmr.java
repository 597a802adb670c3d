package io.radflow.study.selection;

import io.radflow.stats.evaluation.Quantiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimum-redundancy maximum-relevance selection (Peng H, Long F, Ding C, IEEE TPAMI 27:1226-1238, 2005; the
 * "MID" criterion) on discretised features. Stateless.
 *
 * <p><b>Discretisation</b> (equal frequency): a feature's breaks are the distinct type-7 sample quantiles at
 * {@code k / bins}, {@code k = 0..bins} ({@link Quantiles#type7}, R quantile type 7), and a value falls in the first interval
 * {@code [b_0, b_1]} or {@code (b_{k-1}, b_k]}, exactly R's
 * {@code cut(x, unique(quantile(x, seq(0, 1, length.out = bins + 1))), include.lowest = TRUE)}. With
 * {@code bins = 0} the count is {@code max(2, round(n^(1/3)))}, the default of R's {@code infotheo::discretize}.
 *
 * <p><b>Mutual information</b> (natural log, plug-in estimate from the joint frequencies):
 * {@code I(X;Y) = sum_{x,y} p(x,y) ln(p(x,y) / (p(x) p(y)))}.
 *
 * <p><b>Selection</b>: first the feature of largest relevance {@code I(f; c)}; then repeatedly the unselected feature
 * maximising {@code I(f; c) - (1/|S|) sum_{s in S} I(f; s)}; ties go to the earlier feature.
 */
public final class Mrmr {

    /**
     * One selected feature.
     *
     * @param index     the feature's column index
     * @param relevance {@code I(f; c)}
     * @param score     the criterion when it was selected (the relevance for the first)
     */
    public record Pick(int index, double relevance, double score) {
    }

    private Mrmr() {
    }

    /** Bin numbers 1..k of {@code x} by equal-frequency breaks (see the class comment). */
    public static int[] discretise(double[] x, int bins) {
        int b = bins > 0 ? bins : Math.max(2, (int) Math.round(Math.cbrt(x.length)));
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] breaks = new double[b + 1];
        for (int k = 0; k <= b; k++) {
            breaks[k] = Quantiles.type7(sorted, (double) k / b);
        }
        double[] unique = Arrays.stream(breaks).distinct().toArray();
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = 1;
            while (k < unique.length - 1 && x[i] > unique[k]) {
                k++;
            }
            out[i] = k;
        }
        return out;
    }

    /** Plug-in mutual information of two discrete variables, in nats. */
    public static double mutualInformation(int[] a, int[] b) {
        int n = a.length;
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> ca = new HashMap<>();
        Map<Integer, Integer> cb = new HashMap<>();
        for (int i = 0; i < n; i++) {
            joint.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
            ca.merge(a[i], 1, Integer::sum);
            cb.merge(b[i], 1, Integer::sum);
        }
        double mi = 0;
        for (Map.Entry<Long, Integer> e : joint.entrySet()) {
            int x = (int) (e.getKey() >> 32);
            int y = (int) (long) e.getKey();
            double pxy = (double) e.getValue() / n;
            mi += pxy * Math.log(pxy * n * n / ((double) ca.get(x) * cb.get(y)));
        }
        return mi;
    }

    /**
     * Selects {@code count} features (at most all).
     *
     * @param x     rows x features, complete
     * @param klass class labels per row
     * @param bins  bins per feature (0 = automatic)
     */
    public static List<Pick> select(double[][] x, int[] klass, int bins, int count) {
        int p = x.length == 0 ? 0 : x[0].length;
        int[][] d = new int[p][];
        double[] relevance = new double[p];
        for (int j = 0; j < p; j++) {
            double[] column = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                column[i] = x[i][j];
            }
            d[j] = discretise(column, bins);
            relevance[j] = mutualInformation(d[j], klass);
        }
        double[] redundancy = new double[p];
        boolean[] chosen = new boolean[p];
        List<Pick> picks = new ArrayList<>();
        for (int step = 0; step < Math.min(count, p); step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < p; j++) {
                if (chosen[j]) {
                    continue;
                }
                double score = step == 0 ? relevance[j] : relevance[j] - redundancy[j] / step;
                if (score > bestScore) {
                    bestScore = score;
                    best = j;
                }
            }
            chosen[best] = true;
            picks.add(new Pick(best, relevance[best], bestScore));
            for (int j = 0; j < p; j++) {
                if (!chosen[j]) {
                    redundancy[j] += mutualInformation(d[j], d[best]);
                }
            }
        }
        return picks;
    }
}
