package io.radflow.charts.data;

import java.util.Locale;

/**
 * One ROC curve: false-positive rate (1 - specificity) and true-positive rate (sensitivity) at each
 * threshold, in drawing order, with the area under the curve and its confidence interval (e.g. DeLong,
 * as R's {@code pROC::ci.auc}); the interval bounds may be {@code NaN} when not computed.
 */
public record RocCurve(String label, double[] falsePositiveRate, double[] truePositiveRate, double auc, double aucLower,
        double aucUpper) {

    public RocCurve {
        Checks.name("ROC curve", label);
        falsePositiveRate = Checks.finite("ROC curve '" + label + "' falsePositiveRate", falsePositiveRate);
        truePositiveRate = Checks.finite("ROC curve '" + label + "' truePositiveRate", truePositiveRate);
        Checks.sameLength("ROC curve '" + label + "'", falsePositiveRate, truePositiveRate);
        for (int i = 0; i < falsePositiveRate.length; i++) {
            Checks.probability("ROC curve '" + label + "' falsePositiveRate[" + i + "]", falsePositiveRate[i]);
            Checks.probability("ROC curve '" + label + "' truePositiveRate[" + i + "]", truePositiveRate[i]);
        }
        Checks.probability("ROC curve '" + label + "' AUC", auc);
    }

    @Override
    public double[] falsePositiveRate() {
        return falsePositiveRate.clone();
    }

    @Override
    public double[] truePositiveRate() {
        return truePositiveRate.clone();
    }

    /** "label: AUC 0.812 (95% CI 0.741-0.883)", without the interval when it is not known. */
    public String legend() {
        String text = String.format(Locale.ROOT, "%s: AUC %.3f", label, auc);
        if (Double.isFinite(aucLower) && Double.isFinite(aucUpper)) {
            text += String.format(Locale.ROOT, " (95%% CI %.3f-%.3f)", aucLower, aucUpper);
        }
        return text;
    }
}
