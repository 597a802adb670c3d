/**
 * Plain immutable inputs of the chart builders of {@code io.radflow.charts}: what an
 * evaluation node computes (ROC curves, calibration, decision curves, nomogram, forest rows, LASSO path
 * and CV curve, correlation matrix, rad-scores, grouped values). Each record checks its arguments and
 * names the field that is wrong.
 */
package io.radflow.charts.data;
