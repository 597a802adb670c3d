package io.radflow.charts;

import io.radflow.charts.data.GroupedValues;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Box plots, one box per group, with the statistics of {@link BoxStatistics} (R's {@code boxplot}
 * convention, not JFreeChart's own quartiles): box from the lower to the upper hinge, line at the median,
 * whiskers to the most extreme non-outlying values, outliers as points, the mean as a dot.
 */
public final class BoxPlotChart {

    private BoxPlotChart() {
    }

    public static JFreeChart create(String title, GroupedValues values) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (GroupedValues.Group group : values.groups()) {
            BoxStatistics s = BoxStatistics.of(group.values());
            double minOutlier = s.outliers().stream().mapToDouble(Double::doubleValue).min().orElse(s.lowerWhisker());
            double maxOutlier = s.outliers().stream().mapToDouble(Double::doubleValue).max().orElse(s.upperWhisker());
            dataset.add(new BoxAndWhiskerItem(s.mean(), s.median(), s.lowerHinge(), s.upperHinge(), s.lowerWhisker(),
                    s.upperWhisker(), minOutlier, maxOutlier, List.copyOf(s.outliers())), values.valueLabel(),
                    group.name());
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setSeriesPaint(0, ChartStyle.colorOf(4));
        renderer.setMeanVisible(true);
        renderer.setMaximumBarWidth(0.15);
        renderer.setFillBox(true);
        NumberAxis y = new NumberAxis(values.valueLabel());
        y.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null), y, renderer);
        return ChartStyle.chart(title, plot, false, null);
    }
}
