package io.radflow.stats.evaluation;

/**
 * A time-dependent ROC curve at one horizon (cumulative/dynamic, IPCW; {@link TimeDependentAuc#roc}): thresholds in
 * increasing order, {@code -Inf} first, then each distinct marker value; at threshold {@code c} a subject is called
 * positive when its marker is above {@code c}, so the points run from (1, 1) to (0, 0). Arrays are copied in and out.
 *
 * @param time horizon {@code t}
 * @param thresholds increasing thresholds
 * @param truePositive {@code TP(t, c)}, weighted fraction of cases above {@code c}
 * @param falsePositive {@code FP(t, c)}, fraction of controls above {@code c}
 */
public record TimeDependentRoc(double time, double[] thresholds, double[] truePositive, double[] falsePositive) {

    public TimeDependentRoc {
        Checks.sameLength("thresholds", thresholds.length, "true positives", truePositive.length);
        Checks.sameLength("thresholds", thresholds.length, "false positives", falsePositive.length);
        thresholds = thresholds.clone();
        truePositive = truePositive.clone();
        falsePositive = falsePositive.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public double[] truePositive() {
        return truePositive.clone();
    }

    @Override
    public double[] falsePositive() {
        return falsePositive.clone();
    }

    /** Number of points. */
    public int size() {
        return thresholds.length;
    }

    /** Trapezoidal area {@code sum_k (FP_k - FP_{k+1}) (TP_k + TP_{k+1})/2}; equals AUC(t) (marker ties count 1/2). */
    public double area() {
        double area = 0;
        for (int k = 0; k + 1 < thresholds.length; k++) {
            area += (falsePositive[k] - falsePositive[k + 1]) * (truePositive[k] + truePositive[k + 1]) / 2;
        }
        return area;
    }
}
