package io.radflow.evaluation;

import static io.radflow.evaluation.TestSupport.cell;
import static io.radflow.evaluation.TestSupport.close;
import static io.radflow.evaluation.TestSupport.map;
import static io.radflow.evaluation.TestSupport.number;
import static io.radflow.evaluation.TestSupport.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.Figure;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.RocAnalysis;
import io.radflow.stats.evaluation.RocComparison;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** ROC node against pROC (golden/eval/roc_asah.json) and against direct calls of {@link RocAnalysis}. */
class RocNodeTest {

    static final Map<String, Object> GOLDEN = TestSupport.golden("eval/roc_asah.json");

    static Table asah() {
        Map<String, Object> data = map(GOLDEN, "data");
        Map<String, double[]> columns = TestSupport.columns();
        for (String name : List.of("poor", "s100b", "ndka", "wfns")) {
            columns.put(name, numbers(data, name));
        }
        return TestSupport.table(columns);
    }

    @AfterAll
    static void report() {
        TestSupport.CONFORMANCE.write();
    }

    @Test
    void aucDeLongAndYoudenMatchPRoc() throws Exception {
        Map<String, PortObject> out = TestSupport.run(new RocNode(), asah(),
                Map.of("score", "s100b, ndka, wfns", "outcome", "poor"), "roc-asah");
        Table table = (Table) out.get(EvaluationNode.OUT_TABLE);
        boolean all = true;
        for (String score : List.of("s100b", "ndka", "wfns")) {
            Map<String, Object> r = map(map(GOLDEN, "roc"), score);
            all &= close("aSAH " + score, "roc", "auc", cell(table, "score", score, "auc"), number(r.get("auc")), 1e-9);
            double se = cell(table, "score", score, "se");
            all &= close("aSAH " + score, "roc", "DeLong var", se * se, number(r.get("var")), 1e-9);
            all &= close("aSAH " + score, "roc", "CI lower", cell(table, "score", score, "lower"),
                    number(r.get("lower")), 1e-9);
            all &= close("aSAH " + score, "roc", "CI upper", cell(table, "score", score, "upper"),
                    number(r.get("upper")), 1e-9);
            all &= close("aSAH " + score, "roc", "Youden threshold", cell(table, "score", score, "youden_threshold"),
                    number(r.get("youden_threshold")), 1e-9);
            all &= close("aSAH " + score, "roc", "Youden sensitivity", cell(table, "score", score, "sensitivity"),
                    number(r.get("youden_sensitivity")), 1e-9);
            all &= close("aSAH " + score, "roc", "Youden specificity", cell(table, "score", score, "specificity"),
                    number(r.get("youden_specificity")), 1e-9);
        }
        Table pairs = (Table) out.get(RocNode.OUT_COMPARISONS);
        assertEquals(3, pairs.rowCount());
        Map<String, Object> test = map(GOLDEN, "test");
        all &= close("aSAH s100b vs ndka", "roc", "DeLong z", pairs.column("z").number(0), number(test.get("z")), 1e-9);
        all &= close("aSAH s100b vs ndka", "roc", "DeLong p", pairs.column("p").number(0), number(test.get("p")), 1e-9);
        all &= close("aSAH s100b vs ndka", "roc", "difference lower", pairs.column("lower").number(0),
                number(test.get("lower")), 1e-9);
        all &= close("aSAH s100b vs ndka", "roc", "difference upper", pairs.column("upper").number(0),
                number(test.get("upper")), 1e-9);
        assertTrue(all, "ROC node differs from pROC: " + TestSupport.CONFORMANCE.failures());
        Figure figure = (Figure) out.get(EvaluationNode.OUT_FIGURE);
        assertEquals(3 + 1, figure.chart().getXYPlot().getDataset().getSeriesCount(), "three curves and the chance line");
    }

