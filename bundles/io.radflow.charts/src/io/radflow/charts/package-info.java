/**
 * Figures rendered with JFreeChart (PNG via {@code ChartUtils}, SVG via Apache Batik svggen): the
 * {@code radflow.figure} port type ({@link io.radflow.charts.Figure}), the Kaplan-Meier chart and its
 * node. Works headless ({@code java.awt.headless=true}); imports nothing from Eclipse or SWT.
 */
package io.radflow.charts;
