package io.radflow.features;

import java.util.Arrays;

/**
 * Shared coefficients of the intensity values X = {x_1..x_N} of an ROI, computed once and read by
 * {@link FirstOrderFeatures} and {@link IbsiStatistics}. Immutable.
 *
 * <p>Moments are population moments, {@code m_k = (1/N) sum (x_i - mean)^k}, computed in two passes.
 * Percentiles follow numpy's default ({@code method='linear'}): with the sorted values {@code s_0..s_{N-1}}
 * and {@code h = (N - 1) p / 100}, {@code P_p = s_floor(h) + (h - floor(h)) (s_floor(h)+1 - s_floor(h))}.
 */
public final class IntensityStatistics {

    private final double[] sorted;
    private final double mean;
    private final double m2;
    private final double m3;
    private final double m4;

    private IntensityStatistics(double[] sorted) {
        this.sorted = sorted;
        int n = sorted.length;
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mu = sum / n;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (double v : sorted) {
            double d = v - mu;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        this.mean = mu;
        this.m2 = s2 / n;
        this.m3 = s3 / n;
        this.m4 = s4 / n;
    }

    /**
     * Statistics of {@code values} (copied).
     *
     * @throws IllegalArgumentException when there are no values or a value is NaN or infinite
     */
    public static IntensityStatistics of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No intensity values: the ROI is empty");
        }
        double[] sorted = values.clone();
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("The ROI contains a non-finite intensity (" + v + ")");
            }
        }
        Arrays.sort(sorted);
        return new IntensityStatistics(sorted);
    }

    /** N, the number of voxels. */
    public int count() {
        return sorted.length;
    }

    /** A copy of the values in ascending order. */
    public double[] sortedValues() {
        return sorted.clone();
    }

    public double mean() {
        return mean;
    }

    public double minimum() {
        return sorted[0];
    }

    public double maximum() {
        return sorted[sorted.length - 1];
    }

    /** Population variance {@code m_2}. */
    public double variance() {
        return m2;
    }

    /** {@code m_3 / m_2^{3/2}}, 0 when all values are equal (as PyRadiomics). */
    public double skewness() {
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }

    /** {@code m_4 / m_2^2} (not excess), 0 when all values are equal (as PyRadiomics). */
    public double kurtosis() {
        return m2 == 0 ? 0 : m4 / (m2 * m2);
    }

    /** The {@code p}-th percentile, 0 <= p <= 100, numpy's linear interpolation. */
    public double percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("Percentile must be in [0, 100], got " + p);
        }
        double h = (sorted.length - 1) * (p / 100.0);
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        // numpy's _lerp: exact at both ends
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    public double median() {
        return percentile(50);
    }

    /** {@code sum (x_i + shift)^2}. */
    public double energy(double shift) {
        double e = 0;
        for (double v : sorted) {
            double s = v + shift;
            e += s * s;
        }
        return e;
    }

    /** {@code (1/N) sum |x_i - c|}. */
    public double meanAbsoluteDeviationAround(double c) {
        double s = 0;
        for (double v : sorted) {
            s += Math.abs(v - c);
        }
        return s / sorted.length;
    }

    /** {@code (1/N) sum |x_i - mean|}. */
    public double meanAbsoluteDeviation() {
        return meanAbsoluteDeviationAround(mean);
    }

    /**
     * Mean absolute deviation of the values in the closed interval [P10, P90] from their own mean:
     * {@code (1/N_{10-90}) sum |x_i - mean_{10-90}|}.
     */
    public double robustMeanAbsoluteDeviation() {
        double p10 = percentile(10);
        double p90 = percentile(90);
        double sum = 0;
        int n = 0;
        for (double v : sorted) {
            if (v >= p10 && v <= p90) {
                sum += v;
                n++;
            }
        }
        double m = sum / n;
        double dev = 0;
        for (double v : sorted) {
            if (v >= p10 && v <= p90) {
                dev += Math.abs(v - m);
            }
        }
        return dev / n;
    }
}
