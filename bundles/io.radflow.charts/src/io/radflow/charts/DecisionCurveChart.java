package io.radflow.charts;

import io.radflow.charts.data.DecisionCurves;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Decision curves (Vickers and Elkin 2006): one series per model, then {@value #TREAT_ALL}
 * ({@link DecisionCurves#treatAll(double)} at each threshold) and {@value #TREAT_NONE} (0). The net-benefit
 * axis runs from -0.05 to a little above the prevalence (the largest possible net benefit), as
 * {@code dcurves} plots it.
 */
public final class DecisionCurveChart {

    public static final String TREAT_ALL = "Treat all";
    public static final String TREAT_NONE = "Treat none";

    private DecisionCurveChart() {
    }

    public static JFreeChart create(String title, DecisionCurves curves) {
        double[] pt = curves.thresholds();
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (DecisionCurves.Model model : curves.models()) {
            dataset.addSeries(CalibrationChart.series(model.label(), pt, model.netBenefit()));
        }
        XYSeries all = new XYSeries(TREAT_ALL, true, true);
        XYSeries none = new XYSeries(TREAT_NONE, true, true);
        for (double t : pt) {
            all.add(t, curves.treatAll(t));
            none.add(t, 0.0);
        }
        dataset.addSeries(all);
        dataset.addSeries(none);
        NumberAxis x = new NumberAxis("Threshold probability");
        x.setRange(0.0, pt.length == 0 ? 1.0 : Math.max(0.01, pt[pt.length - 1]));
        NumberAxis y = new NumberAxis("Net benefit");
        y.setRange(-0.05, Math.max(0.05, curves.prevalence() * 1.1));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        int models = curves.models().size();
        for (int i = 0; i < models; i++) {
            lines.setSeriesPaint(i, ChartStyle.colorOf(i));
            lines.setSeriesStroke(i, ChartStyle.line(2f));
        }
        lines.setSeriesPaint(models, ChartStyle.REFERENCE);
        lines.setSeriesStroke(models, ChartStyle.line(1f));
        lines.setSeriesPaint(models + 1, java.awt.Color.BLACK);
        lines.setSeriesStroke(models + 1, ChartStyle.dashed(1f));
        return ChartStyle.chart(title, new XYPlot(dataset, x, y, lines), true,
                String.format(java.util.Locale.ROOT, "Prevalence %.3f", curves.prevalence()));
    }
}
