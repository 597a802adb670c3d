package io.radflow.evaluation;

import static io.radflow.evaluation.TestSupport.close;
import static io.radflow.evaluation.TestSupport.map;
import static io.radflow.evaluation.TestSupport.number;
import static io.radflow.evaluation.TestSupport.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.Figure;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Survival-outcome modes of the time-dependent AUC (paired comparison, ROC(t)), calibration and decision-curve nodes
 * against {@code golden/eval/survival_eval.json} ({@code r/golden-survival-eval.R}: riskRegression::Score contrasts,
 * survfit per risk group, the survival decision-curve formula).
 */
class SurvivalOutcomeNodesTest {

    private static final Map<String, Object> GOLDEN = TestSupport.golden("eval/survival_eval.json");

    @AfterAll
    static void report() {
        TestSupport.CONFORMANCE.write();
    }

    private static Table table(Map<String, Object> c, String... scores) {
        Map<String, double[]> columns = TestSupport.columns();
        columns.put("time", numbers(c, "time"));
        columns.put("status", numbers(c, "status"));
        for (String s : scores) {
            columns.put(s, numbers(c, s));
        }
        return TestSupport.table(columns);
    }

    @Test
    void timeDependentAucComparesEveryPairAndDrawsRocCurves() throws Exception {
        Map<String, Object> c = map(map(GOLDEN, "paired"), "sim_m1_m2");
        double[] times = numbers(c, "times");
        Map<String, PortObject> out = TestSupport.run(new TimeDependentAucNode(), table(c, "m1", "m2"),
                Map.of("score", "m1,m2", "time", "time", "event", "status", "horizons", times[0] + "," + times[1]),
                "td-auc-paired");
        Table cmp = (Table) out.get(TimeDependentAucNode.OUT_COMPARISON);
        assertEquals(2, cmp.rowCount());
        boolean ok = true;
        for (int k = 0; k < times.length; k++) {
            String set = "sim m1 vs m2 t=" + times[k];
            assertEquals("m1", cmp.column("score1").text(k));
            assertEquals("m2", cmp.column("score2").text(k));
            // riskRegression's delta.AUC is AUC(m2) - AUC(m1); the node reports AUC(score1) - AUC(score2)
            ok &= close(set, "timeDependentAuc", "delta", -cmp.column("delta").number(k),
                    numbers(c, "score_delta")[k], 1e-9);
            ok &= close(set, "timeDependentAuc", "se(delta)", cmp.column("se").number(k), numbers(c, "score_se")[k], 1e-9);
            ok &= close(set, "timeDependentAuc", "p", cmp.column("p").number(k), numbers(c, "score_p")[k], 1e-9);
            assertTrue(cmp.column("lower").number(k) <= cmp.column("delta").number(k)
                    && cmp.column("delta").number(k) <= cmp.column("upper").number(k));
        }
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
        Table roc = (Table) out.get(TimeDependentAucNode.OUT_ROC);
        String previous = "";
        double fp = 1;
        double tp = 1;
        for (int i = 0; i < roc.rowCount(); i++) {
            String curve = roc.column("score").text(i) + "@" + roc.column("time").number(i);
            double f = roc.column("false_positive").number(i);
            double t = roc.column("true_positive").number(i);
            assertTrue(f >= 0 && f <= 1 && t >= 0 && t <= 1, "ROC point in [0, 1] at row " + i);
            if (curve.equals(previous)) {
                assertTrue(f <= fp && t <= tp, "ROC(t) points non-increasing with the threshold at row " + i);
            } else {
                assertEquals(1.0, f);
                assertEquals(1.0, t);
            }
            previous = curve;
            fp = f;
            tp = t;
        }
        assertInstanceOf(Figure.class, out.get(TimeDependentAucNode.OUT_ROC_FIGURE));
    }

    @Test
    void oneScoreHasNothingToCompare() throws Exception {
        Map<String, Object> c = map(map(GOLDEN, "paired"), "sim_m1_m2");
        Table cmp = (Table) TestSupport.run(new TimeDependentAucNode(), table(c, "m1"),
                Map.of("score", "m1", "time", "time", "event", "status", "horizons", "5"), "td-auc-single")
                .get(TimeDependentAucNode.OUT_COMPARISON);
        assertTrue(cmp.column("note").text(0).contains("no pair"), cmp.column("note").text(0));
    }

