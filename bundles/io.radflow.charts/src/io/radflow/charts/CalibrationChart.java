package io.radflow.charts;

import io.radflow.charts.data.CalibrationCurve;

import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Calibration plot as {@code plot(rms::calibrate(...))}: series {@value #IDEAL} (the diagonal, dashed),
 * {@value #APPARENT} and, when computed, {@value #BIAS_CORRECTED}; both axes from 0 to 1; the subtitle
 * names n and the bootstrap repetitions.
 */
public final class CalibrationChart {

    public static final String IDEAL = "Ideal";
    public static final String APPARENT = "Apparent";
    public static final String BIAS_CORRECTED = "Bias-corrected";

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

    static XYSeries series(String key, double[] x, double[] y) {
        XYSeries series = new XYSeries(key, true, true);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], y[i]);
        }
        return series;
    }
}
