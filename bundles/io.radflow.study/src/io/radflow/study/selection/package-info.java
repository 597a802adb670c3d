/**
 * Feature selectors as pipeline nodes, each fitted on the training rows only
 * ({@link io.radflow.study.selection.SelectorNode}): ICC filter, near-zero variance, univariate filter, correlation
 * pruning, stepwise, mRMR and LASSO/elastic net. Every statistic comes from {@code io.radflow.stats}; the two rules the
 * statistics core has no counterpart for (caret's near-zero variance and mRMR) live here with their formulas.
 */
package io.radflow.study.selection;
