package io.radflow.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics of one box, as R's {@code boxplot.stats(x, coef = 1.5)}: Tukey's hinges
 * ({@code fivenum}: the medians of the lower and upper halves, the median included in both when n is odd),
 * whiskers at the most extreme values within 1.5 x the hinge spread of the hinges, values beyond them as
 * outliers; plus the mean.
 */
public record BoxStatistics(double lowerWhisker, double lowerHinge, double median, double upperHinge,
        double upperWhisker, double mean, List<Double> outliers) {

    public BoxStatistics {
        outliers = List.copyOf(outliers);
    }

    /** The statistics of {@code values} (at least one finite value). */
    public static BoxStatistics of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("box statistics need at least one value");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        double n4 = Math.floor((n + 3) / 2.0) / 2.0;
        double[] d = {1, n4, (n + 1) / 2.0, n + 1 - n4, n};
        double[] five = new double[5];
        for (int k = 0; k < 5; k++) {
            five[k] = 0.5 * (x[(int) Math.floor(d[k]) - 1] + x[(int) Math.ceil(d[k]) - 1]);
        }
        double spread = 1.5 * (five[3] - five[1]);
        double low = Double.NaN;
        double high = Double.NaN;
        double sum = 0;
        List<Double> outliers = new ArrayList<>();
        for (double v : x) {
            sum += v;
            if (v < five[1] - spread || v > five[3] + spread) {
                outliers.add(v);
            } else {
                low = Double.isNaN(low) ? v : Math.min(low, v);
                high = Double.isNaN(high) ? v : Math.max(high, v);
            }
        }
        return new BoxStatistics(low, five[1], five[2], five[3], high, sum / n, outliers);
    }
}
