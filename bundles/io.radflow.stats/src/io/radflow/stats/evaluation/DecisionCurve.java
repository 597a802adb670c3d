package io.radflow.stats.evaluation;

/**
 * Decision-curve analysis of predicted probabilities for a binary outcome (Vickers AJ, Elkin EB, Med
 * Decis Making 26:565-574, 2006; the formula of R's {@code dcurves::dca}). At threshold probability
 * {@code p_t}, treating subjects with {@code p >= p_t} has net benefit
 * {@code NB = TP/n - FP/n * p_t/(1 - p_t)}; "treat all" has {@code NB = pi - (1 - pi) p_t/(1 - p_t)} with
 * prevalence {@code pi}; "treat none" has 0. Thread-safe, stateless.
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
            if (!(t >= 0 && t < 1)) {
                throw new IllegalArgumentException("threshold[" + (k + 1) + "] = " + t + " is not in [0, 1)");
            }
            double odds = t / (1 - t);
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
