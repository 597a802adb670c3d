package io.radflow.charts;

import io.radflow.charts.data.RocCurve;
import io.radflow.charts.data.TimeRocCurve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * ROC curves: one series per curve, named by {@link RocCurve#legend()} (label, AUC and its 95% CI), then
 * the chance diagonal (dashed, not in the legend); both axes from 0 to 1. The time-dependent variant
 * labels each curve with its horizon.
 */
public final class RocChart {

    /** Series key of the chance diagonal. */
    public static final String CHANCE = "Chance";

    private RocChart() {
    }

    public static JFreeChart create(String title, List<RocCurve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("ROC chart: no curves");
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (RocCurve curve : curves) {
            XYSeries series = new XYSeries(curve.legend(), false, true);
            double[] fpr = curve.falsePositiveRate();
            double[] tpr = curve.truePositiveRate();
            for (int i = 0; i < fpr.length; i++) {
                series.add(fpr[i], tpr[i]);
            }
            dataset.addSeries(series);
        }
        XYSeries chance = new XYSeries(CHANCE, false, true);
        chance.add(0.0, 0.0);
        chance.add(1.0, 1.0);
        dataset.addSeries(chance);

        NumberAxis x = new NumberAxis("1 - Specificity (false-positive rate)");
        x.setRange(0.0, 1.0);
        NumberAxis y = new NumberAxis("Sensitivity (true-positive rate)");
        y.setRange(0.0, 1.0);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            lines.setSeriesPaint(i, ChartStyle.colorOf(i));
            lines.setSeriesStroke(i, ChartStyle.line(2f));
        }
        int diagonal = curves.size();
        lines.setSeriesPaint(diagonal, ChartStyle.REFERENCE);
        lines.setSeriesStroke(diagonal, ChartStyle.dashed(1f));
        lines.setSeriesVisibleInLegend(diagonal, false);
        return ChartStyle.chart(title, new XYPlot(dataset, x, y, lines), true, null);
    }

    /** Time-dependent ROC curves, each named "t = 12 months: AUC ..." ({@code timeUnit} may be empty). */
    public static JFreeChart createTimeDependent(String title, String timeUnit, List<TimeRocCurve> curves) {
        List<RocCurve> labelled = new ArrayList<>();
        String unit = timeUnit == null || timeUnit.isBlank() ? "" : " " + timeUnit;
        for (TimeRocCurve c : curves) {
            RocCurve r = c.curve();
            String label = "t = " + trim(c.time()) + unit + (r.label().isBlank() ? "" : " (" + r.label() + ")");
            labelled.add(new RocCurve(label, r.falsePositiveRate(), r.truePositiveRate(), r.auc(), r.aucLower(),
                    r.aucUpper()));
        }
        return create(title, labelled);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
