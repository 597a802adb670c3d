package io.radflow.evaluation;

import static io.radflow.evaluation.TestSupport.cell;
import static io.radflow.evaluation.TestSupport.close;
import static io.radflow.evaluation.TestSupport.map;
import static io.radflow.evaluation.TestSupport.number;
import static io.radflow.evaluation.TestSupport.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.KaplanMeierChart;
import io.radflow.charts.Figure;
import io.radflow.core.data.Column;
import io.radflow.core.data.Csv;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.Concordance;
import io.radflow.stats.evaluation.ConcordanceResult;
import io.radflow.stats.evaluation.TimeDependentAuc;
import io.radflow.stats.survival.CoxFit;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.SurvivalData;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * C-index, time-dependent AUC, Kaplan-Meier and HR table nodes against R (survival's {@code concordance},
 * {@code survfit}, {@code survdiff}, {@code coxph}; the IPCW AUC formula of golden-eval.R) and against direct
 * calls of the statistics API.
 */
class SurvivalNodesTest {

    @AfterAll
    static void report() {
        TestSupport.CONFORMANCE.write();
    }

    /** lung (survival package) with event = status - 1, as the golden CSVs' R calls use status 2 = dead. */
    static Table lung() throws Exception {
        Table raw = Table.readCsv(TestSupport.goldenDir().resolve("lung.csv"));
        double[] status = raw.column("status").numbers();
        double[] event = new double[status.length];
        for (int i = 0; i < event.length; i++) {
            event[i] = status[i] - 1;
        }
        return raw.withColumns(List.of(Column.numeric("event", event)));
    }

    static Table caseTable(Map<String, Object> c, String marker) {
        Map<String, double[]> columns = TestSupport.columns();
        columns.put("time", numbers(c, "time"));
        columns.put("status", numbers(c, "status"));
        columns.put("score", numbers(c, marker));
        return TestSupport.table(columns);
    }

    @Test
    void concordanceMatchesSurvival() throws Exception {
        Map<String, Object> lp = map(TestSupport.golden("eval/concordance.json"), "lung_lp");
        Table data = caseTable(lp, "risk");
        Map<String, PortObject> out = TestSupport.run(new ConcordanceNode(), data, Map.of("score", "score", "time",
                "time", "event", "status", "uno", "true", "tau", Double.toString(number(lp.get("tau")))), "cindex-lung");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        boolean ok = close("lung lp", "concordance", "Harrell C", cell(t, "score", "score", "c_index"),
                number(map(lp, "harrell").get("c")), 1e-9);
        double se = cell(t, "score", "score", "se");
        ok &= close("lung lp", "concordance", "Harrell var", se * se, number(map(lp, "harrell").get("var")), 1e-9);
        ok &= close("lung lp", "concordance", "Uno C (tau 365)", cell(t, "score", "score", "uno_c_index"),
                number(map(lp, "uno").get("c")), 1e-9);
        double use = cell(t, "score", "score", "uno_se");
        ok &= close("lung lp", "concordance", "Uno var", use * use, number(map(lp, "uno").get("var")), 1e-9);
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
        ConcordanceResult direct = Concordance.harrell(SurvivalData.ofNumeric(numbers(lp, "time"),
                numbers(lp, "status"), null), numbers(lp, "risk"));
        assertEquals(direct.confidenceInterval(0.95).lower(), cell(t, "score", "score", "lower"), 1e-15);
    }

    @Test
    void concordanceWithoutEventsFails() {
        Map<String, double[]> columns = TestSupport.columns();
        columns.put("time", new double[] {1, 2, 3, 4});
        columns.put("event", new double[] {0, 0, 0, 0});
        columns.put("score", new double[] {1, 3, 2, 4});
        TestSupport.fails(new ConcordanceNode(), TestSupport.table(columns),
                Map.of("score", "score", "time", "time", "event", "event"), "no events", "'event'");
    }

