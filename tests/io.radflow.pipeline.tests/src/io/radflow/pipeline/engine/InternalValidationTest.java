package io.radflow.pipeline.engine;

import static io.radflow.pipeline.engine.TestNodeTypes.connect;
import static io.radflow.pipeline.engine.TestNodeTypes.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.stats.bootstrap.Bootstrap;
import io.radflow.study.model.FittedModel;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.TestOutput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Node {@code radflow.validation.internal} in the engine: Harrell's optimism bootstrap against R's glm and coxph on
 * the same resamples ({@code r/internal-validation.R}, {@code golden/internal-validation/}), the optimism of feature selection on
 * pure noise, failed replicates, and the validator's check of the chain.
 */
class InternalValidationTest {

    static NodeTypeRegistry registry;
    static Path golden;
    static Path output;
    static final ConformanceReport REPORT = new ConformanceReport("internal-validation",
            "Internal validation (bootstrap optimism of the chain) against R glm on the same resamples");

    @BeforeAll
    static void setUp() throws Exception {
        registry = NodeTypeRegistry.fromPlatform();
        golden = Path.of(System.getProperty("radflow.repo.root"), "tests", "io.radflow.pipeline.tests", "golden",
                "internal-validation");
        output = TestOutput.folder("internal-validation");
        Files.createDirectories(output);
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    /** clinicalTable(file) -> split by column grp (A = train). */
    private static Node splitOf(Pipeline p, String file) {
        Node table = node(p, "data", "radflow.study.clinicalTable", "file", file);
        Node split = node(p, "split", "radflow.study.split", "method", "column", "column", "grp", "trainValues", "A");
        connect(p, table, "table", split, "table");
        return split;
    }

    private RunResult run(Pipeline p, Path base, String name) throws Exception {
        return new PipelineExecutor(registry).execute(p, new RunOptions(base, output.resolve("cache"), output.resolve(name)),
                RunMonitor.NONE);
    }

    private static Table table(RunResult result, String node, String port) {
        NodeRunRecord record = result.node(node).orElseThrow();
        assertEquals(NodeStatus.SUCCEEDED, record.status(), node + ": " + record.error());
        return (Table) record.outputs().get(port);
    }

    private static int row(Table t, String metric) {
        int r = t.findRow("metric", metric);
        assertTrue(r >= 0, "no row " + metric + " in " + t.columnNames());
        return r;
    }

    @Test
    void bootstrapIndicesOfTheGoldenInputAreTheJavaResamples() throws Exception {
        Table indices = Table.readCsv(golden.resolve("bootstrap-indices.csv"));
        int[][] samples = Bootstrap.resamples(100, 50, 2026);
        double[] position = indices.column("position").numbers();
        for (int b = 0; b < samples.length; b++) {
            int[] expected = new int[100];
            for (int i = 0; i < 100; i++) {
                expected[i] = (int) position[b * 100 + i] - 1;
            }
            assertArrayEquals(expected, samples[b], "replicate " + (b + 1));
        }
    }

    @Test
    void bootstrapOfLogisticAndCoxChainsMatchesROnTheSameResamples() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("reference");
        Node split = splitOf(p, "data.csv");
        Node model = node(p, "logistic", "radflow.study.logisticModel", "outcome", "y", "covariates", "x1,x2,x3");
        connect(p, split, "table", model, "features");
        connect(p, split, "table", model, "clinical");
        Node iv = node(p, "iv", "radflow.validation.internal", "outcome", "y", "replicates", "50", "seed", "2026");
        connect(p, split, "table", iv, "table");
        connect(p, model, "model", iv, "model");
        Node cox = node(p, "cox", "radflow.study.coxModel", "time", "time", "event", "event", "covariates", "x1,x2,x3");
        connect(p, split, "table", cox, "features");
        connect(p, split, "table", cox, "clinical");
        Node ivCox = node(p, "ivCox", "radflow.validation.internal", "outcomeType", "survival", "time", "time", "event",
                "event", "replicates", "50", "seed", "2026");
        connect(p, split, "table", ivCox, "table");
        connect(p, cox, "model", ivCox, "model");
        RunResult result = run(p, golden, "reference");
        Table reference = Table.readCsv(golden.resolve("reference.csv"));
        List<String> failures = new ArrayList<>();
        for (int r = 0; r < reference.rowCount(); r++) {
            String metric = reference.column("metric").text(r);
            boolean survival = metric.equals("cindex");
            Table t = table(result, survival ? "ivCox" : "iv", "table");
            int row = row(t, metric);
            assertEquals(50, t.column("ok").number(row), metric + " replicates ok");
            for (String quantity : List.of("apparent", "optimism", "corrected")) {
                double value = t.column(quantity).number(row);
                double expected = reference.column(quantity).number(r);
                if (!REPORT.addAbsolute((survival ? "Cox" : "logistic") + " x1+x2+x3, n = 100, B = 50", "bootstrap",
                        metric + " " + quantity, "",
                        value, expected, 1e-6)) {
                    failures.add(metric + " " + quantity + ": " + value + " vs R " + expected);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(4, reference.rowCount());
        assertEquals(0, table(result, "iv", "failures").rowCount());
        assertEquals(0, table(result, "ivCox", "failures").rowCount());
    }

    @Test
    void repeatedCvRefitsOnEveryFold() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("cv");
        Node split = splitOf(p, "data.csv");
        Node model = node(p, "logistic", "radflow.study.logisticModel", "outcome", "y", "covariates", "x1,x2,x3");
        connect(p, split, "table", model, "features");
        connect(p, split, "table", model, "clinical");
        Node iv = node(p, "iv", "radflow.validation.internal", "outcome", "y", "method", "repeatedCv", "folds", "5",
                "repeats", "3", "metrics", "auc,brier");
        connect(p, split, "table", iv, "table");
        connect(p, model, "model", iv, "model");
        Table t = table(run(p, golden, "cv"), "iv", "table");
        int auc = row(t, "auc");
        assertEquals(15, t.column("ok").number(auc));
        assertEquals(2, t.rowCount());
        double cv = t.column("cvMean").number(auc);
        double apparent = t.column("apparent").number(auc);
        assertTrue(cv > 0.6 && cv <= apparent + 0.02, "cross-validated AUC " + cv + ", apparent " + apparent);
        assertTrue(t.column("cvSD").number(auc) > 0);
        assertEquals(cv, t.column("corrected").number(auc), 0);
    }

    /** Pure-noise features: n = 120 (100 training), p = 200, outcome independent of them. */
    private static Path noise(String name, int n, int features, int positives, long seed) throws Exception {
        Random random = new Random(seed);
        List<Column> columns = new ArrayList<>();
        String[] ids = new String[n];
        String[] grp = new String[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "N" + (i + 1);
            grp[i] = i < n - 20 ? "A" : "B";
            y[i] = positives < 0 ? random.nextInt(2) : i % (n - 20) < positives || i >= n - 20 && i % 2 == 0 ? 1 : 0;
        }
        columns.add(Column.text("PatientID", ids));
        columns.add(Column.text("grp", grp));
        columns.add(Column.numeric("y", y));
        for (int j = 0; j < features; j++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian();
            }
            columns.add(Column.numeric("f" + (j + 1), x));
        }
        Path file = output.resolve(name + ".csv");
        new Table(columns).writeCsv(file);
        return file;
    }

    @Test
    void selectionOnNoiseIsOptimisticAndOnlyTheWholeChainShowsIt() throws Exception {
        Path data = noise("noise", 120, 200, -1, 42);
        Pipeline p = TestNodeTypes.pipeline("noise");
        Node split = splitOf(p, data.getFileName().toString());
        Node filter = node(p, "filter", "radflow.study.univariateFilter", "outcome", "y", "test", "welch",
                "pThreshold", "0.05");
        connect(p, split, "table", filter, "features");
        connect(p, split, "table", filter, "clinical");
        Node model = node(p, "logistic", "radflow.study.logisticModel", "outcome", "y");
        connect(p, filter, "features", model, "features");
        connect(p, split, "table", model, "clinical");
        Node chain = node(p, "chain", "radflow.validation.internal", "outcome", "y", "replicates", "40", "metrics", "auc");
        connect(p, split, "table", chain, "table");
        connect(p, model, "model", chain, "model");
        Node last = node(p, "finalOnly", "radflow.validation.internal", "outcome", "y", "replicates", "40", "metrics", "auc");
        connect(p, filter, "features", last, "table");
        connect(p, model, "model", last, "model");
        connect(p, split, "table", last, "data");
        assertEquals(List.of(), new PipelineValidator(registry).validate(p).stream().filter(ValidationProblem::isError).toList(),
                "the leakage rule accepts the node");
        RunResult result = run(p, output, "noise");
        Table whole = table(result, "chain", "table");
        Table finalOnly = table(result, "finalOnly", "table");
        double apparent = whole.column("apparent").number(0);
        double corrected = whole.column("corrected").number(0);
        double naive = finalOnly.column("corrected").number(0);
        String summary = "apparent " + apparent + ", corrected (whole chain) " + corrected + ", corrected (final model only) "
                + naive + ", ok " + whole.column("ok").number(0);
        System.out.println("noise: " + summary);
        assertTrue(apparent > 0.75, summary);
        assertTrue(corrected < 0.65, summary);
        assertTrue(naive > corrected + 0.1, summary);
        assertTrue(whole.column("ok").number(0) >= 30, summary);
    }

    @Test
    void aReplicateWithoutPositivesFailsAndIsReported() throws Exception {
        Path data = noise("rare", 50, 1, 2, 7);
        Pipeline p = TestNodeTypes.pipeline("rare");
        Node split = splitOf(p, data.getFileName().toString());
        Node model = node(p, "logistic", "radflow.study.logisticModel", "outcome", "y", "covariates", "f1");
        connect(p, split, "table", model, "features");
        connect(p, split, "table", model, "clinical");
        Node iv = node(p, "iv", "radflow.validation.internal", "outcome", "y", "replicates", "40", "metrics", "auc");
        connect(p, split, "table", iv, "table");
        connect(p, model, "model", iv, "model");
        RunResult result = run(p, output, "rare");
        Table t = table(result, "iv", "table");
        Table failures = table(result, "iv", "failures");
        double failed = t.column("failed").number(0);
        assertTrue(failed > 0, "30 training rows with 2 positives: some resamples have none");
        assertEquals(40, failed + t.column("ok").number(0));
        assertEquals((int) failed, failures.rowCount());
        String reason = failures.column("reason").text(0);
        assertTrue(reason.contains("chain node 'logistic' (radflow.study.logisticModel)") && reason.contains("both classes"),
                reason);
        assertTrue(Double.isFinite(t.column("corrected").number(0)));
    }

    @Test
    void progressIsReportedPerReplicateAndCancelStopsTheReplicates() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("cancel");
        Node split = splitOf(p, "data.csv");
        Node model = node(p, "logistic", "radflow.study.logisticModel", "outcome", "y", "covariates", "x1,x2,x3");
        connect(p, split, "table", model, "features");
        connect(p, split, "table", model, "clinical");
        Node iv = node(p, "iv", "radflow.validation.internal", "outcome", "y", "replicates", "1000");
        connect(p, split, "table", iv, "table");
        connect(p, model, "model", iv, "model");
        List<String> messages = new ArrayList<>();
        RunMonitor cancelAfterFive = new RunMonitor() {
            @Override
            public void progress(String nodeId, double fraction, String message) {
                if (nodeId.equals("iv")) {
                    messages.add(message);
                }
            }

            @Override
            public boolean isCanceled() {
                return messages.size() >= 5;
            }
        };
        RunResult result = new PipelineExecutor(registry).execute(p, new RunOptions(golden, output.resolve("cache"), null),
                cancelAfterFive);
        assertEquals(RunStatus.CANCELED, result.status());
        assertEquals(NodeStatus.CANCELED, result.node("iv").orElseThrow().status());
        assertEquals("bootstrap replicate 5 of 1000", messages.get(messages.size() - 1));
        assertEquals(5, messages.size());
    }

