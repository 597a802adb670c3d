package io.radflow.charts;

import io.radflow.charts.data.CrossValidationCurve;
import io.radflow.charts.data.LassoPath;

import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two LASSO plots of R's {@code glmnet}: the coefficient path ({@code plot(fit, xvar = "lambda")}) and
 * the cross-validation curve ({@code plot(cv.glmnet(...))}); both over log(lambda) (natural log), with dashed
 * vertical lines at log(lambda.min) and log(lambda.1se) labelled {@value #LAMBDA_MIN} and
 * {@value #LAMBDA_1SE}.
 */
public final class LassoCharts {

    public static final String LAMBDA_MIN = "lambda.min";
    public static final String LAMBDA_1SE = "lambda.1se";
    private static final String LOG_LAMBDA = "log(lambda)";

    private LassoCharts() {
    }

    /** One line per coefficient over log(lambda); a legend when there are at most 12 predictors. */
    public static JFreeChart path(String title, LassoPath path) {
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
        return ChartStyle.chart(title, plot, path.coefficients().size() <= 12, null);
    }

    /** Mean CV error with +-1 standard error bars over log(lambda). */
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
            subtitle = String.format(Locale.ROOT, "Non-zero coefficients: %d at lambda.min, %d at lambda.1se",
                    nonZero[nearest(lambdas, cv.lambdaMin())], nonZero[nearest(lambdas, cv.lambda1se())]);
        }
        return ChartStyle.chart(title, plot, false, Double.isFinite(cv.lambdaMin()) ? subtitle : null);
    }

    private static void markers(XYPlot plot, double lambdaMin, double lambda1se) {
        if (lambdaMin > 0 && Double.isFinite(lambdaMin)) {
            ChartStyle.verticalMarker(plot, Math.log(lambdaMin), LAMBDA_MIN);
        }
        if (lambda1se > 0 && Double.isFinite(lambda1se)) {
            ChartStyle.verticalMarker(plot, Math.log(lambda1se), LAMBDA_1SE);
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
