/**
 * Evaluation of prediction models: discrimination (ROC with DeLong, Harrell's and Uno's C,
 * time-dependent AUC), calibration (Brier score, Hosmer-Lemeshow, calibration curves with bootstrap
 * optimism correction), decision curves and cut-point selection. Inputs are plain arrays (scores,
 * predicted probabilities, linear predictors) so that any model can be evaluated. Each method's
 * Javadoc gives its formula and the R function it is tested against.
 */
package io.radflow.stats.evaluation;
