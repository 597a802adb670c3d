package io.radflow.charts;

import io.radflow.charts.data.CrossValidationCurve;
import io.radflow.charts.data.LassoPath;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two LASSO plots of R's {@code glmnet}: the coefficient path ({@code plot(fit, xvar = "lambda")}) and
 * the cross-validation curve ({@code plot(cv.glmnet(...))}); both over log(lambda) (natural log), with dashed
 * vertical lines at log(lambda.min) and log(lambda.1se) labelled {@value #LAMBDA_MIN} and
 * {@value #LAMBDA_1SE}. As in {@code plot.cv.glmnet}, the CV curve carries the number of non-zero coefficients
 * per lambda on a top axis ({@link #NON_ZERO_AXIS}, domain axis 1).
 */
public final class LassoCharts {

    public static final String LAMBDA_MIN = "lambda.min";
    public static final String LAMBDA_1SE = "lambda.1se";
    /** Index of the top domain axis of the CV curve that shows the number of non-zero coefficients. */
    public static final int NON_ZERO_AXIS = 1;
    private static final String LOG_LAMBDA = "log(lambda)";
    /** At most this many non-zero counts on the top axis (every k-th lambda, as plot.cv.glmnet thins them). */
    private static final int MAX_COUNT_LABELS = 15;

    private LassoCharts() {
    }

    /** One line per coefficient over log(lambda); a legend when there are at most 12 predictors. */
    public static JFreeChart path(String title, LassoPath path) {
        return path(title, path, null);
    }

    /** {@link #path(String, LassoPath)} with a subtitle (e.g. the chosen lambda), {@code null} for none. */
    public static JFreeChart path(String title, LassoPath path, String subtitle) {
        double[] lambdas = path.lambdas();
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (LassoPath.Coefficient c : path.coefficients()) {
            double[] values = c.values();
            XYSeries series = new XYSeries(c.name(), true, true);
            for (int i = 0; i < lambdas.length; i++) {
                series.add(Math.log(lambdas[i]), values[i]);
            }
            dataset.addSeries(series);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < path.coefficients().size(); i++) {
            lines.setSeriesPaint(i, ChartStyle.colorOf(i));
            lines.setSeriesStroke(i, ChartStyle.line(1.5f));
        }
        NumberAxis x = new NumberAxis(LOG_LAMBDA);
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, new NumberAxis("Coefficients"), lines);
        markers(plot, path.lambdaMin(), path.lambda1se());
        return ChartStyle.chart(title, plot, path.coefficients().size() <= 12, subtitle);
    }

    /**
     * Mean CV error with +-1 standard error bars over log(lambda); when the non-zero counts are known, a top axis
     * labels every k-th lambda with its number of non-zero coefficients (at most {@value #MAX_COUNT_LABELS}).
     */
    public static JFreeChart crossValidation(String title, CrossValidationCurve cv) {
        double[] lambdas = cv.lambdas();
        double[] mean = cv.meanError();
        double[] se = cv.standardError();
        XYIntervalSeries series = new XYIntervalSeries(cv.measure());
        for (int i = 0; i < lambdas.length; i++) {
            double x = Math.log(lambdas[i]);
            series.add(x, x, x, mean[i], mean[i] - se[i], mean[i] + se[i]);
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(series);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.colorOf(1));
        renderer.setErrorPaint(ChartStyle.REFERENCE);
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        NumberAxis x = new NumberAxis(LOG_LAMBDA);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(cv.measure());
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        markers(plot, cv.lambdaMin(), cv.lambda1se());
        String subtitle = null;
        int[] nonZero = cv.nonZero();
        if (nonZero.length > 0) {
            plot.setDomainAxis(NON_ZERO_AXIS, countAxis(lambdas, nonZero));
            plot.setDomainAxisLocation(NON_ZERO_AXIS, AxisLocation.TOP_OR_LEFT);
            plot.mapDatasetToDomainAxes(0, List.of(0, NON_ZERO_AXIS));
            subtitle = String.format(Locale.ROOT, "Non-zero coefficients: %d at lambda.min, %d at lambda.1se",
                    nonZero[nearest(lambdas, cv.lambdaMin())], nonZero[nearest(lambdas, cv.lambda1se())]);
        }
        return ChartStyle.chart(title, plot, false, Double.isFinite(cv.lambdaMin()) ? subtitle : null);
    }

    /** Both lines with their labels left of the line, the lambda.1se label one line lower (the lines may be close). */
    private static void markers(XYPlot plot, double lambdaMin, double lambda1se) {
        if (lambdaMin > 0 && Double.isFinite(lambdaMin)) {
            labelLeft(ChartStyle.verticalMarker(plot, Math.log(lambdaMin), LAMBDA_MIN), 3);
        }
        if (lambda1se > 0 && Double.isFinite(lambda1se)) {
            labelLeft(ChartStyle.verticalMarker(plot, Math.log(lambda1se), LAMBDA_1SE), 18);
        }
    }

    private static void labelLeft(ValueMarker marker, double top) {
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new RectangleInsets(top, 3, 3, 3));
    }

    private static NonZeroAxis countAxis(double[] lambdas, int[] nonZero) {
        int step = Math.max(1, (lambdas.length + MAX_COUNT_LABELS - 1) / MAX_COUNT_LABELS);
        List<double[]> ticks = new ArrayList<>();
        for (int i = 0; i < lambdas.length; i += step) {
            ticks.add(new double[] {Math.log(lambdas[i]), nonZero[i]});
        }
        NonZeroAxis axis = new NonZeroAxis(ticks);
        axis.setAutoRangeIncludesZero(false);
        axis.setTickLabelFont(ChartStyle.SMALL_FONT);
        return axis;
    }

    /**
     * A horizontal axis whose ticks are given positions (log(lambda)) labelled with integer counts; the range follows
     * the dataset like the main domain axis.
     */
    public static final class NonZeroAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        private final List<double[]> ticks;

        NonZeroAxis(List<double[]> ticks) {
            super("Non-zero coefficients");
            this.ticks = List.copyOf(ticks);
        }

        /** The tick positions (log(lambda)) and their counts, as {x, count} pairs. */
        public List<double[]> ticks() {
            return ticks.stream().map(double[]::clone).toList();
        }

        @Override
        public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> out = new ArrayList<>();
            for (double[] tick : ticks) {
                if (getRange().contains(tick[0])) {
                    TextAnchor anchor = edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER;
                    out.add(new NumberTick(TickType.MAJOR, tick[0], Integer.toString((int) tick[1]), anchor, anchor, 0));
                }
            }
            return out;
        }
    }

    private static int nearest(double[] values, double target) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - target) < Math.abs(values[best] - target)) {
                best = i;
            }
        }
        return best;
    }
}