    @Test
    void timeDependentAucMatchesTheIpcwFormula() throws Exception {
        Map<String, Object> c = map(TestSupport.golden("eval/td_auc.json"), "lung_lp");
        double[] times = numbers(c, "times");
        Map<String, PortObject> out = TestSupport.run(new TimeDependentAucNode(), caseTable(c, "marker"),
                Map.of("score", "score", "time", "time", "event", "status", "horizons",
                        times[0] + "," + times[1] + "," + times[2]), "td-auc-lung");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        double[] auc = numbers(c, "auc");
        double[] se = numbers(c, "se");
        boolean ok = true;
        for (int k = 0; k < times.length; k++) {
            ok &= close("lung lp t=" + times[k], "timeDependentAuc", "AUC(t)", t.column("auc").number(k), auc[k], 1e-9);
            ok &= close("lung lp t=" + times[k], "timeDependentAuc", "SE", t.column("se").number(k), se[k], 1e-6);
        }
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
        TimeDependentAuc.Result direct = TimeDependentAuc.at(SurvivalData.ofNumeric(numbers(c, "time"),
                numbers(c, "status"), null), numbers(c, "marker"), times[1])[0];
        assertEquals(direct.confidenceInterval(0.95).upper(), t.column("upper").number(1), 1e-15);
        assertEquals(direct.cases(), t.column("cases").number(1));
    }

    @Test
    void timeDependentAucNotesAHorizonWithoutCases() throws Exception {
        Map<String, Object> c = map(TestSupport.golden("eval/td_auc.json"), "lung_lp");
        TestSupport.Context context = new TestSupport.Context();
        Table t = (Table) TestSupport.run(new TimeDependentAucNode(), caseTable(c, "marker"),
                Map.of("score", "score", "time", "time", "event", "status", "horizons", "0.5,365"), context,
                "td-auc-early").get(EvaluationNode.OUT_TABLE);
        assertTrue(t.column("note").text(0).length() > 0, "the horizon before any event has a note");
        assertTrue(Double.isNaN(t.column("auc").number(0)));
        assertTrue(t.column("auc").number(1) > 0.5);
    }

    @Test
    void kaplanMeierMatchesSurvfitAndSurvdiff() throws Exception {
        Table lung = lung();
        Map<String, PortObject> out = TestSupport.run(new KaplanMeierNode(), lung, Map.of("time", "time", "event",
                "event", "group", "sex", "times", "0,200,400,600,800,1000"), "km-lung-sex");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        List<List<String>> logrank = Csv.read(TestSupport.goldenDir().resolve("logrank_lung_sex.csv"));
        List<List<String>> medians = Csv.read(TestSupport.goldenDir().resolve("km_lung_sex_median.csv"));
        boolean ok = true;
        for (int g = 1; g <= 2; g++) {
            List<String> row = logrank.get(g);
            String group = row.get(0);
            ok &= close("lung sex=" + group, "kaplanMeier", "observed", cell(t, "group", group, "observed"),
                    Double.parseDouble(row.get(2)), 1e-9);
            ok &= close("lung sex=" + group, "kaplanMeier", "expected", cell(t, "group", group, "expected"),
                    Double.parseDouble(row.get(3)), 1e-9);
            ok &= close("lung sex=" + group, "kaplanMeier", "log-rank chi2", cell(t, "group", group, "chi2"),
                    Double.parseDouble(row.get(4)), 1e-9);
            ok &= close("lung sex=" + group, "kaplanMeier", "log-rank p", cell(t, "group", group, "p"),
                    Double.parseDouble(row.get(6)), 1e-9);
            ok &= close("lung sex=" + group, "kaplanMeier", "median", cell(t, "group", group, "median"),
                    Double.parseDouble(medians.get(g).get(3)), 1e-12);
        }
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
        Table atRisk = (Table) out.get(KaplanMeierNode.OUT_AT_RISK);
        assertEquals(12, atRisk.rowCount());
        SurvivalData data = SurvivalData.ofNumeric(lung.column("time").numbers(), lung.column("event").numbers(),
                texts(lung.column("sex")));
        KaplanMeierCurve male = KaplanMeier.fitByGroup(data).get(0);
        List<KaplanMeierCurve.TimePoint> points = male.at(0, 200, 400, 600, 800, 1000);
        for (int k = 0; k < points.size(); k++) {
            assertEquals(points.get(k).nRisk(), atRisk.column("n_risk").number(k), "n at risk, sex 1, row " + k);
            assertEquals(points.get(k).survival(), atRisk.column("survival").number(k), 1e-15);
        }
        Figure figure = (Figure) out.get(EvaluationNode.OUT_FIGURE);
        assertTrue(KaplanMeierChart.riskTablePlot(figure.chart()).isPresent(), "risk table under the curves");
    }

