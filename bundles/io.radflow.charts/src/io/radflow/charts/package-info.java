/**
 * Figures rendered with JFreeChart and exported by {@link io.radflow.charts.ChartExport} (PNG via
 * {@code ChartUtils}, SVG via Apache Batik svggen, PDF via OpenPDF): the {@code radflow.figure} port type
 * ({@link io.radflow.charts.Figure}), the Kaplan-Meier chart (with an optional risk table) and its node,
 * and the chart builders of the evaluation catalogue, which take the records of
 * {@code io.radflow.charts.data}. Works headless ({@code java.awt.headless=true}); imports nothing from
 * Eclipse or SWT.
 */
package io.radflow.charts;
