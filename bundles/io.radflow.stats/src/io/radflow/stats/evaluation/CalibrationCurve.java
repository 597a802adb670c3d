package io.radflow.stats.evaluation;

import java.util.Arrays;

/**
 * Calibration curve of predicted probabilities with bootstrap optimism correction, the estimator of
 * R's {@code rms::calibrate(fit, method = "boot")} with a binned smoother in place of lowess.
 *
 * <p>Smoother: the predictions are cut into g groups at their type-7 quantiles (as {@link Calibration}'s
 * Hosmer-Lemeshow groups); the curve joins the points (mean prediction, observed event fraction) of the
 * non-empty groups and is read by linear interpolation (R {@code approx}, NaN outside the first and last
 * group means) on rms's grid of 50 equally spaced predictions from the 5th smallest to the 5th largest
 * apparent prediction. Calibration error {@code e(u) = curve(u) - u}.
 *
 * <p>For each bootstrap resample b the model is refitted ({@link Refit}); {@code e_b^train} uses the
 * refitted predictions and outcomes of the resample, {@code e_b^test} the refitted predictions on the
 * original data. At each grid point, {@code optimism = mean_b e_b^train - mean_b e_b^test} over the
 * resamples where both are defined; bias-corrected curve {@code = apparent curve - optimism} (NaN where the
 * apparent curve or every resample is undefined, as rms's NA). References: Harrell FE, Regression Modeling
 * Strategies, 2nd ed., 2015, sect. 10.11; R {@code rms::calibrate}, {@code rms::predab.resample}. Works with
 * any model: the caller supplies the refit. Thread-safe if the refit is.
 */
public final class CalibrationCurve {

