package io.radflow.stats.evaluation;

import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;

/**
 * Decision-curve analysis of predicted probabilities for a binary outcome (Vickers AJ, Elkin EB, Med
 * Decis Making 26:565-574, 2006; the formula of R's {@code dcurves::dca}). At threshold probability
 * {@code p_t}, treating subjects with {@code p >= p_t} has net benefit
 * {@code NB = TP/n - FP/n * p_t/(1 - p_t)}; "treat all" has {@code NB = pi - (1 - pi) p_t/(1 - p_t)} with
 * prevalence {@code pi}; "treat none" has 0.
 *
 * <p>For a survival outcome at horizon {@code t} (Vickers AJ, Cronin AM, Elkin EB, Gonen M, BMC Med Inform Decis
 * Mak 8:53, 2008, "Extensions to decision curve analysis"; R {@code dcurves::dca} with a {@code Surv} outcome):
 * with {@code n+ = #(risk >= p_t)} and the observed risk among them {@code r+ = 1 - KM(t | risk >= p_t)},
 * {@code NB = r+ n+/n - (1 - r+) n+/n p_t/(1 - p_t)} (0 when {@code n+ = 0}); "treat all" has
 * {@code NB = (1 - KM(t)) - KM(t) p_t/(1 - p_t)}. Thread-safe, stateless.
 */
public final class DecisionCurve {

    /**
     * @param thresholds threshold probabilities
     * @param model net benefit of the model at each threshold
     * @param treatAll net benefit of treating everyone
     */
    public record Result(double[] thresholds, double[] model, double[] treatAll) {

        public Result {
            thresholds = thresholds.clone();
            model = model.clone();
            treatAll = treatAll.clone();
        }

        @Override
        public double[] thresholds() {
            return thresholds.clone();
        }

        @Override
        public double[] model() {
            return model.clone();
        }

        @Override
        public double[] treatAll() {
            return treatAll.clone();
        }

        /** Net benefit of treating nobody: 0 at every threshold. */
        public double[] treatNone() {
            return new double[thresholds.length];
        }
    }

    private DecisionCurve() {
    }

    /**
     * Net benefit for a survival outcome at horizon {@code t} (formula in the class description).
     *
     * @param risk predicted risk {@code F(t|x) = 1 - S(t|x)} per subject
     * @throws IllegalArgumentException as {@link SurvivalCalibration#brier}, or for a threshold outside [0, 1)
     */
    public static Result netBenefit(SurvivalData data, double[] risk, double t, double[] thresholds) {
        SurvivalCalibration.check(data, risk, t);
        int n = risk.length;
        double survivalAll = SurvivalCalibration.kaplanMeierAt(data, t, 0.95)[0];
        double[] model = new double[thresholds.length];
        double[] all = new double[thresholds.length];
        for (int k = 0; k < thresholds.length; k++) {
            double odds = odds(thresholds, k);
            List<Integer> treated = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (risk[i] >= thresholds[k]) {
                    treated.add(i);
                }
            }
            if (!treated.isEmpty()) {
                double observed = 1 - SurvivalCalibration.kaplanMeierAt(SurvivalCalibration.subset(data, treated), t,
                        0.95)[0];
                double fraction = (double) treated.size() / n;
                model[k] = observed * fraction - (1 - observed) * fraction * odds;
            }
            all[k] = (1 - survivalAll) - survivalAll * odds;
        }
        return new Result(thresholds, model, all);
    }

    private static double odds(double[] thresholds, int k) {
        double t = thresholds[k];
        if (!(t >= 0 && t < 1)) {
            throw new IllegalArgumentException("threshold[" + (k + 1) + "] = " + t + " is not in [0, 1)");
        }
        return t / (1 - t);
    }

    /**
     * @throws IllegalArgumentException as {@link Calibration#brier}, or for a threshold outside [0, 1)
     */
    public static Result netBenefit(double[] predicted, double[] outcome, double[] thresholds) {
        boolean[] y = Calibration.check(predicted, outcome);
        int n = y.length;
        double prevalence = (double) Checks.count(y) / n;
        double[] model = new double[thresholds.length];
        double[] all = new double[thresholds.length];
        for (int k = 0; k < thresholds.length; k++) {
            double t = thresholds[k];
            double odds = odds(thresholds, k);
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < n; i++) {
                if (predicted[i] >= t) {
                    if (y[i]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            model[k] = (double) tp / n - (double) fp / n * odds;
            all[k] = prevalence - (1 - prevalence) * odds;
        }
        return new Result(thresholds, model, all);
    }
}