    @Test
    void survivalCalibrationMatchesSurvfitPerRiskGroup() throws Exception {
        Map<String, Object> c = map(map(GOLDEN, "calibration"), "lung_cox_365");
        Map<String, double[]> columns = TestSupport.columns();
        columns.put("time", numbers(c, "time"));
        columns.put("status", numbers(c, "status"));
        double[] risk = numbers(c, "risk");
        double[] surv = new double[risk.length];
        for (int i = 0; i < risk.length; i++) {
            surv[i] = 1 - risk[i];
        }
        columns.put("surv", surv);
        Map<String, String> parameters = new HashMap<>(Map.of("score", "surv", "scoreType", "survivalProbability",
                "outcomeType", "survival", "time", "time", "event", "status", "horizon", "365", "groups", "5"));
        Map<String, PortObject> out = TestSupport.run(new CalibrationNode(), TestSupport.table(columns), parameters,
                "calibration-survival");
        Table curve = (Table) out.get(CalibrationNode.OUT_CURVE);
        Table summary = (Table) out.get(EvaluationNode.OUT_TABLE);
        boolean ok = true;
        for (int k = 0; k < curve.rowCount(); k++) {
            String set = "lung cox t=365 group " + (k + 1);
            ok &= close(set, "calibration (survival)", "observed 1-KM", curve.column("observed").number(k),
                    numbers(c, "observed")[k], 1e-9);
            ok &= close(set, "calibration (survival)", "predicted", curve.column("predicted").number(k),
                    numbers(c, "predicted")[k], 1e-9);
            ok &= close(set, "calibration (survival)", "lower", curve.column("lower").number(k), numbers(c, "lower")[k],
                    1e-9);
            ok &= close(set, "calibration (survival)", "upper", curve.column("upper").number(k), numbers(c, "upper")[k],
                    1e-9);
        }
        ok &= close("lung cox t=365", "calibration (survival)", "D'Agostino-Nam chi2",
                summary.column("dagostino_nam_chi2").number(0), number(c.get("chi2")), 1e-9);
        ok &= close("lung cox t=365", "calibration (survival)", "IPCW Brier", summary.column("brier").number(0),
                number(c.get("brier")), 1e-9);
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
        assertInstanceOf(Figure.class, out.get(EvaluationNode.OUT_FIGURE));

        parameters.put("horizon", "5000");
        TestSupport.fails(new CalibrationNode(), TestSupport.table(columns), parameters, "Calibration:", "'surv'",
                "t = 5000", "beyond the last follow-up");
        parameters.put("horizon", "365");
        parameters.put("scoreType", "linearPredictor");
        IllegalArgumentException lp = assertThrows(IllegalArgumentException.class,
                () -> new CalibrationNode().validate(new io.radflow.core.node.Parameters("bad", parameters)));
        assertTrue(lp.getMessage().contains("survivalProbability"), lp.getMessage());
    }

    @Test
    void survivalDecisionCurveMatchesTheFormula() throws Exception {
        Map<String, Object> c = map(map(GOLDEN, "dca"), "lung_cox_365");
        Map<String, PortObject> out = TestSupport.run(new DecisionCurveNode(), table(c, "risk"),
                Map.of("score", "risk", "outcomeType", "survival", "time", "time", "event", "status", "horizon", "365",
                        "thresholdFrom", "0.01", "thresholdTo", "0.8", "thresholdStep", "0.01"),
                "dca-survival");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        double[] nb = numbers(c, "net_benefit");
        double[] all = numbers(c, "treat_all");
        assertEquals(nb.length, t.rowCount());
        boolean ok = true;
        for (int k = 0; k < nb.length; k++) {
            String set = "lung cox t=365 pt=" + t.column("threshold").number(k);
            ok &= close(set, "decisionCurve (survival)", "net benefit", t.column("net_benefit_risk").number(k), nb[k],
                    1e-9);
            ok &= close(set, "decisionCurve (survival)", "treat all", t.column("treat_all").number(k), all[k], 1e-9);
        }
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
        TestSupport.fails(new DecisionCurveNode(), table(c, "risk"), Map.of("score", "risk", "outcomeType", "survival",
                "time", "time", "event", "status", "horizon", "1"), "Decision curve:", "no event at or before horizon");
    }
}
