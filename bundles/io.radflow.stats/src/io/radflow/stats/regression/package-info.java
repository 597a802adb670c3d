/**
 * Binary-outcome regression in plain Java, validated against R: logistic regression by IRLS
 * ({@link io.radflow.stats.regression.LogisticRegression}, = {@code glm(family = binomial)}) with Wald and
 * MASS profile-likelihood intervals and a separation diagnosis, and Firth's penalised logistic regression
 * ({@link io.radflow.stats.regression.FirthLogisticRegression}, the estimator of {@code logistf}).
 */
package io.radflow.stats.regression;
