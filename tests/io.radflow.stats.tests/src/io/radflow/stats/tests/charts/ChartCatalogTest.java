package io.radflow.stats.tests.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.BoxPlotChart;
import io.radflow.charts.BoxStatistics;
import io.radflow.charts.CalibrationChart;
import io.radflow.charts.ChartExport;
import io.radflow.charts.ChartFormat;
import io.radflow.charts.CorrelationHeatmapChart;
import io.radflow.charts.DecisionCurveChart;
import io.radflow.charts.ForestPlotChart;
import io.radflow.charts.KaplanMeierChart;
import io.radflow.charts.LassoCharts;
import io.radflow.charts.NomogramChart;
import io.radflow.charts.RocChart;
import io.radflow.charts.WaterfallChart;
import io.radflow.charts.data.CalibrationCurve;
import io.radflow.charts.data.CorrelationMatrix;
import io.radflow.charts.data.CrossValidationCurve;
import io.radflow.charts.data.DecisionCurves;
import io.radflow.charts.data.ForestRow;
import io.radflow.charts.data.GroupedValues;
import io.radflow.charts.data.LassoPath;
import io.radflow.charts.data.Nomogram;
import io.radflow.charts.data.RadScores;
import io.radflow.charts.data.RiskTable;
import io.radflow.charts.data.RocCurve;
import io.radflow.charts.data.TimeRocCurve;
import io.radflow.stats.nodes.SurvivalCurves;
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.LogRankTest;
import io.radflow.stats.survival.SurvivalData;
import io.radflow.testsupport.TestOutput;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * The chart catalogue: each builder turns small hand-made data into the expected series, axes,
 * markers and annotations (asserted on JFreeChart's datasets, not on pixels), and every chart exports
 * to a decodable PNG, a parseable SVG and a one-page PDF whose text holds the chart title.
 */
class ChartCatalogTest {

    private static final double EPS = 1e-12;

    // ---------------------------------------------------------------- Kaplan-Meier risk table

    /** Group A: times 1, 2, 2+, 3, 5+; group B: 4, 6+, 8 ("+" censored). */
    static SurvivalCurves twoGroups() {
        double[] time = {1, 2, 2, 3, 5, 4, 6, 8};
        boolean[] event = {true, true, false, true, false, true, false, true};
        String[] group = {"A", "A", "A", "A", "A", "B", "B", "B"};
        SurvivalData data = SurvivalData.of(time, event, group);
        return new SurvivalCurves(KaplanMeier.fitByGroup(data), LogRankTest.of(data), "months");
    }

    @Test
    void riskTableCountsSubjectsStillObserved() {
        RiskTable table = KaplanMeierChart.riskTable(twoGroups(), new double[] {0, 2, 4, 6});
        assertEquals(List.of("A", "B"), table.groups());
        // by hand: A has 5 subjects, 4 with time >= 2, 1 with time >= 4 (the 5+), none >= 6;
        // B has 3 subjects, all >= 2 and >= 4, 2 with time >= 6.
        assertEquals(List.of(5, 4, 1, 0), row(table, 0));
        assertEquals(List.of(3, 3, 3, 2), row(table, 1));
    }

    @Test
    void kaplanMeierWithRiskTablePrintsTheNumbersUnderTheCurves() {
        JFreeChart chart = KaplanMeierChart.withRiskTable(twoGroups(), "KM", "Months", new double[] {0, 2, 4, 6});
        XYPlot survival = KaplanMeierChart.survivalPlot(chart);
        assertEquals(2, survival.getDataset().getSeriesCount(), "one step curve per group");
        XYPlot risk = KaplanMeierChart.riskTablePlot(chart).orElseThrow();
        assertEquals(survival.getDomainAxis(), risk.getDomainAxis(), "risk table shares the time axis");
        // first group in the top row (y = 1), second in the bottom row (y = 0)
        assertEquals("5", textAt(risk, 0, 1));
        assertEquals("4", textAt(risk, 2, 1));
        assertEquals("0", textAt(risk, 6, 1));
        assertEquals("2", textAt(risk, 6, 0));
        assertEquals(8, texts(risk).size());
        assertEquals("B", ((SymbolAxis) risk.getRangeAxis()).valueToString(0));
        // default times are round numbers up to the longest follow-up (8 months)
        assertArrayEquals(new double[] {0, 2, 4, 6, 8}, KaplanMeierChart.riskTable(twoGroups(), null).times());
    }

    @Test
    void niceTimesUseRoundSteps() {
        assertArrayEquals(new double[] {0, 10, 20, 30, 40, 50, 60}, RiskTable.niceTimes(60, 6));
        assertArrayEquals(new double[] {0, 20, 40, 60}, RiskTable.niceTimes(75, 4));
        assertArrayEquals(new double[] {0, 0.5, 1.0, 1.5}, RiskTable.niceTimes(1.7, 4));
    }

    // ---------------------------------------------------------------- ROC

    static RocCurve roc(String label, double auc, double lo, double hi) {
        return new RocCurve(label, new double[] {0, 0, 0.5, 1}, new double[] {0, 0.5, 1, 1}, auc, lo, hi);
    }

    @Test
    void rocChartHasOneSeriesPerCurveWithAucInTheLegendAndTheChanceDiagonal() {
        JFreeChart chart = RocChart.create("ROC", List.of(roc("Clinical", 0.75, 0.6, 0.9), roc("Radiomics", 0.8125,
                Double.NaN, Double.NaN)));
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(3, data.getSeriesCount());
        assertEquals("Clinical: AUC 0.750 (95% CI 0.600-0.900)", data.getSeriesKey(0));
        assertEquals("Radiomics: AUC 0.813", data.getSeriesKey(1));
        assertEquals(RocChart.CHANCE, data.getSeriesKey(2));
        assertEquals(0.5, data.getXValue(0, 2), EPS);
        assertEquals(1.0, data.getYValue(0, 2), EPS);
        assertEquals(List.of("Clinical: AUC 0.750 (95% CI 0.600-0.900)", "Radiomics: AUC 0.813"),
                legend(chart.getXYPlot().getLegendItems()), "chance line not in the legend");
        assertEquals(1.0, chart.getXYPlot().getDomainAxis().getUpperBound(), EPS);
        assertThrows(IllegalArgumentException.class, () -> roc("bad", 1.2, 0, 1));
    }

    @Test
    void timeDependentRocLabelsEachHorizon() {
        JFreeChart chart = RocChart.createTimeDependent("tdROC", "months",
                List.of(new TimeRocCurve(12, roc("Rad-score", 0.7, 0.6, 0.8)), new TimeRocCurve(36, roc("Rad-score", 0.65,
                        0.5, 0.8))));
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals("t = 12 months (Rad-score): AUC 0.700 (95% CI 0.600-0.800)", data.getSeriesKey(0));
        assertEquals("t = 36 months (Rad-score): AUC 0.650 (95% CI 0.500-0.800)", data.getSeriesKey(1));
    }

    // ---------------------------------------------------------------- calibration, decision curves

    @Test
    void calibrationShowsIdealApparentAndBiasCorrected() {
        CalibrationCurve curve = new CalibrationCurve(new double[] {0.1, 0.5, 0.9}, new double[] {0.12, 0.48, 0.85},
                new double[] {0.15, 0.47, 0.8}, 60, 200);
        JFreeChart chart = CalibrationChart.create("Calibration", curve);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(List.of(CalibrationChart.IDEAL, CalibrationChart.APPARENT, CalibrationChart.BIAS_CORRECTED),
                keys(data));
        assertEquals(0.8, data.getYValue(2, 2), EPS);
        assertEquals(1.0, data.getYValue(0, 1), EPS, "ideal line ends at (1, 1)");
        assertTrue(subtitles(chart).contains("n = 60, B = 200 bootstrap repetitions"));
        JFreeChart apparentOnly = CalibrationChart.create("c", new CalibrationCurve(new double[] {0.2},
                new double[] {0.3}, new double[0], 10, 0));
        assertEquals(2, apparentOnly.getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void calibrationAtHorizonDrawsGroupsWithTheirIntervals() {
        JFreeChart chart = CalibrationChart.createAtHorizon("Calibration at 12", "12", new double[] {0.1, 0.4},
                new double[] {0.15, 0.5}, new double[] {0.05, Double.NaN}, new double[] {0.3, 0.7}, 80);
        XYPlot plot = chart.getXYPlot();
        assertEquals(List.of(CalibrationChart.IDEAL, CalibrationChart.OBSERVED), keys(plot.getDataset(0)));
        org.jfree.data.xy.IntervalXYDataset bars = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset(1);
        assertEquals(0.05, bars.getStartYValue(0, 0), EPS);
        assertEquals(0.3, bars.getEndYValue(0, 0), EPS);
        assertEquals(0.5, bars.getStartYValue(0, 1), EPS, "a NaN limit is drawn at the point");
        assertEquals("Predicted risk at t = 12", plot.getDomainAxis().getLabel());
        assertTrue(subtitles(chart).contains("n = 80, 2 risk groups"));
        assertThrows(IllegalArgumentException.class, () -> CalibrationChart.createAtHorizon("c", "1", new double[] {0.1},
                new double[0], new double[0], new double[0], 1));
    }

    @Test
    void decisionCurvesAddTreatAllAndTreatNone() {
        DecisionCurves curves = new DecisionCurves(new double[] {0.0, 0.2, 0.5},
                List.of(new DecisionCurves.Model("Model", new double[] {0.3, 0.16, 0.05})), 0.3);
        JFreeChart chart = DecisionCurveChart.create("DCA", curves);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(List.of("Model", DecisionCurveChart.TREAT_ALL, DecisionCurveChart.TREAT_NONE), keys(data));
        // treat all: prevalence - (1 - prevalence) pt / (1 - pt): 0.3; 0.3 - 0.7 * 0.25 = 0.125; 0.3 - 0.7 = -0.4
        assertEquals(0.3, data.getYValue(1, 0), EPS);
        assertEquals(0.125, data.getYValue(1, 1), EPS);
        assertEquals(-0.4, data.getYValue(1, 2), EPS);
        assertEquals(0.0, data.getYValue(2, 1), EPS);
        assertEquals(0.16, data.getYValue(0, 1), EPS);
        assertThrows(IllegalArgumentException.class, () -> new DecisionCurves(new double[] {0.1},
                List.of(new DecisionCurves.Model("m", new double[] {0.1, 0.2})), 0.3));
    }

    // ---------------------------------------------------------------- nomogram

    /** age: beta 0.05 on [40, 80] (effect range 2); size: beta 0.2 on [0, 20] (4); intercept -5. */
    static Nomogram nomogram() {
        return new Nomogram(List.of(new Nomogram.Predictor("Age", 0.05, 40, 80, new double[] {40, 60, 80}),
                new Nomogram.Predictor("Size", 0.2, 0, 20, new double[] {0, 10, 20})), -5, Nomogram.Link.LOGISTIC, 0,
                "Risk", new double[] {0.1, 0.5, 0.9});
    }

    @Test
    void nomogramScalesPointsAndMapsTotalPointsToRisk() {
        Nomogram n = nomogram();
        // by hand: E = 4; age 60 -> 100 (3 - 2) / 4 = 25; size 10 -> 100 (2 - 0) / 4 = 50; max total 50 + 100
        assertEquals(25, n.points(0, 60), EPS);
        assertEquals(50, n.points(1, 10), EPS);
        assertEquals(150, n.maxTotalPoints(), EPS);
        // lp0 = -5 + 2 + 0 = -3; lp(T) = -3 + T / 25; risk 0.5 at lp 0 -> T = 75
        assertEquals(-2, n.linearPredictor(25), EPS);
        assertEquals(75, n.totalPointsForRisk(0.5), 1e-9);
        assertEquals(1 / (1 + Math.exp(3)), n.risk(0), EPS);
        JFreeChart chart = NomogramChart.create("Nomogram", n);
        XYPlot plot = chart.getXYPlot();
        assertEquals(List.of("Points", "Age", "Size", "Total points", "Risk"), keys(plot.getDataset()));
        SymbolAxis rows = (SymbolAxis) plot.getRangeAxis();
        assertEquals("Points", rows.valueToString(4), "Points on top");
        // tick texts sit at their x positions: Age 60 at 25 points, Risk 0.5 at 100 * 75 / 150 = 50
        assertEquals(25, textX(plot, "60", 3), 1e-9);
        assertEquals(50, textX(plot, "0.5", 0), 1e-9);
        // risk 0.9 needs lp ln 9 = 2.197 -> T = 129.9, inside the 150-point scale; 0.1 -> T = 20.1
        assertEquals(100 * (Math.log(9) + 3) * 25 / 150, textX(plot, "0.9", 0), 1e-9);
    }

    @Test
    void coxNomogramUsesTheBaselineSurvival() {
        Nomogram cox = new Nomogram(List.of(new Nomogram.Predictor("Score", 1.0, 0, 2, new double[] {0, 1, 2})), 0,
                Nomogram.Link.COX, 0.8, "3-year risk", new double[] {0.3});
        // risk(T) = 1 - 0.8^exp(lp), lp = T / 50; T = 50 -> 1 - 0.8^e
        assertEquals(1 - Math.pow(0.8, Math.E), cox.risk(50), EPS);
        assertEquals(50 * Math.log(Math.log(0.7) / Math.log(0.8)), cox.totalPointsForRisk(0.3), 1e-9);
    }

    // ---------------------------------------------------------------- forest plot, LASSO

    @Test
    void forestPlotUsesALogAxisWithAReferenceLineAtOne() {
        JFreeChart chart = ForestPlotChart.create("Forest", "HR", List.of(new ForestRow("Age", 1.5, 1.1, 2.1, 0.01),
                new ForestRow("Size", 0.8, 0.5, 1.3, 0.4)));
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis);
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        int age = data.getYValue(0, 0) == 1.0 ? 0 : 1; // first row on top (y = 1); the series sorts by x
        assertEquals(1.0, data.getYValue(0, age), EPS);
        assertEquals(1.5, data.getXValue(0, age), EPS);
        assertEquals(1.1, data.getStartXValue(0, age), EPS);
        assertEquals(2.1, data.getEndXValue(0, age), EPS);
        assertEquals(0.0, data.getYValue(0, 1 - age), EPS);
        assertEquals(0.8, data.getXValue(0, 1 - age), EPS);
        assertEquals("Age  HR 1.50 (1.10-2.10)", ((SymbolAxis) plot.getRangeAxis()).valueToString(1));
        assertEquals(List.of(1.0), markerValues(plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)));
        assertThrows(IllegalArgumentException.class, () -> new ForestRow("x", 3, 1, 2, 0.1));
    }

    @Test
    void lassoPathAndCrossValidationMarkLambdaMinAndOneSe() {
        double[] lambdas = {1.0, 0.5, 0.25, 0.125};
        LassoPath path = new LassoPath(lambdas, List.of(new LassoPath.Coefficient("a", new double[] {0, 0.1, 0.3, 0.4}),
                new LassoPath.Coefficient("b", new double[] {0, 0, -0.1, -0.2})), 0.25, 0.5);
        XYPlot plot = LassoCharts.path("Path", path).getXYPlot();
        assertEquals(List.of("a", "b"), keys(plot.getDataset()));
        assertEquals(Math.log(0.125), plot.getDataset().getXValue(0, 0), EPS, "x is log(lambda), sorted");
        assertEquals(0.4, plot.getDataset().getYValue(0, 0), EPS);
        Collection<?> markers = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertEquals(List.of(Math.log(0.25), Math.log(0.5)), markerValues(markers));
        assertEquals(List.of(LassoCharts.LAMBDA_MIN, LassoCharts.LAMBDA_1SE), markerLabels(markers));

        CrossValidationCurve cv = new CrossValidationCurve("Binomial deviance", lambdas, new double[] {1.3, 1.1, 1.0, 1.05},
                new double[] {0.1, 0.08, 0.07, 0.09}, new int[] {0, 1, 2, 2}, 0.25, 0.5);
        JFreeChart cvChart = LassoCharts.crossValidation("CV", cv);
        IntervalXYDataset data = (IntervalXYDataset) cvChart.getXYPlot().getDataset();
        // items sorted by log(lambda): lambda 0.25 is the second
        assertEquals(Math.log(0.25), data.getXValue(0, 1), EPS);
        assertEquals(1.0, data.getYValue(0, 1), EPS);
        assertEquals(0.93, data.getStartYValue(0, 1), EPS);
        assertEquals(1.07, data.getEndYValue(0, 1), EPS);
        assertEquals(2, cvChart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        assertTrue(subtitles(cvChart).contains("Non-zero coefficients: 2 at lambda.min, 1 at lambda.1se"));
    }

    // ---------------------------------------------------------------- heat map, waterfall, box plots

    @Test
    void heatmapColoursEachCellByItsCorrelation() {
        CorrelationMatrix m = new CorrelationMatrix(List.of("x", "y", "z"),
                new double[][] {{1, -0.5, 0}, {-0.5, 1, 0.25}, {0, 0.25, 1}});
        JFreeChart chart = CorrelationHeatmapChart.create("Correlation", m);
        XYPlot plot = chart.getXYPlot();
        XYZDataset data = (XYZDataset) plot.getDataset();
        assertEquals(9, data.getItemCount(0));
        // cell (row x, column y): item 1 at x = 1, y = 2 (first row on top)
        assertEquals(1, data.getXValue(0, 1), EPS);
        assertEquals(2, data.getYValue(0, 1), EPS);
        assertEquals(-0.5, data.getZValue(0, 1), EPS);
        XYBlockRenderer renderer = (XYBlockRenderer) plot.getRenderer();
        assertEquals(new Color(255, 255, 255), renderer.getPaintScale().getPaint(0));
        assertEquals(new Color(33, 102, 172), renderer.getPaintScale().getPaint(-1));
        // halfway to red (178, 24, 43): 255 + (178 - 255) / 2 = 216.5 -> 217, 139.5 -> 140, 149
        assertEquals(new Color(217, 140, 149), renderer.getPaintScale().getPaint(0.5));
        assertEquals("-0.50", textAtExact(plot, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new CorrelationMatrix(List.of("a"), new double[][] {{1.5}}));
    }

    @Test
    void waterfallSortsPatientsByScoreAndSplitsByOutcome() {
        RadScores scores = new RadScores(List.of("P1", "P2", "P3", "P4"), new double[] {0.2, 1.5, -0.7, 0.9},
                new boolean[] {false, true, false, true}, 0.5, "Event", "No event");
        CategoryPlot plot = WaterfallChart.create("Waterfall", scores).getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        assertEquals(List.of("P2", "P4", "P1", "P3"), data.getColumnKeys());
        assertEquals(List.of("Event", "No event"), data.getRowKeys());
        assertEquals(1.0, data.getValue("Event", "P2").doubleValue(), EPS);
        assertEquals(null, data.getValue("No event", "P2"));
        assertEquals(-1.2, data.getValue("No event", "P3").doubleValue(), EPS);
    }

    @Test
    void boxStatisticsFollowRBoxplotStats() {
        // R 4.2.2: boxplot.stats(c(1:9, 30)) -> stats 1 3 5.5 8 9, out 30
        BoxStatistics a = BoxStatistics.of(new double[] {30, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals(List.of(1.0, 3.0, 5.5, 8.0, 9.0), List.of(a.lowerWhisker(), a.lowerHinge(), a.median(),
                a.upperHinge(), a.upperWhisker()));
        assertEquals(List.of(30.0), a.outliers());
        assertEquals(7.5, a.mean(), EPS);
        // R 4.2.2: boxplot.stats(c(-8, 2, 4, 4, 5, 7, 9, 11)) -> stats 2 3 4.5 8 11, out -8
        BoxStatistics b = BoxStatistics.of(new double[] {-8, 2, 4, 4, 5, 7, 9, 11});
        assertEquals(List.of(2.0, 3.0, 4.5, 8.0, 11.0), List.of(b.lowerWhisker(), b.lowerHinge(), b.median(),
                b.upperHinge(), b.upperWhisker()));
        assertEquals(List.of(-8.0), b.outliers());
        // R 4.2.2: fivenum(c(2, 4, 4, 5, 7, 9, 11)) -> 2 4 5 8 11 (odd n)
        BoxStatistics c = BoxStatistics.of(new double[] {2, 4, 4, 5, 7, 9, 11});
        assertEquals(List.of(4.0, 5.0, 8.0), List.of(c.lowerHinge(), c.median(), c.upperHinge()));

        JFreeChart chart = BoxPlotChart.create("Boxes", new GroupedValues("Rad-score", List.of(
                new GroupedValues.Group("No event", new double[] {30, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
                new GroupedValues.Group("Event", new double[] {-8, 2, 4, 4, 5, 7, 9, 11}))));
        BoxAndWhiskerCategoryDataset data = (BoxAndWhiskerCategoryDataset) chart.getCategoryPlot().getDataset();
        assertEquals(List.of("No event", "Event"), data.getColumnKeys());
        assertEquals(5.5, data.getMedianValue(0, 0).doubleValue(), EPS);
        assertEquals(9.0, data.getMaxRegularValue(0, 0).doubleValue(), EPS);
        assertEquals(3.0, data.getQ1Value(0, 1).doubleValue(), EPS);
        assertEquals(List.of(-8.0), data.getOutliers(0, 1));
    }

    // ---------------------------------------------------------------- export

    static Stream<Object[]> allCharts() {
        return Stream.of(
                new Object[] {"km-risk", KaplanMeierChart.withRiskTable(twoGroups(), "Kaplan-Meier", "Months", null)},
                new Object[] {"roc", RocChart.create("ROC curves", List.of(roc("Model", 0.8, 0.7, 0.9)))},
                new Object[] {"td-roc", RocChart.createTimeDependent("Time-dependent ROC", "months",
                        List.of(new TimeRocCurve(12, roc("Model", 0.7, 0.6, 0.8))))},
                new Object[] {"calibration", CalibrationChart.create("Calibration", new CalibrationCurve(
                        new double[] {0.1, 0.5, 0.9}, new double[] {0.1, 0.5, 0.8}, new double[0], 50, 0))},
                new Object[] {"calibration-horizon", CalibrationChart.createAtHorizon("Calibration at t = 12", "12",
                        new double[] {0.1, 0.5}, new double[] {0.2, 0.4}, new double[] {0.1, 0.2}, new double[] {0.3, 0.6},
                        40)},
                new Object[] {"dca", DecisionCurveChart.create("Decision curves", new DecisionCurves(new double[] {0.1, 0.2},
                        List.of(new DecisionCurves.Model("m", new double[] {0.2, 0.1})), 0.3))},
                new Object[] {"nomogram", NomogramChart.create("Nomogram", nomogram())},
                new Object[] {"forest", ForestPlotChart.create("Forest plot", "OR",
                        List.of(new ForestRow("Age", 1.5, 1.1, 2.1, 0.01)))},
                new Object[] {"lasso-path", LassoCharts.path("LASSO path", new LassoPath(new double[] {1, 0.1},
                        List.of(new LassoPath.Coefficient("a", new double[] {0, 1})), 0.1, 1))},
                new Object[] {"lasso-cv", LassoCharts.crossValidation("LASSO CV", new CrossValidationCurve("Deviance",
                        new double[] {1, 0.1}, new double[] {2, 1}, new double[] {0.1, 0.1}, null, 0.1, 1))},
                new Object[] {"heatmap", CorrelationHeatmapChart.create("Correlation heat map", new CorrelationMatrix(
                        List.of("a", "b"), new double[][] {{1, 0.3}, {0.3, 1}}))},
                new Object[] {"waterfall", WaterfallChart.create("Waterfall", new RadScores(List.of("P1", "P2"),
                        new double[] {1, -1}, new boolean[] {true, false}, 0, "Event", "No event"))},
                new Object[] {"box", BoxPlotChart.create("Box plots", new GroupedValues("v",
                        List.of(new GroupedValues.Group("g", new double[] {1, 2, 3}))))});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCharts")
    void everyChartExportsToPngSvgAndPdf(String name, JFreeChart chart) throws Exception {
        Path dir = TestOutput.folder("chart-catalog");
        String title = chart.getTitle().getText();

        Path png = ChartExport.write(chart, 640, 480, dir.resolve(name + ".png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());

        Path svg = ChartExport.write(chart, 640, 480, dir.resolve(name + ".svg"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getLocalName());
        assertTrue(document.getDocumentElement().getTextContent().contains(title), "SVG text holds the title");

        byte[] pdf = ChartExport.toBytes(chart, 640, 480, ChartFormat.PDF);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        Files.write(dir.resolve(name + ".pdf"), pdf);
        PdfReader reader = new PdfReader(new ByteArrayInputStream(pdf));
        try {
            assertEquals(1, reader.getNumberOfPages());
            assertEquals(640, reader.getPageSize(1).getWidth(), 1e-3);
            assertEquals(480, reader.getPageSize(1).getHeight(), 1e-3);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(text.replace("\n", " ").contains(title), "PDF text holds the title: " + text);
        } finally {
            reader.close();
        }
    }

    @Test
    void exportRejectsAnUnknownExtension() {
        JFreeChart chart = RocChart.create("r", List.of(roc("m", 0.5, 0.4, 0.6)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartExport.write(chart, 10, 10, Path.of("chart.jpg")));
        assertTrue(e.getMessage().contains("chart.jpg"));
        assertFalse(Files.exists(Path.of("chart.jpg")));
    }

    // ---------------------------------------------------------------- helpers

    private static List<Integer> row(RiskTable table, int group) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < table.times().length; k++) {
            out.add(table.atRisk(group, k));
        }
        return out;
    }

    private static List<XYTextAnnotation> texts(XYPlot plot) {
        List<XYTextAnnotation> out = new ArrayList<>();
        for (XYAnnotation a : plot.getAnnotations()) {
            if (a instanceof XYTextAnnotation t) {
                out.add(t);
            }
        }
        return out;
    }

    private static String textAt(XYPlot plot, double x, double y) {
        return texts(plot).stream().filter(t -> Math.abs(t.getX() - x) < 1e-9 && Math.abs(t.getY() - y) < 1e-9)
                .map(XYTextAnnotation::getText).findFirst().orElseThrow(() -> new AssertionError("no text at " + x + ", " + y));
    }

    private static String textAtExact(XYPlot plot, double x, double y) {
        return textAt(plot, x, y);
    }

    /** x of the text {@code label} in row {@code rowY} (tick texts sit a little above their row). */
    private static double textX(XYPlot plot, String label, double rowY) {
        return texts(plot).stream().filter(t -> t.getText().equals(label) && Math.abs(t.getY() - rowY) < 0.5)
                .mapToDouble(XYTextAnnotation::getX).findFirst()
                .orElseThrow(() -> new AssertionError("no tick '" + label + "' in row " + rowY));
    }

    private static List<Object> keys(XYDataset data) {
        List<Object> out = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            out.add(data.getSeriesKey(s));
        }
        return out;
    }

    private static List<String> legend(LegendItemCollection items) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            out.add(item.getLabel());
        }
        return out;
    }

    private static List<Double> markerValues(Collection<?> markers) {
        return markers.stream().map(m -> ((ValueMarker) m).getValue()).toList();
    }

    private static List<String> markerLabels(Collection<?> markers) {
        return markers.stream().map(m -> ((Marker) m).getLabel()).toList();
    }

    private static List<String> subtitles(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-12, Arrays.toString(actual));
    }

}