    @Test
    void missingValuesAreDroppedCountedAndLogged() throws Exception {
        Table full = asah();
        double[] s100b = full.column("s100b").numbers();
        s100b[0] = Double.NaN;
        s100b[5] = Double.NaN;
        Table data = full.withColumns(List.of(Column.numeric("s100b", s100b)));
        TestSupport.Context context = new TestSupport.Context();
        Map<String, PortObject> out = TestSupport.run(new RocNode(), data,
                Map.of("score", "s100b,ndka", "outcome", "poor"), context, "roc-missing");
        Table table = (Table) out.get(EvaluationNode.OUT_TABLE);
        assertEquals(2, cell(table, "score", "ndka", EvaluationNode.EXCLUDED));
        assertEquals(111, cell(table, "score", "ndka", "n"));
        assertTrue(context.log.stream().anyMatch(l -> l.contains("2 of 113 rows dropped") && l.contains("s100b=2")),
                context.log.toString());
        double[] y = full.column("poor").numbers();
        double[] keptY = remove(y, 0, 5);
        RocAnalysis ndka = RocAnalysis.of(remove(full.column("ndka").numbers(), 0, 5), keptY);
        RocAnalysis s = RocAnalysis.of(remove(s100b, 0, 5), keptY);
        assertEquals(ndka.auc(), cell(table, "score", "ndka", "auc"), 1e-15);
        RocComparison direct = RocAnalysis.compareDeLong(s, ndka, 0.95);
        assertEquals(direct.p(), ((Table) out.get(RocNode.OUT_COMPARISONS)).column("p").number(0), 1e-15);
    }

    @Test
    void setParameterEvaluatesOneSubset() throws Exception {
        Table full = asah();
        String[] set = new String[full.rowCount()];
        for (int i = 0; i < set.length; i++) {
            set[i] = i % 3 == 0 ? "test" : "train";
        }
        Table data = full.withColumns(List.of(Column.text("set", set)));
        Table table = (Table) TestSupport.run(new RocNode(), data,
                Map.of("score", "ndka", "outcome", "poor", "set", "test"), "roc-test-set").get(EvaluationNode.OUT_TABLE);
        double[] x = full.column("ndka").numbers();
        double[] y = full.column("poor").numbers();
        double[] xs = new double[(x.length + 2) / 3];
        double[] ys = new double[xs.length];
        for (int i = 0, k = 0; i < x.length; i += 3, k++) {
            xs[k] = x[i];
            ys[k] = y[i];
        }
        RocAnalysis direct = RocAnalysis.of(xs, ys);
        assertEquals(xs.length, cell(table, "score", "ndka", "n"));
        assertEquals(direct.auc(), cell(table, "score", "ndka", "auc"), 1e-15);
        assertEquals(direct.aucConfidenceInterval(0.95).lower(), cell(table, "score", "ndka", "lower"), 1e-15);
    }

    @Test
    void badInputGivesClearMessages() {
        Table data = asah();
        TestSupport.fails(new RocNode(), data, Map.of("score", "s100b,nope", "outcome", "poor"),
                "'nope'", "columns are", "s100b", "ndka");
        double[] zeros = new double[data.rowCount()];
        TestSupport.fails(new RocNode(), data.withColumns(List.of(Column.numeric("poor", zeros))),
                Map.of("score", "s100b", "outcome", "poor"), "ROC", "single class");
        double[] wrong = data.column("poor").numbers();
        wrong[3] = 2;
        TestSupport.fails(new RocNode(), data.withColumns(List.of(Column.numeric("poor", wrong))),
                Map.of("score", "s100b", "outcome", "poor"), "'poor'", "0 or 1", "row 4");
        TestSupport.fails(new RocNode(), data, Map.of("score", "s100b", "outcome", "poor", "set", "test"),
                "'set'", "columns are");
    }

    static double[] remove(double[] values, int... rows) {
        double[] out = new double[values.length - rows.length];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            final int row = i;
            if (Arrays.stream(rows).noneMatch(r -> r == row)) {
                out[k++] = values[i];
            }
        }
        return out;
    }
}
