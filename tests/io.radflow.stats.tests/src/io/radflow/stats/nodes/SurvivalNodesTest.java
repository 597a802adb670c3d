package io.radflow.stats.nodes;

import static io.radflow.stats.survival.Golden.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.survival.Golden;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.LogRankTest;
import io.radflow.testsupport.RecordingContext;
import io.radflow.testsupport.TestOutput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The survival nodes run directly on the lung data and compared with R. */
class SurvivalNodesTest {

    private static final double REL = 1e-6;

    /** Clinical table: PatientID, time_months (= lung time), event (= status - 1), last patient without time. */
    static Table clinical() {
        Table lung = Golden.lung();
        int n = lung.rowCount();
        String[] ids = new String[n + 1];
        double[] time = new double[n + 1];
        double[] event = new double[n + 1];
        for (int i = 0; i < n; i++) {
            ids[i] = id(i);
            time[i] = lung.column("time").number(i);
            event[i] = lung.column("status").number(i) - 1;
        }
        ids[n] = "NO-TIME";
        time[n] = Double.NaN;
        event[n] = 1;
        return new Table(List.of(Column.text(Cohort.PATIENT_ID, ids), Column.numeric("time_months", time),
                Column.numeric("event", event)));
    }

    /** Features: PatientID, age, ph.karno (one missing), sex, a constant column and a text column. */
    static Table features() {
        Table lung = Golden.lung();
        int n = lung.rowCount();
        String[] ids = new String[n + 1];
        String[] text = new String[n + 1];
        double[] flat = new double[n + 1];
        double[][] cols = new double[3][n + 1];
        String[] names = {"age", "ph.karno", "sex"};
        for (int i = 0; i <= n; i++) {
            ids[i] = i < n ? id(i) : "NO-TIME";
            text[i] = "x" + (i % 3);
            flat[i] = 3.5;
            for (int c = 0; c < 3; c++) {
                cols[c][i] = i < n ? lung.column(names[c]).number(i) : 50;
            }
        }
        return new Table(List.of(Column.text(Cohort.PATIENT_ID, ids), Column.numeric("age", cols[0]),
                Column.numeric("ph.karno", cols[1]), Column.numeric("sex", cols[2]), Column.numeric("flat", flat),
                Column.text("site", text)));
    }

    static String id(int row) {
        return String.format("LUNG-%03d", row + 1);
    }

    static Table univariate(boolean standardize) throws Exception {
        Map<String, PortObject> out = new UnivariateCoxNode().execute(
                new NodeInputs("cox", Map.of("features", features(), "clinical", clinical())),
                new Parameters("cox", Map.of("time", "time_months", "event", "event", "ties", "efron", "standardize",
                        Boolean.toString(standardize))),
                new RecordingContext(TestOutput.folder("stats")));
        return (Table) out.get("table");
    }

    @Test
    void univariateCoxOfAgeEqualsCoxph() throws Exception {
        Table table = univariate(false);
        assertEquals(UnivariateCoxNode.COLUMNS, table.columnNames());
        assertRow(table, "age", "cox_lung_age", 228);
        assertRow(table, "sex", "cox_lung_sex", 228);
    }

    @Test
    void standardizedUnivariateCoxEqualsCoxphOfScaledFeature() throws Exception {
        Table table = univariate(true);
        assertRow(table, "age", "cox_lung_age_scaled", 228);
        // ph.karno has one missing value: that patient is left out for this feature only
        assertRow(table, "ph.karno", "cox_lung_phkarno_scaled", 227);
        int flat = table.findRow("feature", "flat");
        assertTrue(Double.isNaN(table.column("coef").number(flat)));
        assertTrue(table.column("note").text(flat).contains("constant"), table.column("note").text(flat));
        assertTrue(!table.hasColumn("site") && table.findRow("feature", "site") < 0, "text column skipped");
        // sorted by Wald p, NaN last
        Column p = table.column("p_wald");
        for (int row = 1; row < table.rowCount(); row++) {
            double prev = p.number(row - 1);
            double cur = p.number(row);
            assertTrue(Double.isNaN(cur) || prev <= cur, "sorted at row " + row);
        }
        assertEquals("flat", table.column("feature").text(table.rowCount() - 1));
    }

    private static void assertRow(Table table, String feature, String golden, int n) {
        int row = table.findRow("feature", feature);
        assertTrue(row >= 0, feature + " in output");
        Table coef = Golden.table(golden + "_coef.csv");
        Map<String, Double> stats = Golden.stats(golden + "_stats.csv");
        assertEquals(n, table.column("n").number(row), 0.0, feature + " n");
        assertEquals(stats.get("n"), table.column("n").number(row), 0.0, feature + " n (R)");
        assertEquals(stats.get("nevent"), table.column("events").number(row), 0.0, feature + " events");
        String[][] pairs = {{"coef", "coef"}, {"se", "se"}, {"hr", "hr"}, {"hr_lower", "hr_lower"},
            {"hr_upper", "hr_upper"}, {"z", "z"}, {"p_wald", "p"}};
        for (String[] pair : pairs) {
            assertRelative(Golden.number(coef, pair[1], 0), table.column(pair[0]).number(row), REL,
                    golden + " " + pair[0]);
        }
        assertRelative(stats.get("lr_p"), table.column("p_lr").number(row), REL, golden + " p_lr");
        assertRelative(stats.get("score_p"), table.column("p_score").number(row), REL, golden + " p_score");
    }

