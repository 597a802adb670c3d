package io.radflow.charts;

import io.radflow.charts.data.Nomogram;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Nomogram (R's {@code plot(rms::nomogram(...))}): rows from top to bottom "Points" (0-100), one row per
 * predictor with its tick values placed at their points, "Total points" and the risk. All rows share a
 * horizontal position x in [0, 100]: points p sit at x = p on the predictor rows; total points T sit at
 * x = 100 T / {@link Nomogram#maxTotalPoints()} on the two bottom rows. Each row is a dataset series (its
 * segment) and each tick a text annotation whose x is that position.
 */
public final class NomogramChart {

    public static final String POINTS = "Points";
    public static final String TOTAL_POINTS = "Total points";

    private NomogramChart() {
    }

    /** One labelled tick of a row, at horizontal position {@code x}. */
    public record Tick(String row, String label, double x) {
    }

    /** The rows of the nomogram from top to bottom. */
    public static List<String> rows(Nomogram nomogram) {
        List<String> rows = new ArrayList<>();
        rows.add(POINTS);
        nomogram.predictors().forEach(p -> rows.add(p.name()));
        rows.add(TOTAL_POINTS);
        rows.add(nomogram.riskLabel());
        return rows;
    }

    /** The ticks of the top "Points" row: 0, 10, ..., 100. */
    public static List<Tick> pointsScale() {
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 10) {
            ticks.add(new Tick(POINTS, Integer.toString(p), p));
        }
        return ticks;
    }

    /** Every tick of every row. */
    public static List<Tick> ticks(Nomogram nomogram) {
        List<Tick> ticks = new ArrayList<>(pointsScale());
        for (int i = 0; i < nomogram.predictors().size(); i++) {
            Nomogram.Predictor predictor = nomogram.predictors().get(i);
            for (double value : predictor.ticks()) {
                ticks.add(new Tick(predictor.name(), format(value), nomogram.points(i, value)));
            }
        }
        double maxTotal = nomogram.maxTotalPoints();
        double step = niceStep(maxTotal);
        for (double t = 0; t <= maxTotal + 1e-9; t += step) {
            ticks.add(new Tick(TOTAL_POINTS, format(t), 100 * t / maxTotal));
        }
        for (double risk : nomogram.riskTicks()) {
            double total = nomogram.totalPointsForRisk(risk);
            if (total >= -1e-9 && total <= maxTotal + 1e-9) {
                ticks.add(new Tick(nomogram.riskLabel(), format(risk), 100 * total / maxTotal));
            }
        }
        return ticks;
    }

    public static JFreeChart create(String title, Nomogram nomogram) {
        return create(title, rows(nomogram), ticks(nomogram));
    }

    /**
     * A nomogram of the given rows (top to bottom) and ticks (each at its horizontal position in [0, 100]): one
     * segment per row from its lowest to its highest tick, every tick a mark with its label above.
     *
     * @throws IllegalArgumentException for a tick of a row not in {@code rows}
     */
    public static JFreeChart create(String title, List<String> rows, List<Tick> ticks) {
        for (Tick tick : ticks) {
            if (!rows.contains(tick.row())) {
                throw new IllegalArgumentException("tick '" + tick.label() + "' of row '" + tick.row() + "', which is not one of "
                        + rows);
            }
        }
        int n = rows.size();
        XYSeriesCollection segments = new XYSeriesCollection();
        for (int r = 0; r < n; r++) {
            String row = rows.get(r);
            double y = n - 1 - r;
            double min = ticks.stream().filter(t -> t.row().equals(row)).mapToDouble(Tick::x).min().orElse(0);
            double max = ticks.stream().filter(t -> t.row().equals(row)).mapToDouble(Tick::x).max().orElse(0);
            XYSeries segment = new XYSeries(row, false, true);
            segment.add(min, y);
            segment.add(max, y);
            segments.addSeries(segment);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int r = 0; r < n; r++) {
            lines.setSeriesPaint(r, Color.BLACK);
            lines.setSeriesStroke(r, ChartStyle.line(1f));
        }
        NumberAxis x = new NumberAxis();
        x.setRange(-4, 104);
        x.setVisible(false);
        String[] labels = new String[n];
        for (int r = 0; r < n; r++) {
            labels[n - 1 - r] = rows.get(r);
        }
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setRange(-0.7, n - 0.3);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(segments, x, y, lines);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        for (Tick tick : ticks) {
            double row = n - 1 - rows.indexOf(tick.row());
            plot.addAnnotation(new XYLineAnnotation(tick.x(), row, tick.x(), row + 0.12, ChartStyle.line(1f), Color.BLACK));
            XYTextAnnotation text = new XYTextAnnotation(tick.label(), tick.x(), row + 0.16);
            text.setFont(ChartStyle.SMALL_FONT);
            text.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(text);
        }
        return ChartStyle.chart(title, plot, false, null);
    }

    static double niceStep(double range) {
        double raw = range / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * magnitude >= raw) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
