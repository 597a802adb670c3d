package io.radflow.features;

import java.util.Arrays;

/**
 * Intensity discretisation in both conventions. {@link #discretise(double[], FeatureSettings)} chooses by
 * {@link FeatureSettings#convention()}.
 *
 * <p><b>IBSI</b> (IBSI-1 section 2.7): fixed bin size {@code w}: {@code floor((x - X_min) / w) + 1} with
 * {@code X_min} the lower bound of the resegmentation range when one is set, else the ROI minimum; fixed bin
 * number {@code N_g}: {@code floor(N_g (x - X_min) / (X_max - X_min)) + 1}, and {@code N_g} for {@code x = X_max}
 * (all ones when {@code X_max = X_min}).
 *
 * <p><b>PyRadiomics</b> ({@code imageoperations.getBinEdges} and {@code binImage}): ({@code imageoperations.getBinEdges} and {@code binImage}).
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

    /**
     * Discretises in the convention of {@code settings}: PyRadiomics with {@link #binEdges} of the same
     * values, IBSI with {@link #ibsiFixedBinNumber} when {@code binCount} is set, else {@link #ibsiFixedBinSize}.
     */
    public static int[] discretise(double[] values, FeatureSettings settings) {
        if (settings.convention() == Convention.PYRADIOMICS) {
            return discretise(values, binEdges(values, settings));
        }
        if (settings.binCount().isPresent()) {
            return ibsiFixedBinNumber(values, settings.binCount().getAsInt());
        }
        java.util.List<Double> range = settings.get(FeatureSettings.RESEGMENT_RANGE);
        double lower = range.isEmpty() ? min(values) : range.get(0);
        return ibsiFixedBinSize(values, settings.binWidth(), lower);
    }

    /** IBSI fixed bin size: {@code floor((x - lowerBound) / width) + 1}; values below the bound are rejected. */
    public static int[] ibsiFixedBinSize(double[] values, double width, double lowerBound) {
        int[] bins = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < lowerBound) {
                throw new IllegalArgumentException("Intensity " + values[i] + " lies below the discretisation lower bound "
                        + lowerBound + " (resegment to the range first)");
            }
            bins[i] = (int) Math.floor((values[i] - lowerBound) / width) + 1;
        }
        return bins;
    }

    /** IBSI fixed bin number: {@code floor(n (x - min) / (max - min)) + 1}, {@code n} at the maximum. */
    public static int[] ibsiFixedBinNumber(double[] values, int binCount) {
        double min = min(values);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        int[] bins = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bins[i] = max == min ? 1 : Math.min(binCount, (int) Math.floor(binCount * (values[i] - min) / (max - min)) + 1);
        }
        return bins;
    }

    private static double min(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No intensity values to discretise");
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
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