    @Test
    void cutpointSplitsTheBestFeatureAtItsMedian() throws Exception {
        Table ranking = univariate(true);
        String best = ranking.column("feature").text(0);
        Table features = features();
        Map<String, PortObject> out = new CutpointNode().execute(
                new NodeInputs("cut", Map.of("features", features, "ranking", ranking)),
                new Parameters("cut", Map.of("feature", "", "method", "median")),
                new RecordingContext(TestOutput.folder("stats")));
        Table groups = (Table) out.get("groups");
        assertEquals(List.of(Cohort.PATIENT_ID, best, "group"), groups.columnNames());
        double maxLow = Double.NEGATIVE_INFINITY;
        double minHigh = Double.POSITIVE_INFINITY;
        int high = 0;
        for (int row = 0; row < groups.rowCount(); row++) {
            double v = groups.column(best).number(row);
            if (groups.column("group").text(row).equals("high")) {
                high++;
                minHigh = Math.min(minHigh, v);
            } else {
                assertEquals("low", groups.column("group").text(row));
                maxLow = Math.max(maxLow, v);
            }
        }
        assertTrue(maxLow < minHigh, "every high value exceeds every low value");
        assertTrue(high <= groups.rowCount() / 2.0, "at most half are above the median");
        int nonMissing = Golden.completeRows(features, best).length;
        assertEquals(nonMissing, groups.rowCount());
    }

    @Test
    void kaplanMeierNodeEqualsSurvfitAndSurvdiffAndWritesFiles() throws Exception {
        Table lung = Golden.lung();
        int n = lung.rowCount();
        String[] ids = new String[n];
        String[] sex = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = id(i);
            sex[i] = lung.column("sex").text(i);
        }
        Table groups = new Table(List.of(Column.text(Cohort.PATIENT_ID, ids), Column.text("sex", sex)));
        Map<String, PortObject> out = new KaplanMeierNode().execute(
                new NodeInputs("km", Map.of("groups", groups, "clinical", clinical())),
                new Parameters("km", Map.of("time", "time_months", "event", "event", "group", "sex")),
                new RecordingContext(TestOutput.folder("stats")));
        SurvivalCurves curves = (SurvivalCurves) out.get("curves");
        assertEquals(List.of("1", "2"), curves.groups());
        Table golden = Golden.table("km_lung_sex.csv");
        int goldenRows = 0;
        for (KaplanMeierCurve curve : curves.curves()) {
            List<Integer> rows = Golden.rowsOf(golden, curve.group());
            goldenRows += rows.size();
            assertEquals(rows.size(), curve.size());
            for (int i = 0; i < rows.size(); i++) {
                assertRelative(Golden.number(golden, "surv", rows.get(i)), curve.survival()[i], 1e-9, "surv " + i);
                assertRelative(Golden.number(golden, "upper", rows.get(i)), curve.upper()[i], 1e-9, "upper " + i);
            }
        }
        LogRankTest test = curves.logRank();
        Table logrank = Golden.table("logrank_lung_sex.csv");
        assertRelative(Golden.number(logrank, "chisq", 0), test.chiSquare(), 1e-9, "log-rank chi2");
        assertRelative(Golden.number(logrank, "p", 0), test.pValue(), 1e-9, "log-rank p");

        Path dir = TestOutput.folder("stats");
        List<Path> files = curves.write(dir, "km_lung_sex");
        assertEquals(List.of(dir.resolve("km_lung_sex.csv"), dir.resolve("km_lung_sex.json")), files);
        Table written = Table.readCsv(files.get(0));
        assertEquals(List.of("group", "time", "n_risk", "n_event", "n_censor", "survival", "lower", "upper"),
                written.columnNames());
        assertEquals(goldenRows, written.rowCount());
        for (int row = 0; row < written.rowCount(); row++) {
            assertRelative(Golden.number(golden, "surv", row), written.column("survival").number(row), 1e-15,
                    "written survival row " + row);
        }
        String json = Files.readString(files.get(1));
        assertTrue(json.contains("\"p\": " + test.pValue()), json);
        assertTrue(json.contains("\"median\": 270.0") && json.contains("\"median\": 426.0"), json);
        assertTrue(json.contains("\"df\": 1"), json);
    }
}