    @Test
    void petoPetoMatchesSurvdiffRho1() throws Exception {
        Map<String, Object> r = map(map(TestSupport.golden("models/survdiff.json"), "tests"), "lung sex rho 1");
        Table t = (Table) TestSupport.run(new KaplanMeierNode(), lung(), Map.of("time", "time", "event", "event",
                "group", "sex", "test", "petoPeto"), "km-lung-peto").get(EvaluationNode.OUT_TABLE);
        boolean ok = close("lung sex", "kaplanMeier", "Peto-Peto chi2", cell(t, "group", "1", "chi2"),
                number(r.get("chisq")), 1e-9);
        ok &= close("lung sex", "kaplanMeier", "Peto-Peto p", cell(t, "group", "1", "p"), number(r.get("p")), 1e-9);
        ok &= close("lung sex", "kaplanMeier", "Peto-Peto observed 2", cell(t, "group", "2", "observed"),
                numbers(r, "observed")[1], 1e-9);
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
    }

    @Test
    void kaplanMeierWithoutEventsGivesANoteNotACrash() throws Exception {
        Map<String, double[]> columns = TestSupport.columns();
        columns.put("time", new double[] {1, 2, 3, 4, 5, 6});
        columns.put("event", new double[] {0, 0, 0, 0, 0, 0});
        columns.put("risk", new double[] {0, 1, 0, 1, 0, 1});
        TestSupport.Context context = new TestSupport.Context();
        Table t = (Table) TestSupport.run(new KaplanMeierNode(), TestSupport.table(columns),
                Map.of("time", "time", "event", "event", "group", "risk"), context, "km-no-events")
                .get(EvaluationNode.OUT_TABLE);
        assertEquals(2, t.rowCount());
        assertTrue(t.column("note").text(0).contains("no events"));
        assertTrue(context.log.stream().anyMatch(l -> l.contains("no events")));
    }

    @Test
    void hazardRatiosMatchCoxph() throws Exception {
        Table lung = lung();
        TestSupport.Context context = new TestSupport.Context();
        Map<String, PortObject> out = TestSupport.run(new RatioTableNode(), lung, Map.of("model", "cox",
                "variables", "age,sex,ph.ecog", "time", "time", "event", "event"), context, "hr-lung");
        Table t = (Table) out.get(EvaluationNode.OUT_TABLE);
        assertEquals(6, t.rowCount());
        assertEquals(1, t.column(EvaluationNode.EXCLUDED).number(0), "one patient without ph.ecog");
        assertTrue(context.log.stream().anyMatch(l -> l.contains("ph.ecog=1")), context.log.toString());
        List<List<String>> golden = Csv.read(TestSupport.goldenDir().resolve("cox_lung_efron_coef.csv"));
        boolean ok = true;
        for (int r = 1; r < golden.size(); r++) {
            List<String> g = golden.get(r);
            int row = 3 + r - 1;
            assertEquals(g.get(0), t.column("variable").text(row));
            assertEquals("multivariate", t.column("analysis").text(row));
            ok &= close("lung", "ratioTable", g.get(0) + " HR", t.column("hr").number(row), Double.parseDouble(g.get(5)),
                    1e-6);
            ok &= close("lung", "ratioTable", g.get(0) + " HR lower", t.column("lower").number(row),
                    Double.parseDouble(g.get(6)), 1e-6);
            ok &= close("lung", "ratioTable", g.get(0) + " HR upper", t.column("upper").number(row),
                    Double.parseDouble(g.get(7)), 1e-6);
            ok &= close("lung", "ratioTable", g.get(0) + " p", t.column("p").number(row), Double.parseDouble(g.get(4)),
                    1e-6);
        }
        assertTrue(ok, TestSupport.CONFORMANCE.failures().toString());
        // univariate rows: direct Cox fits on the same complete cases
        double[] ecog = lung.column("ph.ecog").numbers();
        int complete = 0;
        for (double v : ecog) {
            complete += Double.isNaN(v) ? 0 : 1;
        }
        double[] time = new double[complete];
        double[] event = new double[complete];
        double[][] age = new double[complete][1];
        for (int i = 0, k = 0; i < ecog.length; i++) {
            if (!Double.isNaN(ecog[i])) {
                time[k] = lung.column("time").number(i);
                event[k] = lung.column("event").number(i);
                age[k][0] = lung.column("age").number(i);
                k++;
            }
        }
        CoxFit direct = new CoxRegression(CoxRegression.Ties.EFRON).fit(SurvivalData.ofNumeric(time, event, null), age,
                List.of("age"));
        assertEquals(direct.table().get(0).hr(), t.column("hr").number(0), 1e-12);
        assertEquals(direct.table().get(0).p(), t.column("p").number(0), 1e-12);
    }

    static String[] texts(Column column) {
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.text(i);
        }
        return out;
    }
}
