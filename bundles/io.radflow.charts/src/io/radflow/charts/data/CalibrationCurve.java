package io.radflow.charts.data;

/**
 * A calibration curve as R's {@code rms::calibrate} reports it: at each predicted probability, the
 * apparent (smoothed observed) probability and the bootstrap bias-corrected one ({@code NaN}s allowed in
 * {@code biasCorrected} only when no correction was computed: then pass an empty array).
 *
 * @param bootstrapRepetitions B of the bias correction, 0 when none
 */
public record CalibrationCurve(double[] predicted, double[] apparent, double[] biasCorrected, int sampleSize,
        int bootstrapRepetitions) {

    public CalibrationCurve {
        predicted = Checks.finite("calibration predicted", predicted);
        apparent = Checks.finite("calibration apparent", apparent);
        biasCorrected = Checks.finite("calibration biasCorrected", biasCorrected);
        Checks.sameLength("calibration predicted/apparent", predicted, apparent);
        if (biasCorrected.length != 0) {
            Checks.sameLength("calibration predicted/biasCorrected", predicted, biasCorrected);
        }
    }

    @Override
    public double[] predicted() {
        return predicted.clone();
    }

    @Override
    public double[] apparent() {
        return apparent.clone();
    }

    @Override
    public double[] biasCorrected() {
        return biasCorrected.clone();
    }

    public boolean hasBiasCorrection() {
        return biasCorrected.length > 0;
    }
}
