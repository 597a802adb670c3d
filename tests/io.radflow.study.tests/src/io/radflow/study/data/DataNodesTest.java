package io.radflow.study.data;

import static io.radflow.study.StudyFixture.conform;
import static io.radflow.study.StudyFixture.features;
import static io.radflow.study.StudyFixture.run;
import static io.radflow.study.StudyFixture.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.testsupport.RecordingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataNodesTest {

    private static Table withoutSet() {
        Table s = study();
        return new Table(s.columns().stream().filter(c -> !c.name().equals(StudyData.SET)).toList());
    }

    private static long count(Table t, String set, String column, String value) {
        long n = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.column(StudyData.SET).text(r).equals(set) && (column == null || t.column(column).text(r).equals(value))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void randomSplitIsStratifiedAndReproducible() throws Exception {
        Map<String, PortObject> a = run("radflow.study.split", new TrainTestSplitNode(),
                Map.of(TrainTestSplitNode.IN_TABLE, withoutSet()), new RecordingContext(), "stratify", "mvi");
        Map<String, PortObject> b = run("radflow.study.split", new TrainTestSplitNode(),
                Map.of(TrainTestSplitNode.IN_TABLE, withoutSet()), new RecordingContext(), "stratify", "mvi");
        Table t = (Table) a.get(TrainTestSplitNode.OUT_TABLE);
        assertEquals(t, b.get(TrainTestSplitNode.OUT_TABLE), "same seed, same split");
        assertEquals(List.of("PatientID", "Set"), t.columnNames().subList(0, 2));
        Table s = study();
        long positives = Arrays.stream(s.column("mvi").numbers()).filter(v -> v == 1).count();
        assertEquals(Math.round(0.7 * positives), count(t, "train", "mvi", "1"));
        assertEquals(Math.round(0.7 * (80 - positives)), count(t, "train", "mvi", "0"));
        Table other = (Table) run("radflow.study.split", new TrainTestSplitNode(), Map.of(TrainTestSplitNode.IN_TABLE,
                withoutSet()), new RecordingContext(), "stratify", "mvi", "seed", "7").get(TrainTestSplitNode.OUT_TABLE);
        assertFalse(t.column("Set").equals(other.column("Set")), "another seed, another split");
    }

    @Test
    void centreSplitHoldsOutTheTestCentreAndLogsACentreOfOnePatient() throws Exception {
        Table s = withoutSet();
        String[] centre = new String[s.rowCount()];
        for (int r = 0; r < centre.length; r++) {
            centre[r] = r == 0 ? "D" : r % 3 == 0 ? "A" : r % 3 == 1 ? "B" : "C";
        }
        RecordingContext context = new RecordingContext();
        Map<String, PortObject> out = run("radflow.study.split", new TrainTestSplitNode(), Map.of(TrainTestSplitNode.IN_TABLE,
                s.withColumns(List.of(Column.text("centre", centre)))), context, "method", "centre", "testCentres", "C,D");
        Table t = (Table) out.get(TrainTestSplitNode.OUT_TABLE);
        assertEquals(0, count(t, "train", "centre", "C") + count(t, "train", "centre", "D"));
        assertEquals(1, count(t, "test", "centre", "D"));
        assertTrue(context.log.contains("centre D has a single patient"), context.log.toString());
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("radflow.study.split",
                new TrainTestSplitNode(), Map.of(TrainTestSplitNode.IN_TABLE, s.withColumns(List.of(Column.text("centre",
                        centre)))), new RecordingContext(), "method", "centre", "testCentres", "E"));
        assertTrue(e.getMessage().contains("'E' does not occur"), e.getMessage());
    }

    @Test
    void zscoreUsesTrainingMeanAndSdAndDropsConstantFeatures() throws Exception {
        Table f = features("f1", "f3").withColumns(List.of(Column.numeric("flat", new double[80])));
        Map<String, PortObject> out = run("radflow.study.zscore", new ZScoreNode(), Map.of(ZScoreNode.IN_FEATURES, f,
                ZScoreNode.IN_CLINICAL, study()), new RecordingContext());
        Table scaler = (Table) out.get(ZScoreNode.OUT_SCALER);
        int row = scaler.findRow("feature", "f1");
        assertTrue(conform("zscore", "zscore_f1_mean", scaler.column("mean").number(row), 1e-12));
        assertTrue(conform("zscore", "zscore_f1_sd", scaler.column("sd").number(row), 1e-12));
        Table z = (Table) out.get(ZScoreNode.OUT_FEATURES);
        assertEquals(List.of("PatientID", "Set", "f1", "f3"), z.columnNames());
        assertTrue(scaler.column("status").text(scaler.findRow("feature", "flat")).contains("constant"));
        double mean = scaler.column("mean").number(row);
        double sd = scaler.column("sd").number(row);
        assertEquals((study().column("f1").number(79) - mean) / sd, z.column("f1").number(79), 1e-15, "test rows too");
    }

    @Test
    void appliedZscoreUsesTheStoredScalerAndNamesAMissingFeature() throws Exception {
        Table f = features("f1", "f3");
        Map<String, PortObject> fitted = run("radflow.study.zscore", new ZScoreNode(), Map.of(ZScoreNode.IN_FEATURES, f,
                ZScoreNode.IN_CLINICAL, study()), new RecordingContext());
        Table scaler = (Table) fitted.get(ZScoreNode.OUT_SCALER);
        // a new cohort: every row a test row, values shifted; nothing may be refitted on it
        double[] shifted = Arrays.stream(study().column("f1").numbers()).map(v -> v + 100).toArray();
        Table newFeatures = new Table(List.of(f.column("PatientID"), Column.numeric("f1", shifted), f.column("f3")));
        Table allTest = new Table(List.of(f.column("PatientID"), Column.text(StudyData.SET, filled(80, StudyData.TEST))));
        Map<String, PortObject> applied = new ZScoreNode().apply(new NodeInputs("z", Map.of(ZScoreNode.IN_FEATURES,
                newFeatures, ZScoreNode.IN_CLINICAL, allTest)), Map.of(ZScoreNode.OUT_SCALER, scaler),
                new Parameters("z", Map.of()), new RecordingContext());
        assertEquals(scaler, applied.get(ZScoreNode.OUT_SCALER));
        Table z = (Table) applied.get(ZScoreNode.OUT_FEATURES);
        int row = scaler.findRow("feature", "f1");
        double mean = scaler.column("mean").number(row);
        double sd = scaler.column("sd").number(row);
        for (int r = 0; r < 80; r++) {
            assertEquals((shifted[r] - mean) / sd, z.column("f1").number(r), 0, "row " + r);
        }
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> new ZScoreNode().apply(
                new NodeInputs("z", Map.of(ZScoreNode.IN_FEATURES, features("f1"), ZScoreNode.IN_CLINICAL, allTest)),
                Map.of(ZScoreNode.OUT_SCALER, scaler), new Parameters("z", Map.of()), new RecordingContext()));
        assertTrue(e.getMessage().contains("'f3'"), e.getMessage());
    }

    @Test
    void appliedSplitMarksEveryRowTestWithoutReadingTheStratum() throws Exception {
        Table noOutcome = new Table(withoutSet().columns().stream().filter(c -> !c.name().equals("mvi")).toList());
        Map<String, String> values = Map.of("method", "random", "trainFraction", "0.7", "seed", "1", "stratify", "mvi");
        Map<String, PortObject> out = new TrainTestSplitNode().apply(new NodeInputs("split", Map.of(
                TrainTestSplitNode.IN_TABLE, noOutcome)), Map.of(), new Parameters("split", values), new RecordingContext());
        Table t = (Table) out.get(TrainTestSplitNode.OUT_TABLE);
        assertEquals(80, count(t, StudyData.TEST, null, null));
        assertEquals(Column.text(StudyData.SET, filled(80, StudyData.TEST)), t.column(StudyData.SET));
    }

    private static String[] filled(int n, String value) {
        String[] out = new String[n];
        Arrays.fill(out, value);
        return out;
    }

    @Test
    void clinicalTableTypesMissingValuesAndRequiredColumns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clinical.csv"), "PatientID,age,afp,bclc,code\nP1,61,NA,A,1\nP2,70,12.5,,2\n"
                + "P3,,3.1,B,3\n");
        RecordingContext context = new RecordingContext(dir);
        Map<String, PortObject> out = run("radflow.study.clinicalTable", new ClinicalTableNode(), Map.of(), context,
                "types", "code:categorical", "required", "age");
        Table t = (Table) out.get(ClinicalTableNode.OUT_TABLE);
        assertEquals(2, t.rowCount());
        assertTrue(Double.isNaN(t.column("afp").number(0)));
        assertFalse(t.column("code").isNumeric());
        assertEquals("", t.column("bclc").text(1));
        assertEquals(List.of(new RecordingContext.Failure("P3", "age", "missing value in a required column; row dropped")),
                context.failures);
        Table report = (Table) out.get(ClinicalTableNode.OUT_REPORT);
        assertEquals(1, report.column("missing").number(report.findRow("column", "afp")));
        assertEquals("A", report.column("levels").text(report.findRow("column", "bclc")));
        assertEquals("61..70", report.column("levels").text(report.findRow("column", "age")));
        Files.writeString(dir.resolve("bad.csv"), "PatientID,age\nP1,sixty\n");
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("radflow.study.clinicalTable",
                new ClinicalTableNode(), Map.of(), new RecordingContext(dir), "file", "bad.csv", "types", "age:numeric"));
        assertTrue(e.getMessage().contains("'age' is declared numeric but holds 'sixty'"), e.getMessage());
    }

    @Test
    void joinPrefixesColumnsAndReportsMissingPatients() throws Exception {
        Table a = features("f1", "f2");
        Table b = new Table(List.of(Column.text("PatientID", new String[] {"S002", "S001"}),
                Column.numeric("f1", new double[] {2, 1})));
        RecordingContext context = new RecordingContext();
        Table joined = (Table) run("radflow.study.joinFeatures", new FeatureJoinNode(), Map.of("table1", a, "table2", b),
                context, "prefix1", "portal_", "prefix2", "arterial_").get(FeatureJoinNode.OUT_TABLE);
        assertEquals(List.of("PatientID", "portal_f1", "portal_f2", "arterial_f1"), joined.columnNames());
        assertEquals(2, joined.rowCount());
        assertEquals(1, joined.column("arterial_f1").number(0));
        assertEquals(78, context.failures.size());
        assertThrows(NodeExecutionException.class, () -> run("radflow.study.joinFeatures", new FeatureJoinNode(),
                Map.of("table1", a, "table2", b), new RecordingContext()));
    }

    @Test
    void selectRowsKeepsOneSet() throws Exception {
        Table t = (Table) run("radflow.study.selectRows", new SelectRowsNode(), Map.of(SelectRowsNode.IN_TABLE, study()),
                new RecordingContext()).get(SelectRowsNode.OUT_TABLE);
        assertEquals(24, t.rowCount());
        assertEquals(24, count(t, "test", null, null));
    }
}
