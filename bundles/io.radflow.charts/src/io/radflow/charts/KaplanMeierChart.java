package io.radflow.charts;

import io.radflow.stats.nodes.SurvivalCurves;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.LogRankTest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Kaplan-Meier plot: one right-continuous step curve per group (starting at S(0) = 1 and running to
 * the group's last follow-up time), optional "+" marks at censoring times, the log-rank result in
 * the subtitle and a survival axis from 0 to 1. Each curve is drawn as a single path, so an SVG
 * export holds one {@code <path>} per group in the group's colour ({@link #colorOf(int)}).
 */
public final class KaplanMeierChart {

    /** Curve colours, by group index (cycled): colour-blind-safe Okabe-Ito hues. */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0), new Color(0, 0, 0)};

    private static final float CURVE_WIDTH = 2.0f;

    private KaplanMeierChart() {
    }

    /** The colour of the {@code index}-th group's curve. */
    public static Color colorOf(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** A chart with censoring marks. */
    public static JFreeChart create(SurvivalCurves curves, String title, String xLabel) {
        return create(curves, title, xLabel, true);
    }

    /**
     * Builds the chart.
     *
     * @param curves       the curves (and log-rank test) to plot
     * @param title        chart title
     * @param xLabel       time axis label
     * @param censorMarks  whether to mark censoring times with "+"
     */
    public static JFreeChart create(SurvivalCurves curves, String title, String xLabel, boolean censorMarks) {
        List<KaplanMeierCurve> list = curves.curves();
        XYSeriesCollection steps = new XYSeriesCollection();
        XYSeriesCollection censored = new XYSeriesCollection();
        for (KaplanMeierCurve curve : list) {
            steps.addSeries(stepSeries(curve));
            censored.addSeries(censorSeries(curve));
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("Survival probability");
        y.setRange(0.0, 1.0);

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        Shape plus = plusShape(4.0);
        for (int g = 0; g < list.size(); g++) {
            lines.setSeriesPaint(g, colorOf(g));
            lines.setSeriesStroke(g, new BasicStroke(CURVE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            marks.setSeriesPaint(g, colorOf(g));
            marks.setSeriesShape(g, plus);
            marks.setSeriesShapesFilled(g, false);
            marks.setSeriesOutlineStroke(g, new BasicStroke(1.0f));
            marks.setSeriesVisibleInLegend(g, false);
            marks.setSeriesVisible(g, censorMarks);
        }
        marks.setUseOutlinePaint(false);

        XYPlot plot = new XYPlot(steps, x, y, lines);
        plot.setDataset(1, censored);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        String subtitle = subtitle(curves.logRank());
        if (!subtitle.isEmpty()) {
            chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        return chart;
    }

    /** "Log-rank p = 0.0013 (chi2 = 10.33, df = 1)", or "" without a test. */
    static String subtitle(LogRankTest test) {
        if (test == null || test.df() == 0) {
            return "";
        }
        double p = test.pValue();
        String pText = p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
        return String.format(Locale.ROOT, "Log-rank p = %s (chi2 = %.2f, df = %d)", pText, test.chiSquare(),
                test.df());
    }

    /** Step points: (0, 1), then at each event time (t, S before) and (t, S after); up to the last time. */
    private static XYSeries stepSeries(KaplanMeierCurve curve) {
        XYSeries series = new XYSeries(label(curve), false, true);
        double[] t = curve.times();
        double[] s = curve.survival();
        int[] d = curve.nEvent();
        double previous = 1.0;
        series.add(0.0, 1.0);
        for (int i = 0; i < t.length; i++) {
            if (d[i] > 0) {
                series.add(t[i], previous);
                series.add(t[i], s[i]);
                previous = s[i];
            }
        }
        double last = t[t.length - 1];
        if (series.getX(series.getItemCount() - 1).doubleValue() < last) {
            series.add(last, previous);
        }
        return series;
    }

    private static XYSeries censorSeries(KaplanMeierCurve curve) {
        XYSeries series = new XYSeries(curve.group() + " (censored)", false, true);
        double[] t = curve.times();
        double[] s = curve.survival();
        int[] c = curve.nCensor();
        for (int i = 0; i < t.length; i++) {
            if (c[i] > 0) {
                series.add(t[i], s[i]);
            }
        }
        return series;
    }

    private static String label(KaplanMeierCurve curve) {
        return String.format(Locale.ROOT, "%s (n = %d, events = %d)", curve.group(), curve.n(), curve.events());
    }

    private static Shape plusShape(double half) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(-half, 0);
        path.lineTo(half, 0);
        path.moveTo(0, -half);
        path.lineTo(0, half);
        return path;
    }
}
