/**
 * The tests and summaries of a "Table 1": Student and Welch t tests, Mann-Whitney (Wilcoxon rank
 * sum), chi-square and Fisher's exact test, and descriptive summaries chosen by normality.
 */
package io.radflow.stats.tables;