    /** Number of grid points, as rms. */
    public static final int GRID = 50;

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
     * @param grid predicted probabilities at which the curves are given (rms {@code predy})
     * @param apparent apparent calibration curve (rms {@code calibrated.orig})
     * @param optimism mean optimism (rms {@code optimism})
     * @param corrected bias-corrected curve (rms {@code calibrated.corrected})
     * @param valid resamples contributing at each grid point (rms {@code n})
     * @param groupPredicted mean apparent prediction of each non-empty group (the smoother's points)
     * @param groupObserved observed event fraction of each non-empty group
     */
    public record Result(double[] grid, double[] apparent, double[] optimism, double[] corrected, int[] valid,
            double[] groupPredicted, double[] groupObserved) {

        public Result {
            grid = grid.clone();
            apparent = apparent.clone();
            optimism = optimism.clone();
            corrected = corrected.clone();
            valid = valid.clone();
            groupPredicted = groupPredicted.clone();
            groupObserved = groupObserved.clone();
        }

        @Override
        public double[] grid() {
            return grid.clone();
        }

        @Override
        public double[] apparent() {
            return apparent.clone();
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

        @Override
        public double[] groupPredicted() {
            return groupPredicted.clone();
        }

        @Override
        public double[] groupObserved() {
            return groupObserved.clone();
        }
    }

    private CalibrationCurve() {
    }

    /**
     * @param outcome 0/1 outcome of the original data
     * @param apparent predictions of the model fitted on all original data
     * @param groups number of groups g of the smoother (10 is usual)
     * @param refit refits the model on a resample
     * @param resamples bootstrap resamples (0-based row indices of the original data), e.g. from
     *        {@link io.radflow.stats.bootstrap.Bootstrap#resamples}
     * @throws IllegalArgumentException as {@link Calibration#brier}, for fewer than 11 subjects (as rms), no
     *         resamples, a resample index out of range (named), a refitted prediction outside [0, 1], or
     *         tied quantile breaks
     */
    public static Result bootstrap(double[] outcome, double[] apparent, int groups, Refit refit, int[][] resamples) {
        boolean[] flags = Calibration.check(apparent, outcome);
        int n = flags.length;
        if (n < 11) {
            throw new IllegalArgumentException("calibration needs more than 10 subjects, got " + n);
        }
        if (resamples.length == 0) {
            throw new IllegalArgumentException("no bootstrap resamples");
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = flags[i] ? 1 : 0;
        }
        double[] sorted = apparent.clone();
        Arrays.sort(sorted);
        double[] grid = new double[GRID];
        for (int k = 0; k < GRID; k++) {
            grid[k] = sorted[4] + (sorted[n - 5] - sorted[4]) * k / (GRID - 1);
        }
        double[][] smooth = smoother(apparent, y, groups);
        double[] cal = interpolate(smooth, grid);

        double[] trainSum = new double[GRID];
        double[] testSum = new double[GRID];
        int[] valid = new int[GRID];
        double[] refitted = new double[n];
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
                refitted[i] = model.predict(i);
                if (!(refitted[i] >= 0 && refitted[i] <= 1)) {
                    throw new IllegalArgumentException("resample " + (b + 1) + ": refitted prediction for row " + i
                            + " is " + refitted[i] + ", not a probability");
                }
            }
            double[] trainPred = new double[rows.length];
            double[] trainY = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                trainPred[k] = refitted[rows[k]];
                trainY[k] = y[rows[k]];
            }
            double[] train = interpolate(smoother(trainPred, trainY, groups), grid);
            double[] test = interpolate(smoother(refitted, y, groups), grid);
            for (int k = 0; k < GRID; k++) {
                if (!Double.isNaN(train[k]) && !Double.isNaN(test[k])) {
                    trainSum[k] += train[k] - grid[k];
                    testSum[k] += test[k] - grid[k];
                    valid[k]++;
                }
            }
        }
        double[] optimism = new double[GRID];
        double[] corrected = new double[GRID];
        for (int k = 0; k < GRID; k++) {
            optimism[k] = valid[k] == 0 ? Double.NaN : trainSum[k] / valid[k] - testSum[k] / valid[k];
            corrected[k] = cal[k] - optimism[k];
        }
        return new Result(grid, cal, optimism, corrected, valid, smooth[0], smooth[1]);
    }

    /**
     * Group means {x, y} of the non-empty quantile groups of x, in increasing group order; groups whose breaks
     * coincide (tied predictions, common in bootstrap resamples) are merged.
     */
    private static double[][] smoother(double[] x, double[] y, int requestedGroups) {
        ProbabilityBins bins = ProbabilityBins.mergingTies(x, requestedGroups);
        int groups = bins.groups();
        double[] sx = new double[groups];
        double[] sy = new double[groups];
        int[] count = new int[groups];
        for (int i = 0; i < x.length; i++) {
            int k = bins.of(x[i]);
            sx[k] += x[i];
            sy[k] += y[i];
            count[k]++;
        }
        int m = 0;
        double[] mx = new double[groups];
        double[] my = new double[groups];
        for (int k = 0; k < groups; k++) {
            if (count[k] > 0) {
                mx[m] = sx[k] / count[k];
                my[m] = sy[k] / count[k];
                m++;
            }
        }
        return new double[][] {Arrays.copyOf(mx, m), Arrays.copyOf(my, m)};
    }

    /** R {@code approx(x, y, xout, ties = first)} with rule 1 (NaN outside [min x, max x]). */
    private static double[] interpolate(double[][] curve, double[] at) {
        double[] x = curve[0];
        double[] y = curve[1];
        double[] out = new double[at.length];
        for (int k = 0; k < at.length; k++) {
            double u = at[k];
            if (x.length == 0 || u < x[0] || u > x[x.length - 1]) {
                out[k] = Double.NaN;
                continue;
            }
            int j = 0;
            while (j + 1 < x.length && x[j + 1] < u) {
                j++;
            }
            if (u == x[j] || j + 1 == x.length) {
                out[k] = y[j];
            } else if (u == x[j + 1]) {
                out[k] = y[j + 1];
            } else {
                out[k] = y[j] + (y[j + 1] - y[j]) * (u - x[j]) / (x[j + 1] - x[j]);
            }
        }
        return out;
    }
}
