/**
 * Survival analysis in plain Java, validated against R's {@code survival} package (Therneau):
 * Kaplan-Meier curves ({@link io.radflow.stats.survival.KaplanMeier}, = {@code survfit}, with log,
 * log-log and plain intervals, median with CI, restricted mean and {@code summary(fit, times)}),
 * the k-group log-rank and Peto-Peto tests ({@link io.radflow.stats.survival.LogRankTest}, =
 * {@code survdiff}, rho = 0 or 1) and Cox proportional-hazards regression
 * ({@link io.radflow.stats.survival.CoxRegression}, = {@code coxph}, Efron or Breslow ties, strata and
 * case weights; {@link io.radflow.stats.survival.CoxFit} adds {@code basehaz}, {@code survfit(fit, newdata)}
 * and {@code cox.zph}). All results are immutable; all arrays returned are copies.
 *
 * <p>References: Kaplan EL, Meier P (1958) JASA 53:457-481; Greenwood M (1926); Mantel N (1966);
 * Cox DR (1972) JRSS-B 34:187-220; Efron B (1977) JASA 72:557-565; Breslow N (1974);
 * Therneau TM, Grambsch PM (2000) Modeling Survival Data, Springer.
 */
package io.radflow.stats.survival;