    @Test
    void theRolesAreReadFromPluginXmlAndTestRowsAsSourceAreLeakage() {
        TrainTestRole role = registry.nodeType("radflow.validation.internal").orElseThrow().trainTest();
        assertEquals(new TrainTestRole(false, true, null, "table", "model"), role);
        Pipeline p = TestNodeTypes.pipeline("test rows");
        Node split = splitOf(p, "data.csv");
        Node testOnly = node(p, "testOnly", "radflow.study.selectRows", "set", "test");
        connect(p, split, "table", testOnly, "table");
        Node model = node(p, "logistic", "radflow.study.logisticModel", "outcome", "y", "covariates", "x1");
        connect(p, split, "table", model, "features");
        connect(p, split, "table", model, "clinical");
        Node iv = node(p, "iv", "radflow.validation.internal", "outcome", "y");
        connect(p, testOnly, "table", iv, "table");
        connect(p, model, "model", iv, "model");
        List<String> errors = new PipelineValidator(registry).validate(p).stream().filter(ValidationProblem::isError)
                .map(ValidationProblem::message).toList();
        assertTrue(errors.stream().anyMatch(m -> m.contains("leakage: node 'iv'") && m.contains("'testOnly'")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.contains("node 'logistic'") && m.contains("of node 'testOnly'")),
                errors.toString());
    }

