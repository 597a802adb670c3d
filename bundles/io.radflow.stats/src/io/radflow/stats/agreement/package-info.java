/**
 * Agreement and association: intraclass correlation coefficients (Shrout and Fleiss), Pearson and
 * Spearman correlation tests and the Shapiro-Wilk normality test.
 */
package io.radflow.stats.agreement;
