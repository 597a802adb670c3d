/**
 * Penalised (LASSO / elastic-net) regression for the Cox and logistic models, reproducing R's glmnet
 * 4.1: regularisation paths ({@link io.radflow.stats.penalized.ElasticNet}, = {@code glmnet}) and K-fold
 * cross-validation ({@link io.radflow.stats.penalized.ElasticNetCrossValidation}, = {@code cv.glmnet})
 * with lambda.min and lambda.1se. Pure Java, thread-safe static entry points, immutable results.
 *
 * <p>References: Friedman J, Hastie T, Tibshirani R (2010) J Stat Softw 33(1); Simon N, Friedman J,
 * Hastie T, Tibshirani R (2011) J Stat Softw 39(5).
 */
package io.radflow.stats.penalized;
