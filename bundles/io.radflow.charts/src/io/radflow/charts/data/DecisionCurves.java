package io.radflow.charts.data;

import java.util.List;

/**
 * Decision-curve analysis (Vickers and Elkin 2006; R's {@code dcurves::dca}): net benefit of one or
 * more models at threshold probabilities p_t, with the outcome prevalence for the "treat all" curve.
 * Net benefit of a model = TP/n - FP/n * p_t / (1 - p_t); of treating all =
 * prevalence - (1 - prevalence) * p_t / (1 - p_t) ({@link #treatAll(double)}); of treating none = 0.
 */
public record DecisionCurves(double[] thresholds, List<Model> models, double prevalence) {

    /** Net benefit of one model at each threshold. */
    public record Model(String label, double[] netBenefit) {
        public Model {
            Checks.name("decision curve model", label);
            netBenefit = Checks.finite("decision curve '" + label + "' netBenefit", netBenefit);
        }

        @Override
        public double[] netBenefit() {
            return netBenefit.clone();
        }
    }

    public DecisionCurves {
        thresholds = Checks.finite("decision curve thresholds", thresholds);
        for (int i = 0; i < thresholds.length; i++) {
            if (!(thresholds[i] >= 0 && thresholds[i] < 1)) {
                throw new IllegalArgumentException("decision curve thresholds[" + i + "] must lie in [0, 1), got "
                        + thresholds[i]);
            }
        }
        models = List.copyOf(models);
        for (Model m : models) {
            if (m.netBenefit.length != thresholds.length) {
                throw new IllegalArgumentException("decision curve '" + m.label() + "' has " + m.netBenefit.length
                        + " net benefits for " + thresholds.length + " thresholds");
            }
        }
        Checks.probability("decision curve prevalence", prevalence);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Net benefit of treating everybody at threshold {@code pt}: prevalence - (1 - prevalence) pt / (1 - pt). */
    public double treatAll(double pt) {
        return prevalence - (1 - prevalence) * pt / (1 - pt);
    }
}
