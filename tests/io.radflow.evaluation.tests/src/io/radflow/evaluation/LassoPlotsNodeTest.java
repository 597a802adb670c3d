package io.radflow.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.Figure;
import io.radflow.charts.LassoCharts;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.penalized.CrossValidatedPath;
import io.radflow.stats.penalized.CvMeasure;
import io.radflow.stats.penalized.ElasticNetCrossValidation;
import io.radflow.stats.penalized.ElasticNetOptions;
import io.radflow.stats.penalized.ElasticNetPath;
import io.radflow.stats.penalized.FeatureMatrix;
import io.radflow.stats.penalized.Folds;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LASSO plots node on the tables of a real cross-validated binomial LASSO ({@code io.radflow.stats.penalized}, in
 * the format of {@code radflow.study.lasso}): the plotted points are the tables' rows, the lambda.min line stands at
 * the minimum of the plotted CV curve, lambda.1se within one SE of it, the top axis shows the non-zero counts.
 */
class LassoPlotsNodeTest {

    private static final List<String> NAMES = List.of("f1", "f2", "f3", "f4", "f5", "f6");
    private static final double EPS = 1e-12;

    static CrossValidatedPath direct;
    static Table cv;
    static Table path;

    @BeforeAll
    static void fit() {
        Random random = new Random(42);
        int n = 120;
        double[][] x = new double[n][NAMES.size()];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < NAMES.size(); j++) {
                x[i][j] = random.nextGaussian();
            }
            double eta = 1.2 * x[i][0] - 0.8 * x[i][1] + 0.3 * x[i][2];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        direct = ElasticNetCrossValidation.binomial(FeatureMatrix.of(x, NAMES), y, ElasticNetOptions.defaults(),
                Folds.random(n, 10, 1), CvMeasure.DEVIANCE);
        double[] lambda = direct.lambda();
        double[] nonzero = new double[lambda.length];
        double[] atMin = new double[lambda.length];
        double[] at1se = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            nonzero[i] = direct.nonzero()[i];
            atMin[i] = i == direct.indexMin() ? 1 : 0;
            at1se[i] = i == direct.index1se() ? 1 : 0;
        }
        cv = new Table(List.of(Column.numeric("lambda", lambda), Column.numeric("cvm", direct.cvm()),
                Column.numeric("cvsd", direct.cvsd()), Column.numeric("nonzero", nonzero),
                Column.numeric(LassoPlotsNode.AT_LAMBDA_MIN, atMin), Column.numeric(LassoPlotsNode.AT_LAMBDA_1SE, at1se),
                Column.numeric(LassoPlotsNode.CHOSEN, atMin)));
        ElasticNetPath fit = direct.fit();
        List<Column> columns = new ArrayList<>(List.of(Column.numeric("lambda", fit.lambda())));
        for (int j = 0; j < NAMES.size(); j++) {
            double[] b = new double[fit.size()];
            for (int l = 0; l < b.length; l++) {
                b[l] = fit.coefficients(l)[j];
            }
            columns.add(Column.numeric(NAMES.get(j), b));
        }
        path = new Table(columns);
    }

    private static Map<String, PortObject> run(Table cvTable, String name) throws Exception {
        Map<String, PortObject> out = new LassoPlotsNode().execute(new NodeInputs(name, Map.of(LassoPlotsNode.IN_CV,
                cvTable, LassoPlotsNode.IN_PATH, path)), new Parameters(name, Map.of("measure", "Binomial deviance")),
                new TestSupport.Context());
        for (Map.Entry<String, PortObject> e : out.entrySet()) {
            e.getValue().write(TestSupport.output(name), e.getKey());
        }
        return out;
    }

    private static Map<String, Double> markers(XYPlot plot) {
        Map<String, Double> out = new HashMap<>();
        for (Object m : plot.getDomainMarkers(Layer.FOREGROUND)) {
            ValueMarker marker = (ValueMarker) m;
            out.put(marker.getLabel(), marker.getValue());
        }
        return out;
    }

    /** The row of the CV table at x = log(lambda). */
    private static int rowAt(double logLambda) {
        for (int r = 0; r < cv.rowCount(); r++) {
            if (Math.abs(Math.log(cv.column("lambda").number(r)) - logLambda) < EPS) {
                return r;
            }
        }
        throw new AssertionError("no CV row at log(lambda) = " + logLambda);
    }

    @Test
    void cvCurveDrawsTheCvTableWithLambdaMinAtItsMinimum() throws Exception {
        Map<String, PortObject> out = run(cv, "lasso-plots");
        Figure figure = (Figure) out.get(LassoPlotsNode.OUT_CV_PLOT);
        XYPlot plot = figure.chart().getXYPlot();
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        assertEquals(cv.rowCount(), data.getItemCount(0));
        int lowest = 0;
        for (int i = 0; i < data.getItemCount(0); i++) {
            int r = rowAt(data.getXValue(0, i));
            double cvm = cv.column("cvm").number(r);
            double cvsd = cv.column("cvsd").number(r);
            assertEquals(cvm, data.getYValue(0, i), EPS);
            assertEquals(cvm - cvsd, data.getStartYValue(0, i), EPS);
            assertEquals(cvm + cvsd, data.getEndYValue(0, i), EPS);
            if (data.getYValue(0, i) < data.getYValue(0, lowest)) {
                lowest = i;
            }
        }
        Map<String, Double> markers = markers(plot);
        assertEquals(data.getXValue(0, lowest), markers.get(LassoCharts.LAMBDA_MIN), EPS,
                "the lambda.min line stands at the minimum of the plotted CV curve");
        double oneSe = markers.get(LassoCharts.LAMBDA_1SE);
        int r1se = rowAt(oneSe);
        assertTrue(oneSe >= markers.get(LassoCharts.LAMBDA_MIN), "lambda.1se >= lambda.min");
        assertTrue(cv.column("cvm").number(r1se) <= data.getYValue(0, lowest) + data.getEndYValue(0, lowest)
                - data.getYValue(0, lowest) + EPS, "lambda.1se within one SE of the minimum");

        LassoCharts.NonZeroAxis top = (LassoCharts.NonZeroAxis) plot.getDomainAxis(LassoCharts.NON_ZERO_AXIS);
        assertTrue(top.ticks().size() >= 5 && top.ticks().size() <= 15, top.ticks().size() + " count labels");
        for (double[] tick : top.ticks()) {
            assertEquals(cv.column("nonzero").number(rowAt(tick[0])), tick[1], "non-zero count at " + tick[0]);
        }
        checkFiles("lasso-plots", LassoPlotsNode.OUT_CV_PLOT);
        assertEquals(direct.lambdaMin(), Math.exp(markers.get(LassoCharts.LAMBDA_MIN)), 1e-12 * direct.lambdaMin());
    }

    @Test
    void pathDrawsOneLinePerFeatureOfThePathTable() throws Exception {
        Map<String, PortObject> out = run(cv, "lasso-plots-path");
        JFreeChart chart = ((Figure) out.get(LassoPlotsNode.OUT_PATH_PLOT)).chart();
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(NAMES.size(), data.getSeriesCount());
        double[] lambdas = path.column("lambda").numbers();
        for (int s = 0; s < NAMES.size(); s++) {
            assertEquals(NAMES.get(s), data.getSeriesKey(s));
            assertEquals(lambdas.length, data.getItemCount(s));
            for (int i = 0; i < data.getItemCount(s); i++) {
                int l = lambdas.length - 1 - i; // the path runs from the largest lambda, the series from the smallest x
                assertEquals(Math.log(lambdas[l]), data.getXValue(s, i), EPS);
                assertEquals(path.column(NAMES.get(s)).number(l), data.getYValue(s, i), EPS, NAMES.get(s) + " at " + l);
            }
        }
        Map<String, Double> markers = markers(chart.getXYPlot());
        assertEquals(Math.log(direct.lambdaMin()), markers.get(LassoCharts.LAMBDA_MIN), EPS);
        assertEquals(Math.log(direct.lambda1se()), markers.get(LassoCharts.LAMBDA_1SE), EPS);
        String subtitle = ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
        assertTrue(subtitle.startsWith("Chosen: lambda.min = ") && subtitle.endsWith(
                direct.nonzero()[direct.indexMin()] + " non-zero coefficients"), subtitle);
        checkFiles("lasso-plots-path", LassoPlotsNode.OUT_PATH_PLOT);
    }

    private static void checkFiles(String dir, String port) throws Exception {
        Path png = TestSupport.output(dir).resolve(port + ".png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(Files.readString(TestSupport.output(dir).resolve(port + ".svg")).contains("<svg"));
    }

    @Test
    void aCvTableWithoutTheLambdaMarksIsAClearError() {
        List<Column> columns = new ArrayList<>(cv.columns());
        columns.removeIf(c -> c.name().equals(LassoPlotsNode.AT_LAMBDA_1SE));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run(new Table(columns), "bad"));
        assertEquals("LASSO plots: input 'cv' has no numeric column 'at_lambda_1se' (connect the cv output of a "
                + "radflow.study.lasso node)", e.getMessage());
        double[] twice = cv.column(LassoPlotsNode.AT_LAMBDA_MIN).numbers();
        twice[0] = 1;
        columns.add(Column.numeric(LassoPlotsNode.AT_LAMBDA_1SE, twice));
        e = assertThrows(NodeExecutionException.class, () -> run(new Table(columns), "bad"));
        assertTrue(e.getMessage().contains("column 'at_lambda_1se' is 1 on rows 1 and"), e.getMessage());
    }
}
