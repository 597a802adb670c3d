package io.radflow.charts;

import io.radflow.charts.data.RiskTable;
import io.radflow.stats.nodes.SurvivalCurves;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.LogRankTest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Kaplan-Meier plot: one right-continuous step curve per group (starting at S(0) = 1 and running to
 * the group's last follow-up time), optional "+" marks at censoring times, the log-rank result in
 * the subtitle and a survival axis from 0 to 1. Each curve is drawn as a single path, so an SVG
 * export holds one {@code <path>} per group in the group's colour ({@link #colorOf(int)}).
 * {@link #withRiskTable} adds the numbers at risk under the plot (a second plot sharing the time axis).
 */
public final class KaplanMeierChart {

    private static final float CURVE_WIDTH = 2.0f;

    private KaplanMeierChart() {
    }

    /** The colour of the {@code index}-th group's curve ({@link ChartStyle#colorOf(int)}). */
    public static Color colorOf(int index) {
        return ChartStyle.colorOf(index);
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
        return ChartStyle.chart(title, plot, true, subtitle(curves.logRank()));
    }

    /**
     * The Kaplan-Meier chart with a risk table under it: a {@link CombinedDomainXYPlot} whose first plot is
     * the chart of {@link #create(SurvivalCurves, String, String, boolean)} ({@link #survivalPlot}) and
     * whose second plot prints, per group (one row each, in the group's colour), the numbers at risk
     * ({@link #riskTable}) at {@code times}.
     *
     * @param times the times of the columns, or {@code null} for round times up to the last follow-up
     */
    public static JFreeChart withRiskTable(SurvivalCurves curves, String title, String xLabel, double[] times) {
        RiskTable table = riskTable(curves, times);
        JFreeChart plain = create(curves, title, xLabel, true);
        XYPlot survival = plain.getXYPlot();
        NumberAxis time = (NumberAxis) survival.getDomainAxis();
        time.setAutoRangeStickyZero(false);
        time.setLowerMargin(0.03); // room for the numbers at time 0
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(6);
        combined.add(survival, 4);
        combined.add(riskPlot(table), 1);
        return ChartStyle.chart(title, combined, true, subtitle(curves.logRank()));
    }

    /** The survival plot of a chart from {@link #create} or {@link #withRiskTable}. */
    public static XYPlot survivalPlot(JFreeChart chart) {
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            return (XYPlot) combined.getSubplots().get(0);
        }
        return chart.getXYPlot();
    }

    /** The risk-table plot of a chart from {@link #withRiskTable}, if it has one. */
    public static java.util.Optional<XYPlot> riskTablePlot(JFreeChart chart) {
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined && combined.getSubplots().size() > 1) {
            return java.util.Optional.of((XYPlot) combined.getSubplots().get(1));
        }
        return java.util.Optional.empty();
    }

    /** Numbers at risk of each group at {@code times} (null: round times up to the longest follow-up). */
    public static RiskTable riskTable(SurvivalCurves curves, double[] times) {
        double last = 0;
        for (KaplanMeierCurve curve : curves.curves()) {
            double[] t = curve.times();
            if (t.length > 0) {
                last = Math.max(last, t[t.length - 1]);
            }
        }
        double[] at = times != null ? times : RiskTable.niceTimes(last > 0 ? last : 1, 6);
        List<String> groups = new ArrayList<>();
        int[][] risk = new int[curves.curves().size()][at.length];
        for (int g = 0; g < risk.length; g++) {
            KaplanMeierCurve curve = curves.curves().get(g);
            groups.add(curve.group());
            for (int k = 0; k < at.length; k++) {
                risk[g][k] = at[k] <= 0 ? curve.n() : RiskTable.atRisk(curve.times(), curve.nRisk(), at[k]);
            }
        }
        return new RiskTable(groups, at, risk);
    }

    /** One row per group (first group on top), the numbers as text annotations at their times. */
    private static XYPlot riskPlot(RiskTable table) {
        int groups = table.groups().size();
        String[] names = new String[groups];
        for (int g = 0; g < groups; g++) {
            names[g] = table.groups().get(groups - 1 - g);
        }
        SymbolAxis rows = new SymbolAxis("At risk", names);
        rows.setRange(-0.5, groups - 0.5);
        rows.setGridBandsVisible(false);
        rows.setLabelFont(ChartStyle.SMALL_FONT);
        XYPlot plot = new XYPlot(null, null, rows, new XYLineAndShapeRenderer(false, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        double[] times = table.times();
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < times.length; k++) {
                XYTextAnnotation number = new XYTextAnnotation(Integer.toString(table.atRisk(g, k)), times[k],
                        groups - 1 - g);
                number.setFont(ChartStyle.SMALL_FONT);
                number.setPaint(colorOf(g));
                plot.addAnnotation(number);
            }
        }
        return plot;
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
