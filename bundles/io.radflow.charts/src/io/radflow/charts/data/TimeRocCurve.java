package io.radflow.charts.data;

/**
 * A time-dependent ROC curve (cumulative cases by {@code time}, dynamic controls, as
 * Heagerty et al. 2000 and R's {@code timeROC}): the ROC curve at one prediction horizon.
 */
public record TimeRocCurve(double time, RocCurve curve) {

    public TimeRocCurve {
        if (!(time > 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("time-dependent ROC: the time must be positive and finite, got " + time);
        }
        if (curve == null) {
            throw new IllegalArgumentException("time-dependent ROC at " + time + ": no curve");
        }
    }
}
