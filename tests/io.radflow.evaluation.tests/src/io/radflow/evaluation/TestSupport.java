package io.radflow.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.TestOutput;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Shared helpers of the evaluation node tests: R golden files, tables, a test context and a node runner. */
final class TestSupport {

    /** One report for all evaluation node comparisons against R goldens. */
    static final ConformanceReport CONFORMANCE = new ConformanceReport("evaluation-nodes",
            "Evaluation nodes against R goldens (tests/io.radflow.stats.tests/golden)");

    private TestSupport() {
    }

    /** The stats fragment's golden folder (R outputs committed with their scripts). */
    static Path goldenDir() {
        String repo = System.getProperty("radflow.repo.root", "../..");
        return Path.of(repo, "tests", "io.radflow.stats.tests", "golden");
    }

    /** A JSON golden file (jsonlite::write_json) parsed with SnakeYAML. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> golden(String relative) {
        try (Reader reader = Files.newBufferedReader(goldenDir().resolve(relative))) {
            return (Map<String, Object>) new Yaml(new LoaderOptions()).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    /** A golden number (text forms as R writes them: 1e-05, NA, Inf). */
    static double number(Object value) {
        if (value == null || "NA".equals(value)) {
            return Double.NaN;
        }
        String text = value.toString();
        return switch (text) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    static double[] numbers(Map<String, Object> parent, String key) {
        List<?> list = (List<?>) parent.get(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(list.get(i));
        }
        return out;
    }

    /** A table of numeric columns, in the given order. */
    static Table table(Map<String, double[]> columns) {
        List<Column> list = new ArrayList<>();
        columns.forEach((name, values) -> list.add(Column.numeric(name, values)));
        return new Table(list);
    }

    static Map<String, double[]> columns() {
        return new LinkedHashMap<>();
    }

    /** Numeric cell of the first row where {@code keyColumn} equals {@code key}. */
    static double cell(Table table, String keyColumn, String key, String column) {
        int row = table.findRow(keyColumn, key);
        assertTrue(row >= 0, "no row " + keyColumn + " = " + key);
        return table.column(column).number(row);
    }

    /** Relative (or absolute near 0) comparison recorded in the conformance report. */
    static boolean close(String dataset, String node, String quantity, double value, double reference, double rel) {
        return CONFORMANCE.addRelative(dataset, node, quantity, "", value, reference, rel);
    }

    /** A context that records the log and patient failures. */
    static final class Context implements ExecutionContext {
        final List<String> log = new ArrayList<>();

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }

        @Override
        public void reportPatientFailure(String patientId, String field, String message) {
            log.add("failure " + patientId + " " + field + ": " + message);
        }

        @Override
        public void recordInput(Path file) {
        }

        @Override
        public void log(String message) {
            log.add(message);
        }

        @Override
        public Path baseDirectory() {
            return Path.of(".");
        }

        @Override
        public Path cacheDirectory() {
            return output("cache");
        }
    }

    static Path output(String sub) {
        return TestOutput.folder(sub);
    }

    /** Runs {@code node} on {@code data}; writes every output (CSV, PNG/SVG/PDF) to test-output/{@code name}. */
    static Map<String, PortObject> run(NodeImplementation node, Table data, Map<String, String> parameters,
            Context context, String name) throws Exception {
        Map<String, PortObject> out = node.execute(new NodeInputs(name, Map.of(EvaluationNode.IN_DATA, data)),
                new Parameters(name, parameters), context);
        for (Map.Entry<String, PortObject> e : out.entrySet()) {
            for (Path file : e.getValue().write(output(name), e.getKey())) {
                assertTrue(Files.size(file) > 0, "empty output " + file);
            }
        }
        return out;
    }

    static Map<String, PortObject> run(NodeImplementation node, Table data, Map<String, String> parameters,
            String name) throws Exception {
        return run(node, data, parameters, new Context(), name);
    }

    /** Asserts the node fails with a message containing every fragment. */
    static NodeExecutionException fails(NodeImplementation node, Table data, Map<String, String> parameters,
            String... fragments) {
        NodeExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(NodeExecutionException.class,
                () -> node.execute(new NodeInputs("bad", Map.of(EvaluationNode.IN_DATA, data)),
                        new Parameters("bad", parameters), new Context()));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
        return e;
    }
}
