package io.radflow.features;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The IBSI-1 intensity histogram features (IBSI-1 section 3.4, ZVCW), family key {@value #KEY}: statistics of
 * the discretised intensities {@code X_d} of the ROI intensity mask, computed on the whole volume (DHQ4).
 *
 * <p>Discretisation follows {@link Discretisation#discretise(double[], FeatureSettings)} (use the {@code ibsi}
 * convention for IBSI's definitions). Notation: {@code N_v} voxels, {@code N_g} the highest discretised
 * intensity, {@code n_i} the count of intensity {@code i} (1 <= i <= N_g, empty bins included),
 * {@code p_i = n_i / N_v}, {@code P_p} the p-th percentile of {@code X_d} (linear interpolation).
 *
 * <p>Statistics shared with {@link IbsiStatistics} are the same formulas applied to {@code X_d}: mean (X6K6),
 * variance (CH89), skewness (88K1), excess kurtosis (C3I7), median (WIFQ), minimum (1PR8), 10th percentile
 * (GPMT), 90th percentile (OZ0C), maximum (3NCY), interquartile range (WR0O), range (5Z3W), mean absolute
 * deviation (D2ZX), robust mean absolute deviation (WRZB), median absolute deviation (4RNL), coefficient of
 * variation (CWYJ), quartile coefficient of dispersion (SLWD). Note: the IBSI manual source shows 1PR8 for
 * both minimum and 10th percentile and GPMT for the 90th percentile; the ids here follow the published
 * manual's feature list.
 */
public final class IntensityHistogramFeatures implements FeatureFamily {

    /** The family key, {@value}. */
    public static final String KEY = "intensityhistogram";

    /** The histogram of one ROI: discretised values and counts of 1..N_g. */
    private record Histogram(IntensityStatistics stats, long[] counts, int voxels) {

        double p(int level) {
            return (double) counts[level - 1] / voxels;
        }

        /** {@code H'_i}: one-sided at both ends, central differences inside. */
        double[] gradient() {
            int ng = counts.length;
            double[] g = new double[ng];
            if (ng == 1) {
                return g;
            }
            g[0] = counts[1] - counts[0];
            g[ng - 1] = counts[ng - 1] - counts[ng - 2];
            for (int i = 1; i < ng - 1; i++) {
                g[i] = (counts[i + 1] - counts[i - 1]) / 2.0;
            }
            return g;
        }
    }

    private static final List<FeatureFormula<Histogram>> FEATURES = List.of(
            stat("Mean", "X6K6", "Mean discretised intensity.", IbsiStatistics::mean),
            stat("Variance", "CH89", "Population variance of the discretised intensities.", IbsiStatistics::variance),
            stat("Skewness", "88K1", "Skewness of the discretised intensities.", IbsiStatistics::skewness),
            stat("ExcessKurtosis", "C3I7", "Kurtosis minus 3 of the discretised intensities.", IbsiStatistics::excessKurtosis),
            stat("Median", "WIFQ", "Median discretised intensity.", IbsiStatistics::median),
            stat("Minimum", "1PR8", "Lowest discretised intensity.", IbsiStatistics::minimum),
            stat("10Percentile", "GPMT", "10th percentile of the discretised intensities.", IbsiStatistics::percentile10),
            stat("90Percentile", "OZ0C", "90th percentile of the discretised intensities.", IbsiStatistics::percentile90),
            stat("Maximum", "3NCY", "Highest discretised intensity.", IbsiStatistics::maximum),
            feature("Mode", "AMMC", "Most frequent discretised intensity (ties: closest to the mean, then lower).",
                    IntensityHistogramFeatures::mode),
            stat("InterquartileRange", "WR0O", "P75 minus P25 of the discretised intensities.", IbsiStatistics::interquartileRange),
            stat("Range", "5Z3W", "Maximum minus minimum discretised intensity.", IbsiStatistics::range),
            stat("MeanAbsoluteDeviation", "D2ZX", "Mean distance of the discretised intensities from their mean.",
                    IbsiStatistics::meanAbsoluteDeviation),
            stat("RobustMeanAbsoluteDeviation", "WRZB", "Mean absolute deviation within [P10, P90].",
                    IbsiStatistics::robustMeanAbsoluteDeviation),
            stat("MedianAbsoluteDeviation", "4RNL", "Mean distance of the discretised intensities from their median.",
                    IbsiStatistics::medianAbsoluteDeviation),
            stat("CoefficientOfVariation", "CWYJ", "Standard deviation over mean of the discretised intensities.",
                    IbsiStatistics::coefficientOfVariation),
            stat("QuartileCoefficientOfDispersion", "SLWD", "(P75 - P25) / (P75 + P25) of the discretised intensities.",
                    IbsiStatistics::quartileCoefficientOfDispersion),
            feature("Entropy", "TLU2", "Shannon entropy (base 2) of the histogram.", IntensityHistogramFeatures::entropy),
            feature("Uniformity", "BJ5W", "Sum of squared bin probabilities.", IntensityHistogramFeatures::uniformity),
            feature("MaximumHistogramGradient", "12CE", "Largest value of the histogram gradient.",
                    h -> max(h.gradient())),
            feature("MaximumHistogramGradientIntensity", "8E6O", "Discretised intensity of the largest gradient.",
                    h -> argMax(h.gradient()) + 1),
            feature("MinimumHistogramGradient", "VQB3", "Smallest value of the histogram gradient.",
                    h -> -max(negate(h.gradient()))),
            feature("MinimumHistogramGradientIntensity", "RHQZ", "Discretised intensity of the smallest gradient.",
                    h -> argMax(negate(h.gradient())) + 1));

    private static FeatureFormula<Histogram> stat(String name, String id, String description, ToDoubleFunction<IntensityStatistics> f) {
        return feature(name, id, description, h -> f.applyAsDouble(h.stats()));
    }

    private static FeatureFormula<Histogram> feature(String name, String id, String description, ToDoubleFunction<Histogram> f) {
        return FeatureFormula.of(name, id, description, f);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<FeatureDefinition> features() {
        return FeatureFormula.definitions(FEATURES);
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(FeatureSettings.CONVENTION, FeatureSettings.BIN_WIDTH, FeatureSettings.BIN_COUNT,
                FeatureSettings.RESEGMENT_RANGE);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        int[] bins = Discretisation.discretise(roi.intensities(), settings);
        int ng = 0;
        double[] values = new double[bins.length];
        for (int i = 0; i < bins.length; i++) {
            ng = Math.max(ng, bins[i]);
            values[i] = bins[i];
        }
        long[] counts = new long[ng];
        for (int b : bins) {
            counts[b - 1]++;
        }
        Histogram h = new Histogram(IntensityStatistics.of(values), counts, bins.length);
        return FeatureFormula.compute(KEY, FEATURES, FeatureFormula.enabledNames(FEATURES), () -> h);
    }

    /**
     * <b>Mode</b> (AMMC): the {@code i} with the highest {@code n_i}; among ties the one closest to the mean,
     * and the lower one when two are equally close.
     */
    static double mode(Histogram h) {
        long best = -1;
        int mode = 0;
        double mean = h.stats().mean();
        for (int i = 1; i <= h.counts().length; i++) {
            long n = h.counts()[i - 1];
            if (n > best || n == best && Math.abs(i - mean) < Math.abs(mode - mean)) {
                best = n;
                mode = i;
            }
        }
        return mode;
    }

    /** <b>Entropy</b> (TLU2): {@code -\sum_i p_i \log_2 p_i} over occupied bins. */
    static double entropy(Histogram h) {
        double e = 0;
        for (int i = 1; i <= h.counts().length; i++) {
            double p = h.p(i);
            if (p > 0) {
                e -= p * Math.log(p) / Math.log(2);
            }
        }
        return e;
    }

    /** <b>Uniformity</b> (BJ5W): {@code \sum_i p_i^2}. */
    static double uniformity(Histogram h) {
        double u = 0;
        for (int i = 1; i <= h.counts().length; i++) {
            u += h.p(i) * h.p(i);
        }
        return u;
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double max(double[] v) {
        return v[argMax(v)];
    }

    /** Index of the first maximum. */
    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
