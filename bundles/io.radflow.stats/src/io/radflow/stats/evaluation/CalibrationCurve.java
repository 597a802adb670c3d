package io.radflow.stats.evaluation;

/**
 * Binned calibration curve of predicted probabilities with bootstrap optimism correction: the estimator
 * of R's {@code rms::calibrate(fit, method = "boot")} with its lowess smoother replaced by {@code g}
 * fixed groups (cut at the type-7 quantiles of the apparent predictions, as {@link Calibration}'s
 * Hosmer-Lemeshow groups).
 *
 * <p>Apparent curve: per group k, the mean prediction and the observed event fraction {@code O_k}.
 * For each bootstrap resample b the model is refitted ({@link Refit}); {@code A_bk} is the observed
 * fraction in group k on the resample with the refitted predictions (apparent), {@code T_bk} the same on
 * the original data (test). Optimism {@code o_k = mean_b (A_bk - T_bk)} over the resamples where both are
 * defined (a group can be empty); bias-corrected curve {@code O_k - o_k} (Harrell FE, Regression Modeling
 * Strategies, 2nd ed., 2015, sect. 10.11; Efron B, Tibshirani R, 1993, ch. 17). Works with any model:
 * the caller supplies the refit. Thread-safe if the refit is.
 */
public final class CalibrationCurve {

    /** A model fitted on some rows that predicts a probability for any row of the original data. */
    @FunctionalInterface
    public interface ProbabilityModel {
        /** Predicted probability of the event for 0-based row {@code row} of the original data. */
        double predict(int row);
    }

    /** Refits the model on the given rows of the original data (a bootstrap resample, repeats allowed). */
    @FunctionalInterface
    public interface Refit {
        ProbabilityModel fit(int[] rows);
    }

    /**
     * @param breaks the g + 1 group limits
     * @param predicted mean apparent prediction per group
     * @param observed observed event fraction per group (apparent curve)
     * @param optimism mean optimism per group (NaN, documented, when no resample had the group non-empty in
     *        both the resample and the original data)
     * @param corrected {@code observed - optimism}
     * @param valid number of resamples that contributed to each group's optimism
     */
    public record Result(double[] breaks, double[] predicted, double[] observed, double[] optimism,
            double[] corrected, int[] valid) {

        public Result {
            breaks = breaks.clone();
            predicted = predicted.clone();
            observed = observed.clone();
            optimism = optimism.clone();
            corrected = corrected.clone();
            valid = valid.clone();
        }

        @Override
        public double[] breaks() {
            return breaks.clone();
        }

        @Override
        public double[] predicted() {
            return predicted.clone();
        }

        @Override
        public double[] observed() {
            return observed.clone();
        }

        @Override
        public double[] optimism() {
            return optimism.clone();
        }

        @Override
        public double[] corrected() {
            return corrected.clone();
        }

        @Override
        public int[] valid() {
            return valid.clone();
        }
    }

    private CalibrationCurve() {
    }

    /**
     * @param outcome 0/1 outcome of the original data
     * @param apparent predictions of the model fitted on all original data
     * @param groups number of groups g
     * @param refit refits the model on a resample
     * @param resamples bootstrap resamples (0-based row indices of the original data), e.g. from
     *        {@link io.radflow.stats.bootstrap.Bootstrap#resamples}
     * @throws IllegalArgumentException as {@link Calibration#brier}, for no resamples, a resample index out
     *         of range (named), a refitted prediction outside [0, 1], or tied quantile breaks
     */
    public static Result bootstrap(double[] outcome, double[] apparent, int groups, Refit refit, int[][] resamples) {
        boolean[] y = Calibration.check(apparent, outcome);
        if (resamples.length == 0) {
            throw new IllegalArgumentException("no bootstrap resamples");
        }
        int n = y.length;
        ProbabilityBins bins = new ProbabilityBins(apparent, groups);
        double[] predicted = new double[groups];
        double[] observed = new double[groups];
        int[] size = new int[groups];
        for (int i = 0; i < n; i++) {
            int k = bins.of(apparent[i]);
            predicted[k] += apparent[i];
            observed[k] += y[i] ? 1 : 0;
            size[k]++;
        }
        for (int k = 0; k < groups; k++) {
            predicted[k] /= size[k];
            observed[k] /= size[k];
        }
        double[] optimismSum = new double[groups];
        int[] valid = new int[groups];
        double[] originalPredictions = new double[n];
        for (int b = 0; b < resamples.length; b++) {
            int[] rows = resamples[b];
            for (int k = 0; k < rows.length; k++) {
                if (rows[k] < 0 || rows[k] >= n) {
                    throw new IllegalArgumentException("resample " + (b + 1) + " position " + (k + 1) + ": row "
                            + rows[k] + " is outside 0.." + (n - 1));
                }
            }
            ProbabilityModel model = refit.fit(rows.clone());
            for (int i = 0; i < n; i++) {
                originalPredictions[i] = model.predict(i);
                if (!(originalPredictions[i] >= 0 && originalPredictions[i] <= 1)) {
                    throw new IllegalArgumentException("resample " + (b + 1) + ": refitted prediction for row " + i
                            + " is " + originalPredictions[i] + ", not a probability");
                }
            }
            double[] appEvents = new double[groups];
            int[] appSize = new int[groups];
            for (int row : rows) {
                int k = bins.of(originalPredictions[row]);
                appEvents[k] += y[row] ? 1 : 0;
                appSize[k]++;
            }
            double[] testEvents = new double[groups];
            int[] testSize = new int[groups];
            for (int i = 0; i < n; i++) {
                int k = bins.of(originalPredictions[i]);
                testEvents[k] += y[i] ? 1 : 0;
                testSize[k]++;
            }
            for (int k = 0; k < groups; k++) {
                if (appSize[k] > 0 && testSize[k] > 0) {
                    optimismSum[k] += appEvents[k] / appSize[k] - testEvents[k] / testSize[k];
                    valid[k]++;
                }
            }
        }
        double[] optimism = new double[groups];
        double[] corrected = new double[groups];
        for (int k = 0; k < groups; k++) {
            optimism[k] = valid[k] == 0 ? Double.NaN : optimismSum[k] / valid[k];
            corrected[k] = observed[k] - optimism[k];
        }
        return new Result(bins.breaks(), predicted, observed, optimism, corrected, valid);
    }
}
