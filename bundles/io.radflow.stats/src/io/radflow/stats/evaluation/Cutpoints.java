package io.radflow.stats.evaluation;

import java.util.Arrays;

/**
 * Simple cut-points of a continuous variable: the median, and the ROC Youden threshold against a binary
 * outcome. For survival outcomes see {@link MaximallySelectedLogRank}. Thread-safe, stateless.
 */
public final class Cutpoints {

    private Cutpoints() {
    }

    /**
     * Sample median (R {@code median(x)}: the middle value, or the mean of the two middle values).
     *
     * @throws IllegalArgumentException for an empty array or NaN (named)
     */
    public static double median(double[] x) {
        Checks.finite("x", x, 1);
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * Youden cut-off of {@code x} for the 0/1 {@code outcome} (higher x = positive), see
     * {@link RocAnalysis#youden()} (pROC {@code coords(roc, "best", best.method = "youden")}).
     */
    public static YoudenCutoff youden(double[] x, double[] outcome) {
        return RocAnalysis.of(x, outcome).youden();
    }
}