    @Test
    void tablesFromOutsideTheChainGetTheCopiesOfResampledPatients() {
        Table features = new Table(List.of(Column.text("PatientID", new String[] {"a", "b", "c"}),
                Column.numeric("f", new double[] {1, 2, 3})));
        Map<String, String> copies = new java.util.LinkedHashMap<>();
        copies.put("c#boot2", "c");
        copies.put("a#boot2", "a");
        copies.put("c#boot3", "c");
        Table expanded = (Table) ChainExecution.withCopies(features, copies);
        assertEquals(List.of("a", "b", "c", "c#boot2", "a#boot2", "c#boot3"), List.of(
                expanded.column("PatientID").text(0), expanded.column("PatientID").text(1), expanded.column("PatientID").text(2),
                expanded.column("PatientID").text(3), expanded.column("PatientID").text(4), expanded.column("PatientID").text(5)));
        assertArrayEquals(new double[] {1, 2, 3, 3, 1, 3}, expanded.column("f").numbers());
        assertEquals(features, ChainExecution.withCopies(features, Map.of()), "no copies: unchanged");
    }

    @Test
    void aModelThatIsNotDownstreamOfTheTableIsRejectedNamingTheNodes() {
        Pipeline p = TestNodeTypes.pipeline("bad chain");
        Node split = splitOf(p, "data.csv");
        Node model = node(p, "logistic", "radflow.study.logisticModel", "outcome", "y", "covariates", "x1");
        connect(p, split, "table", model, "features");
        connect(p, split, "table", model, "clinical");
        Node iv = node(p, "iv", "radflow.validation.internal", "outcome", "y");
        connect(p, split, "summary", iv, "table");
        connect(p, model, "model", iv, "model");
        List<ValidationProblem> errors = new PipelineValidator(registry).validate(p).stream()
                .filter(ValidationProblem::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).message();
        assertEquals("iv", errors.get(0).nodeId());
        assertTrue(message.contains("node 'logistic'") && message.contains("output 'summary' of node 'split'"), message);
    }

    @Test
    void outsideTheEngineTheNodeSaysItNeedsAChain() {
        NodeRunRecord record = new PipelineExecutor(registry).executeSingle("radflow.validation.internal",
                Map.of("table", new Table(List.of(Column.text("PatientID", new String[] {"a"}))), "model",
                        new FittedModel("logistic", FittedModel.Family.LOGISTIC, "y", "lp", 0,
                                List.of(FittedModel.Term.numeric("x", 1)), Map.of(), null, 1, 1)),
                Map.of("outcome", "y"),
                new RunOptions(output, output.resolve("cache"), null), RunMonitor.NONE);
        assertEquals(NodeStatus.FAILED, record.status());
        assertTrue(record.error().contains("no chain to refit"), record.error());
    }
}
