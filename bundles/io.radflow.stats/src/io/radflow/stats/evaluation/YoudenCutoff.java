package io.radflow.stats.evaluation;

/**
 * The ROC threshold maximising Youden's J = sensitivity + specificity - 1.
 *
 * @param threshold the threshold (a midpoint between two observed scores); positive means score above it
 * @param sensitivity sensitivity at the threshold
 * @param specificity specificity at the threshold
 */
public record YoudenCutoff(double threshold, double sensitivity, double specificity) {

    /** Youden's J = sensitivity + specificity - 1. */
    public double youdenIndex() {
        return sensitivity + specificity - 1;
    }
}
