package io.radflow.charts;

import io.radflow.charts.data.ForestRow;

import java.text.DecimalFormat;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Forest plot: one row per estimate (first row on top, labelled "label  HR 1.52 (1.10-2.10)"), a square at
 * the ratio and a horizontal bar over its confidence interval, on a log axis with a dashed line at 1.
 */
public final class ForestPlotChart {

    private ForestPlotChart() {
    }

    /**
     * @param measure the ratio's name, e.g. "HR" or "OR"
     */
    public static JFreeChart create(String title, String measure, List<ForestRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("forest plot: no rows");
        }
        int n = rows.size();
        XYIntervalSeries series = new XYIntervalSeries(measure);
        String[] labels = new String[n];
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int i = 0; i < n; i++) {
            ForestRow row = rows.get(i);
            double y = n - 1 - i;
            series.add(row.estimate(), row.lower(), row.upper(), y, y, y);
            labels[n - 1 - i] = row.label() + "  " + measure + " " + row.text();
            lowest = Math.min(lowest, row.lower());
            highest = Math.max(highest, row.upper());
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(series);
        LogAxis x = new LogAxis(measure + " (95% CI, log scale)");
        x.setRange(Math.min(lowest, 1.0) / 1.25, Math.max(highest, 1.0) * 1.25);
        x.setNumberFormatOverride(new DecimalFormat("0.###"));
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setRange(-0.6, n - 0.4);
        y.setGridBandsVisible(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setDefaultLinesVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.colorOf(0));
        renderer.setErrorPaint(ChartStyle.colorOf(0));
        renderer.setErrorStroke(ChartStyle.line(1.5f));
        renderer.setCapLength(6);
        renderer.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.addDomainMarker(new ValueMarker(1.0, ChartStyle.REFERENCE, ChartStyle.dashed(1f)), Layer.BACKGROUND);
        plot.setRangeGridlinesVisible(false);
        return ChartStyle.chart(title, plot, false, null);
    }
}
