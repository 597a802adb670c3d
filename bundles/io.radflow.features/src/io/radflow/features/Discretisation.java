package io.radflow.features;

import java.util.Arrays;

/**
 * PyRadiomics' intensity discretisation ({@code imageoperations.getBinEdges} and {@code binImage}).
 *
 * <p><b>Fixed bin width</b> {@code w} ({@code binWidth}): edges {@code e_k = L + k w} for
 * {@code k = 0, 1, ...} while {@code e_k < max + 2w}, with {@code L = min - (min mod w) = floor(min / w) w},
 * so edges are multiples of {@code w} (unlike IBSI FBS, whose edges start at the ROI minimum).
 * <b>Fixed bin count</b> {@code n} ({@code binCount}): numpy's {@code histogram} edges, {@code n + 1} equally
 * spaced values from min to max ([min - 0.5, max + 0.5] when min = max), the last edge raised by 1.
 * A value x gets bin {@code i} (1-based) where {@code e_{i-1} <= x < e_i} (numpy's {@code digitize}).
 */
public final class Discretisation {

    private Discretisation() {
    }

    /** The bin edges PyRadiomics uses for {@code values} (the ROI intensities). */
    public static double[] binEdges(double[] values, FeatureSettings settings) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("No intensity values to discretise");
        }
        double[] edges;
        if (settings.binCount().isPresent()) {
            int n = settings.binCount().getAsInt();
            double first = min;
            double last = max;
            if (first == last) {
                first -= 0.5;
                last += 0.5;
            }
            edges = new double[n + 1];
            double step = (last - first) / n;
            for (int k = 0; k <= n; k++) {
                edges[k] = first + k * step;
            }
            edges[n] = last + 1;
        } else {
            double w = settings.binWidth();
            double low = min - (min - w * Math.floor(min / w));
            double high = max + 2 * w;
            int count = (int) Math.ceil((high - low) / w);
            edges = new double[count];
            for (int k = 0; k < count; k++) {
                edges[k] = low + k * w;
            }
        }
        if (edges.length == 1) {
            edges = new double[] {edges[0] - 0.5, edges[0] + 0.5};
        }
        return edges;
    }

    /** Bin index of every value: {@code i} with {@code e_{i-1} <= x < e_i}. */
    public static int[] discretise(double[] values, double[] edges) {
        int[] bins = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int pos = Arrays.binarySearch(edges, values[i]);
            if (pos >= 0) {
                while (pos + 1 < edges.length && edges[pos + 1] == values[i]) {
                    pos++;
                }
                bins[i] = pos + 1;
            } else {
                bins[i] = -pos - 1;
            }
        }
        return bins;
    }

    /** Discretises with {@link #binEdges} of the same values. */
    public static int[] discretise(double[] values, FeatureSettings settings) {
        return discretise(values, binEdges(values, settings));
    }

    /**
     * The probabilities {@code p(i) = N_i / N} of the occupied bins, in ascending bin order (empty bins
     * omitted, as PyRadiomics' {@code numpy.unique(..., return_counts=True)}).
     */
    public static double[] occupiedBinProbabilities(int[] bins) {
        int[] sorted = bins.clone();
        Arrays.sort(sorted);
        double[] p = new double[sorted.length];
        int distinct = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            p[distinct++] = (double) (j - i) / sorted.length;
            i = j;
        }
        return Arrays.copyOf(p, distinct);
    }
}
