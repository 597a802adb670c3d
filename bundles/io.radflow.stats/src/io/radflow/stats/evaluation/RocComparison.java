package io.radflow.stats.evaluation;

/**
 * DeLong's test of two correlated (paired) ROC curves, as pROC's
 * {@code roc.test(roc1, roc2, method = "delong", paired = TRUE)}.
 *
 * @param auc1 AUC of the first score
 * @param auc2 AUC of the second score
 * @param standardError standard error of {@code auc1 - auc2}
 * @param z the statistic {@code (auc1 - auc2) / standardError}
 * @param p two-sided p value {@code 2 Phi(-|z|)}
 * @param difference the difference {@code auc1 - auc2} with its normal confidence interval
 */
public record RocComparison(double auc1, double auc2, double standardError, double z, double p,
        ConfidenceInterval difference) {
}
