package io.radflow.stats.evaluation;

/**
 * A point estimate with a two-sided confidence interval at confidence {@code level} (e.g. 0.95).
 *
 * @param estimate the point estimate
 * @param lower lower bound
 * @param upper upper bound
 * @param level confidence level in (0, 1)
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level) {
}
