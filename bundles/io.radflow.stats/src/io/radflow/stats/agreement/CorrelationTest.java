package io.radflow.stats.agreement;

import io.radflow.stats.evaluation.ConfidenceInterval;

/**
 * A correlation coefficient with its test of zero correlation.
 *
 * @param estimate Pearson's r or Spearman's rho
 * @param statistic t for Pearson; S = sum of squared rank differences for Spearman
 * @param df degrees of freedom of the t reference distribution ({@code n - 2})
 * @param p two-sided p value
 * @param interval Fisher-z confidence interval (Pearson, n &gt; 3), {@code null} for Spearman
 */
public record CorrelationTest(double estimate, double statistic, double df, double p,
        ConfidenceInterval interval) {
}
