package io.radflow.charts;

import io.radflow.charts.data.RadScores;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Rad-score waterfall plot: one bar per patient, height {@code score - cutoff}, patients sorted by
 * score from highest to lowest (ties by patient id), coloured by outcome: row keys are the positive and
 * negative labels, each patient has a value in its own outcome's row only.
 */
public final class WaterfallChart {

    private WaterfallChart() {
    }

    public static JFreeChart create(String title, RadScores scores) {
        List<String> patients = scores.patients();
        double[] s = scores.scores();
        boolean[] outcome = scores.outcome();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparing(patients::get));
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int i : order) {
            String patient = patients.get(i);
            double bar = s[i] - scores.cutoff();
            dataset.addValue(outcome[i] ? (Number) bar : null, scores.positiveLabel(), patient);
            dataset.addValue(outcome[i] ? null : (Number) bar, scores.negativeLabel(), patient);
        }
        CategoryAxis x = new CategoryAxis("Patients (sorted by rad-score)");
        x.setTickLabelsVisible(patients.size() <= 40);
        x.setCategoryMargin(0.1);
        NumberAxis y = new NumberAxis(String.format(Locale.ROOT, "Rad-score - cutoff (%.3g)", scores.cutoff()));
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.colorOf(1));
        renderer.setSeriesPaint(1, ChartStyle.colorOf(0));
        CategoryPlot plot = new CategoryPlot(dataset, x, y, renderer);
        return ChartStyle.chart(title, plot, true, null);
    }
}
