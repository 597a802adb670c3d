/**
 * Stepwise variable selection ({@link io.radflow.stats.selection.StepwiseSelection}) by AIC, BIC
 * ({@code MASS::stepAIC}) or likelihood-ratio p-values, for logistic and Cox models
 * ({@link io.radflow.stats.selection.SubsetModel}).
 */
package io.radflow.stats.selection;
