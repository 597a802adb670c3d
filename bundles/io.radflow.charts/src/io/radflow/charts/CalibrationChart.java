package io.radflow.charts;

import io.radflow.charts.data.CalibrationCurve;

import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Calibration plot as {@code plot(rms::calibrate(...))}: series {@value #IDEAL} (the diagonal, dashed),
 * {@value #APPARENT} and, when computed, {@value #BIAS_CORRECTED}; both axes from 0 to 1; the subtitle
 * names n and the bootstrap repetitions. {@link #createAtHorizon} draws the risk groups of a survival model at a
 * horizon with their confidence intervals.
 */
public final class CalibrationChart {

    public static final String IDEAL = "Ideal";
    public static final String APPARENT = "Apparent";
    public static final String BIAS_CORRECTED = "Bias-corrected";
    public static final String OBSERVED = "Observed (risk groups)";
    public static final String INTERVAL = "95% CI (Greenwood)";

    private CalibrationChart() {
    }

    public static JFreeChart create(String title, CalibrationCurve curve) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYSeries ideal = new XYSeries(IDEAL, false, true);
        ideal.add(0.0, 0.0);
        ideal.add(1.0, 1.0);
        dataset.addSeries(ideal);
        dataset.addSeries(series(APPARENT, curve.predicted(), curve.apparent()));
        if (curve.hasBiasCorrection()) {
            dataset.addSeries(series(BIAS_CORRECTED, curve.predicted(), curve.biasCorrected()));
        }
        NumberAxis x = new NumberAxis("Predicted probability");
        x.setRange(0.0, 1.0);
        NumberAxis y = new NumberAxis("Observed probability");
        y.setRange(0.0, 1.0);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ChartStyle.REFERENCE);
        lines.setSeriesStroke(0, ChartStyle.dashed(1f));
        lines.setSeriesPaint(1, ChartStyle.colorOf(0));
        lines.setSeriesStroke(1, ChartStyle.line(1.5f));
        lines.setSeriesPaint(2, ChartStyle.colorOf(1));
        lines.setSeriesStroke(2, ChartStyle.line(2f));
        String subtitle = String.format(Locale.ROOT, "n = %d", curve.sampleSize())
                + (curve.bootstrapRepetitions() > 0 ? ", B = " + curve.bootstrapRepetitions() + " bootstrap repetitions"
                        : "");
        return ChartStyle.chart(title, new XYPlot(dataset, x, y, lines), true, subtitle);
    }

    /**
     * Calibration of a survival model at horizon {@code t}: per risk group the mean predicted risk against the observed
     * risk {@code 1 - KM(t)} (series {@value #OBSERVED}, a line through the group points) with its confidence interval
     * as vertical error bars (a second dataset; NaN limits are drawn at the point), and the {@value #IDEAL} diagonal.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static JFreeChart createAtHorizon(String title, String horizon, double[] predicted, double[] observed,
            double[] lower, double[] upper, int n) {
        if (predicted.length == 0 || predicted.length != observed.length || predicted.length != lower.length
                || predicted.length != upper.length) {
            throw new IllegalArgumentException("calibration at t = " + horizon + ": " + predicted.length + " groups, "
                    + observed.length + " observed, " + lower.length + " lower and " + upper.length + " upper limits");
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries ideal = new XYSeries(IDEAL, false, true);
        ideal.add(0.0, 0.0);
        ideal.add(1.0, 1.0);
        lines.addSeries(ideal);
        lines.addSeries(series(OBSERVED, predicted, observed));
        YIntervalSeries bars = new YIntervalSeries(INTERVAL, false, true);
        for (int k = 0; k < predicted.length; k++) {
            double lo = Double.isNaN(lower[k]) ? observed[k] : lower[k];
            double hi = Double.isNaN(upper[k]) ? observed[k] : upper[k];
            bars.add(predicted[k], observed[k], lo, hi);
        }
        YIntervalSeriesCollection intervals = new YIntervalSeriesCollection();
        intervals.addSeries(bars);
        NumberAxis x = new NumberAxis("Predicted risk at t = " + horizon);
        x.setRange(0.0, 1.0);
        NumberAxis y = new NumberAxis("Observed risk 1 - KM(t)");
        y.setRange(0.0, 1.0);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ChartStyle.REFERENCE);
        renderer.setSeriesStroke(0, ChartStyle.dashed(1f));
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(1, ChartStyle.colorOf(0));
        renderer.setSeriesStroke(1, ChartStyle.line(1.5f));
        XYPlot plot = new XYPlot(lines, x, y, renderer);
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setDefaultLinesVisible(false);
        errors.setDefaultShapesVisible(false);
        errors.setErrorPaint(ChartStyle.colorOf(0));
        errors.setSeriesVisibleInLegend(0, true);
        errors.setSeriesPaint(0, ChartStyle.colorOf(0));
        plot.setDataset(1, intervals);
        plot.setRenderer(1, errors);
        return ChartStyle.chart(title, plot, true, String.format(Locale.ROOT, "n = %d, %d risk groups", n,
                predicted.length));
    }

    static XYSeries series(String key, double[] x, double[] y) {
        XYSeries series = new XYSeries(key, true, true);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], y[i]);
        }
        return series;
    }
}
