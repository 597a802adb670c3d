/**
 * Seeded, parallel, thread-count-independent bootstrap with percentile and BCa confidence intervals
 * (formulas of R's {@code boot} package).
 */
package io.radflow.stats.bootstrap;
