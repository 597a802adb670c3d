/**
 * Pipeline nodes of the statistics bundle (univariate Cox screening, median cut-point,
 * Kaplan-Meier with log-rank) and the {@code radflow.survivalCurves} port type. Registered in the
 * bundle's {@code plugin.xml}; the classes import nothing from Eclipse.
 */
package io.radflow.stats.nodes;
