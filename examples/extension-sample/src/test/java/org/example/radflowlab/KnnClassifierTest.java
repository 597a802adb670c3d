package org.example.radflowlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Leave-one-out k-NN against R's class::knn.cv (golden file written by src/test/r/knn-golden.R). */
class KnnClassifierTest {

    private static List<String[]> golden() throws IOException {
        try (InputStream in = KnnClassifierTest.class.getResourceAsStream("/knn-golden.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",");
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = cells[c].trim();
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void matchesRKnnCvForSeveralK() throws IOException {
        List<String[]> rows = golden();
        for (int k : new int[] {1, 3, 5, 7}) {
            String kText = Integer.toString(k);
            List<String[]> cases = rows.stream().filter(r -> r[0].equals(kText)).toList();
            double[][] x = cases.stream().map(r -> new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                    Double.parseDouble(r[4])}).toArray(double[][]::new);
            int[] y = cases.stream().mapToInt(r -> Integer.parseInt(r[5])).toArray();
            KnnClassifier.Result result = KnnClassifier.leaveOneOut(x, y, k, true, new String[] {"x1", "x2", "x3"});
            assertArrayEquals(cases.stream().mapToDouble(r -> Double.parseDouble(r[6])).toArray(), result.probability(),
                    1e-12, "k = " + k);
            assertArrayEquals(cases.stream().mapToInt(r -> Integer.parseInt(r[7])).toArray(), result.predicted(),
                    "k = " + k);
        }
    }

    @Test
    void nodeJoinsByPatientAndReportsPatientsItCannotUse() throws Exception {
        List<String> failures = new ArrayList<>();
        ExecutionContext context = new ExecutionContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCanceled() {
                return false;
            }

            @Override
            public void reportPatientFailure(String patientId, String field, String message) {
                failures.add(patientId + " " + field + ": " + message);
            }

            @Override
            public void recordInput(Path file) {
            }

            @Override
            public void log(String message) {
            }

            @Override
            public Path baseDirectory() {
                return Path.of(".");
            }

            @Override
            public Path cacheDirectory() {
                return Path.of(".");
            }
        };
        Table features = new Table(List.of(Column.text("PatientID", new String[] {"A", "B", "C", "D", "E", "F"}),
                Column.numeric("f", new double[] {1, 2, 10, 11, 3, Double.NaN})));
        Table clinical = new Table(List.of(Column.text("PatientID", new String[] {"A", "B", "C", "D", "F"}),
                Column.numeric("event", new double[] {0, 0, 1, 1, 1})));
        Map<String, String> values = Map.of("outcome", "event", "k", "1", "standardise", "false");
        Table out = (Table) new KnnNode().execute(new NodeInputs("knn", Map.of("features", features, "clinical", clinical)),
                new Parameters("knn", values), context).get("predictions");
        assertEquals(List.of("E PatientID: no row in the clinical data", "F f: feature value is missing or not finite"),
                failures);
        // nearest neighbours: A-B, B-A, C-D, D-C
        assertArrayEquals(new double[] {0, 0, 1, 1}, out.column("predicted").numbers(), 0);
        assertArrayEquals(new double[] {0, 0, 1, 1}, out.column("probability").numbers(), 0);
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> new KnnNode().execute(
                new NodeInputs("knn", Map.of("features", features, "clinical", clinical)),
                new Parameters("knn", Map.of("outcome", "age", "k", "1", "standardise", "false")), context));
        assertEquals("clinical data has no numeric column 'age'; columns: [PatientID, event]", e.getMessage());
    }
}
