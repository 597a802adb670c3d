package io.radflow.stats.evaluation;

/** Sample quantiles. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * Sample quantile of type 7 (R's default {@code quantile(x, prob)}): with {@code h = (n-1) prob},
     * {@code (1 - f) x_(floor h) + f x_(floor h + 1)}, {@code f = h - floor h}, on 0-based order statistics
     * (Hyndman RJ, Fan Y, Am Stat 50:361-365, 1996). {@code prob = 0.5} is R's {@code median}.
     *
     * @param sorted values in increasing order
     * @throws IllegalArgumentException for an empty sample or a probability outside [0, 1]
     */
    public static double type7(double[] sorted, double prob) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(prob >= 0 && prob <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], got " + prob);
        }
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double f = h - lo;
        return f == 0 || sorted[hi] == sorted[lo] ? sorted[lo] : (1 - f) * sorted[lo] + f * sorted[hi];
    }
}
