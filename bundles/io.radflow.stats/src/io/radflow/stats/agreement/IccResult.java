package io.radflow.stats.agreement;

/**
 * One intraclass correlation with its F test of {@code ICC = 0} and confidence interval, one row of
 * R's {@code psych::ICC(x, lmer = FALSE)$results}.
 *
 * @param type the ICC form
 * @param icc the coefficient
 * @param f F statistic
 * @param df1 numerator degrees of freedom
 * @param df2 denominator degrees of freedom
 * @param p upper-tail p value of F
 * @param lower lower confidence bound
 * @param upper upper confidence bound
 */
public record IccResult(IccType type, double icc, double f, double df1, double df2, double p, double lower,
        double upper) {
}
