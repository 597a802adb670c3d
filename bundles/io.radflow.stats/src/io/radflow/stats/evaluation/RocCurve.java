package io.radflow.stats.evaluation;

/**
 * An empirical ROC curve as pROC's {@code roc(response, predictor, direction = "<")} stores it:
 * thresholds in increasing order, {@code -Inf}, the midpoints between consecutive distinct scores, then
 * {@code +Inf}; at threshold {@code c} a subject is called positive when its score is above {@code c}.
 * Arrays are copied in and out.
 *
 * @param thresholds increasing thresholds
 * @param sensitivities true-positive fraction at each threshold
 * @param specificities true-negative fraction at each threshold
 */
public record RocCurve(double[] thresholds, double[] sensitivities, double[] specificities) {

    public RocCurve {
        Checks.sameLength("thresholds", thresholds.length, "sensitivities", sensitivities.length);
        Checks.sameLength("thresholds", thresholds.length, "specificities", specificities.length);
        thresholds = thresholds.clone();
        sensitivities = sensitivities.clone();
        specificities = specificities.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public double[] sensitivities() {
        return sensitivities.clone();
    }

    @Override
    public double[] specificities() {
        return specificities.clone();
    }

    /** Number of points. */
    public int size() {
        return thresholds.length;
    }
}
