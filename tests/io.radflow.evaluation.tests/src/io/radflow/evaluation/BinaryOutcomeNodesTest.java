package io.radflow.evaluation;

import static io.radflow.evaluation.TestSupport.cell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;
import io.radflow.stats.agreement.Correlation;
import io.radflow.stats.bootstrap.Bootstrap;
import io.radflow.stats.evaluation.Calibration;
import io.radflow.stats.evaluation.CalibrationCurve;
import io.radflow.stats.evaluation.Cutpoints;
import io.radflow.stats.evaluation.DecisionCurve;
import io.radflow.stats.evaluation.RocAnalysis;
import io.radflow.stats.regression.LogisticFit;
import io.radflow.stats.regression.LogisticRegression;
import io.radflow.stats.tables.ChiSquareTest;
import io.radflow.stats.tables.FisherExactTest;
import io.radflow.stats.tables.MannWhitney;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Calibration, decision-curve, Table 1, subgroup, rad-score and correlation nodes on pROC's aSAH data: every number
 * equals a direct call of the statistics API on the same rows.
 */
class BinaryOutcomeNodesTest {

    /** aSAH with the linear predictor and probability of glm(poor ~ s100b + ndka) and a text gender-like column. */
    static Table data() {
        Table asah = RocNodeTest.asah();
        double[] y = asah.column("poor").numbers();
        double[][] x = new double[y.length][2];
        for (int i = 0; i < y.length; i++) {
            x[i][0] = asah.column("s100b").number(i);
            x[i][1] = asah.column("ndka").number(i);
        }
        LogisticFit fit = new LogisticRegression().fit(y, x, List.of("s100b", "ndka"));
        double[] b = fit.coefficients();
        double[] lp = new double[y.length];
        double[] p = new double[y.length];
        String[] site = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            lp[i] = b[0] + b[1] * x[i][0] + b[2] * x[i][1];
            p[i] = 1 / (1 + Math.exp(-lp[i]));
            site[i] = i % 2 == 0 ? "A" : "B";
        }
        return asah.withColumns(List.of(Column.numeric("lp", lp), Column.numeric("p", p), Column.text("site", site)));
    }

    @Test
    void calibrationEqualsBrierHosmerLemeshowAndTheBootstrapCurve() throws Exception {
        Table data = data();
        double[] y = data.column("poor").numbers();
        double[] lp = data.column("lp").numbers();
        double[] p = data.column("p").numbers();
        Map<String, PortObject> out = TestSupport.run(new CalibrationNode(), data, Map.of("score", "lp", "outcome",
                "poor", "scoreType", "linearPredictor", "bootstrap", "40", "seed", "7"), "calibration-asah");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        Calibration.HosmerLemeshow hl = Calibration.hosmerLemeshow(p, y, 10);
        assertEquals(Calibration.brier(p, y), t.column("brier").number(0), 1e-12);
        assertEquals(hl.statistic(), t.column("hosmer_lemeshow_chi2").number(0), 1e-9);
        assertEquals(hl.p(), t.column("hosmer_lemeshow_p").number(0), 1e-9);
        CalibrationCurve.Result direct = CalibrationCurve.bootstrap(y, p, 10, rows -> {
            double[] yb = new double[rows.length];
            double[][] xb = new double[rows.length][1];
            for (int k = 0; k < rows.length; k++) {
                yb[k] = y[rows[k]];
                xb[k][0] = lp[rows[k]];
            }
            double[] beta = new LogisticRegression().fit(yb, xb, List.of("lp")).coefficients();
            return row -> 1 / (1 + Math.exp(-(beta[0] + beta[1] * lp[row])));
        }, Bootstrap.resamples(y.length, 40, 7));
        Table curve = (Table) out.get(CalibrationNode.OUT_CURVE);
        assertArrayEquals(direct.corrected(), curve.column("corrected").numbers(), 1e-12);
        assertArrayEquals(direct.apparent(), curve.column("apparent").numbers(), 1e-12);
        // a probability score: apparent curve of the Hosmer-Lemeshow groups, no correction
        Table groups = (Table) TestSupport.run(new CalibrationNode(), data, Map.of("score", "p", "outcome", "poor",
                "bootstrap", "40"), "calibration-probability").get(CalibrationNode.OUT_CURVE);
        assertEquals(hl.observed()[9] / hl.sizes()[9], groups.column("observed").number(9), 1e-15);
        TestSupport.fails(new CalibrationNode(), data, Map.of("score", "lp", "outcome", "poor"), "'lp'", "row 1", "probabilities", "linearPredictor");
    }

    @Test
    void decisionCurvesEqualNetBenefit() throws Exception {
        Table data = data();
        Map<String, PortObject> out = TestSupport.run(new DecisionCurveNode(), data, Map.of("score", "p", "outcome",
                "poor", "thresholdFrom", "0.05", "thresholdTo", "0.6", "thresholdStep", "0.05"), "dca-asah");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        double[] thresholds = t.column("threshold").numbers();
        assertEquals(12, thresholds.length);
        DecisionCurve.Result direct = DecisionCurve.netBenefit(data.column("p").numbers(),
                data.column("poor").numbers(), thresholds);
        assertArrayEquals(direct.model(), t.column("net_benefit_p").numbers(), 1e-15);
        assertArrayEquals(direct.treatAll(), t.column("treat_all").numbers(), 1e-15);
    }

    @Test
    void tableOneEqualsDescriptiveAndTests() throws Exception {
        Table base = data();
        double[] ndka = base.column("ndka").numbers();
        ndka[2] = Double.NaN;
        Table data = base.withColumns(List.of(Column.numeric("ndka", ndka)));
        Table t = (Table) TestSupport.run(new TableOneNode(), data, Map.of("group", "poor", "variables",
                "s100b,ndka,wfns,site", "categorical", "wfns"), "table-one-asah").get(EvaluationNode.OUT_TABLE);
        double[] y = data.column("poor").numbers();
        List<Double> good = new ArrayList<>();
        List<Double> poor = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(ndka[i])) {
                (y[i] == 0 ? good : poor).add(ndka[i]);
            }
        }
        double mw = MannWhitney.test(good.stream().mapToDouble(Double::doubleValue).toArray(),
                poor.stream().mapToDouble(Double::doubleValue).toArray()).p();
        assertEquals(mw, cell(t, "variable", "ndka", "p"), 1e-15);
        assertEquals("Mann-Whitney", t.column("test").text(t.findRow("variable", "ndka")));
        assertEquals(1, cell(t, "variable", "ndka", "missing"));
        double[][] wfns = new double[5][2];
        double[][] site = new double[2][2];
        for (int i = 0; i < y.length; i++) {
            wfns[(int) data.column("wfns").number(i) - 1][(int) y[i]]++;
            site[i % 2][(int) y[i]]++;
        }
        ChiSquareTest.Result chi = ChiSquareTest.test(wfns);
        assertEquals(chi.p(), cell(t, "variable", "wfns", "p"), 1e-15);
        assertTrue(t.column("note").text(t.findRow("variable", "wfns")).contains("expected"), "small expected counts");
        assertEquals(ChiSquareTest.test(site).p(), cell(t, "variable", "site", "p"), 1e-15);
        int first = t.findRow("variable", "site");
        assertEquals("A", t.column("level").text(first + 1));
        assertEquals("57 (50.4%)", t.column("overall").text(first + 1));
        // Fisher's test for a 2 x 2 table with a small expected count
        double[] rare = new double[y.length];
        rare[0] = 1;
        rare[1] = 1;
        Table small = (Table) TestSupport.run(new TableOneNode(), data.withColumns(List.of(Column.numeric("rare", rare))),
                Map.of("group", "poor", "variables", "rare", "categorical", "rare"), "table-one-fisher")
                .get(EvaluationNode.OUT_TABLE);
        double[][] counts = {{0, 0}, {0, 0}};
        for (int i = 0; i < y.length; i++) {
            counts[(int) rare[i]][(int) y[i]]++;
        }
        assertEquals(FisherExactTest.test(counts, 0.95).p(), cell(small, "variable", "rare", "p"), 1e-15);
        assertEquals("Fisher exact", small.column("test").text(small.findRow("variable", "rare")));
    }

    @Test
    void subgroupsEqualRocPerLevelAndNoteSmallLevels() throws Exception {
        Table data = data();
        TestSupport.Context context = new TestSupport.Context();
        Table t = (Table) TestSupport.run(new SubgroupNode(), data, Map.of("score", "s100b", "outcome", "poor",
                "subgroup", "wfns", "minPatients", "10"), context, "subgroup-asah").get(EvaluationNode.OUT_TABLE);
        assertEquals(RocAnalysis.of(data.column("s100b").numbers(), data.column("poor").numbers()).auc(),
                t.column("estimate").number(0), 1e-15);
        double[] x = data.column("s100b").numbers();
        double[] y = data.column("poor").numbers();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (data.column("wfns").number(i) == 1) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        RocAnalysis level1 = RocAnalysis.of(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals(level1.auc(), cell(t, "level", "1", "estimate"), 1e-15);
        assertEquals(level1.aucConfidenceInterval(0.95).lower(), cell(t, "level", "1", "lower"), 1e-15);
        int small = t.findRow("level", "3");
        assertTrue(t.column("note").text(small).contains("too few patients"), t.column("note").text(small));
        assertTrue(context.log.stream().anyMatch(l -> l.contains("wfns = 3")));
    }

    @Test
    void radScorePlotsAndCorrelationEqualDirectCalls() throws Exception {
        Table data = data();
        Map<String, PortObject> out = TestSupport.run(new RadScorePlotsNode(), data, Map.of("score", "lp", "outcome",
                "poor", "cutoffMethod", "youden"), "radscore-asah");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        double[] lp = data.column("lp").numbers();
        double[] y = data.column("poor").numbers();
        assertEquals(Cutpoints.youden(lp, y).threshold(), t.column("cutoff").number(0), 1e-15);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            (y[i] == 1 ? a : b).add(lp[i]);
        }
        assertEquals(MannWhitney.test(a.stream().mapToDouble(Double::doubleValue).toArray(),
                b.stream().mapToDouble(Double::doubleValue).toArray()).p(), t.column("p").number(0), 1e-15);
        assertTrue(out.containsKey(RadScorePlotsNode.OUT_WATERFALL) && out.containsKey(RadScorePlotsNode.OUT_BOXPLOT));

        Table c = (Table) TestSupport.run(new CorrelationHeatmapNode(), data, Map.of("columns", "s100b,ndka,wfns",
                "method", "spearman"), "correlation-asah").get(EvaluationNode.OUT_TABLE);
        assertEquals(3, c.rowCount());
        assertEquals(Correlation.spearman(data.column("s100b").numbers(), data.column("wfns").numbers()).estimate(),
                c.column("r").number(1), 1e-15);
        assertEquals(Correlation.spearman(data.column("s100b").numbers(), data.column("wfns").numbers()).p(),
                c.column("p").number(1), 1e-15);
        double[] constant = new double[y.length];
        Table withConstant = (Table) TestSupport.run(new CorrelationHeatmapNode(),
                data.withColumns(List.of(Column.numeric("flat", constant))), Map.of("columns", "s100b,flat"),
                "correlation-constant").get(EvaluationNode.OUT_TABLE);
        assertTrue(withConstant.column("note").text(0).length() > 0, "a constant column gives a note");
    }
}
