package io.radflow.stats.penalized;

/** Cross-validation loss, glmnet's {@code type.measure}. */
public enum CvMeasure {
    /**
     * Cox: partial-likelihood deviance, "grouped" as cv.glmnet (Verweij and van Houwelingen 1993): for
     * fold k fitted without fold k, {@code D_full(b_-k) - D_-k(b_-k)} divided by the events of fold k;
     * binomial: {@code -2 [y log p + (1 - y) log(1 - p)]} with p clamped to [1e-5, 1 - 1e-5], averaged per
     * fold.
     */
    DEVIANCE("deviance", false),
    /** Cox only: Harrell's C of the held-out fold (survival::concordance, tied predictions count 1/2). */
    C_INDEX("C", true),
    /** Binomial only: area under the ROC curve of each held-out fold (ties count 1/2); >= 10 rows per fold. */
    AUC("auc", true),
    /** Binomial only: misclassification rate at p = 0.5 ({@code y = 0} wrong if p > 0.5, {@code y = 1} if p <= 0.5). */
    CLASS_ERROR("class", false);

    private final String glmnetName;
    private final boolean higherIsBetter;

    CvMeasure(String glmnetName, boolean higherIsBetter) {
        this.glmnetName = glmnetName;
        this.higherIsBetter = higherIsBetter;
    }

    /** glmnet's {@code type.measure} value. */
    public String glmnetName() {
        return glmnetName;
    }

    /** True for C and AUC (lambda.min maximises them). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
