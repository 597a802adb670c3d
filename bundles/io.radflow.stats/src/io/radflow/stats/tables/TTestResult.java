package io.radflow.stats.tables;

import io.radflow.stats.evaluation.ConfidenceInterval;

/**
 * A two-sample t test.
 *
 * @param t the statistic {@code (mean_x - mean_y) / se}
 * @param df degrees of freedom (fractional for Welch)
 * @param p two-sided p value
 * @param difference {@code mean_x - mean_y} with its t confidence interval
 */
public record TTestResult(double t, double df, double p, ConfidenceInterval difference) {
}
