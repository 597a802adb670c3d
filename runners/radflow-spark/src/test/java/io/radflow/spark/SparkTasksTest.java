package io.radflow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;
import io.radflow.core.node.SerializableTask;
import io.radflow.core.node.TaskRunner;
import io.radflow.demo.DemoCohortGenerator;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.study.data.Outcome;
import io.radflow.study.selection.ElasticNetFitter;
import io.radflow.study.selection.GlmnetElasticNetFitter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work other than per-patient work as Spark tasks on {@code local[2]}: the LASSO selector's cross-validation
 * folds (same lambda, CV curve and coefficients as the local run), pipeline variants ({@code compare}: the
 * same tables as separate local runs, one per-patient run per distinct per-patient configuration, a failed
 * variant task that leaves the other variant intact) and the command line's progress lines.
 */
class SparkTasksTest {

    static SparkSession spark;
    static NodeTypeRegistry registry;
    static Path repo;
    static Path cache;
    /** Spark job descriptions seen by the listener, in order. */
    static final List<String> jobDescriptions = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("radflow-spark task tests")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
                if (description != null) {
                    jobDescriptions.add(description);
                }
            }
        });
        registry = ClasspathNodeRegistry.load(SparkTasksTest.class.getClassLoader());
        repo = Path.of(System.getProperty("radflow.repo.root")).toRealPath();
        cache = Files.createDirectories(Path.of(System.getProperty("radflow.test.output")).resolve("cache"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static SparkTaskRunner sparkTasks(String prefix) {
        return new SparkTaskRunner(JavaSparkContext.fromSparkContext(spark.sparkContext()), prefix);
    }

    private static void assertSameFile(Path expected, Path actual) throws Exception {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual + " differs from " + expected);
    }

    private static RunResult local(Path pipeline, Path base, Path out) throws Exception {
        return new PipelineExecutor(registry).execute(PipelineFiles.load(pipeline), new RunOptions(base, cache, out, pipeline),
                RunMonitor.NONE);
    }

    @Test
    void sparkTasksReturnResultsInTaskOrderAndRethrowTheFirstFailure() {
        List<SerializableTask<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int value = i;
            tasks.add(() -> value * value);
        }
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36), sparkTasks("test: ").runAll("squares", tasks));
        List<SerializableTask<Integer>> failing = List.of(() -> 1, () -> {
            throw new IllegalArgumentException("task 2 is bad");
        }, () -> {
            throw new IllegalStateException("task 3 is bad too");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sparkTasks("test: ").runAll("failing", failing));
        assertEquals("task 2 is bad", e.getMessage());
    }

    /** A binary and a survival outcome with signal in 3 of 12 features (seeded). */
    private static ElasticNetFitter.Request request(boolean survival, int folds) {
        SplittableRandom random = new SplittableRandom(42);
        int n = 90;
        int p = 12;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] event = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextGaussian() * (j + 1);
                eta += j < 3 ? x[i][j] / (j + 1) : 0;
            }
            if (survival) {
                y[i] = -Math.log(random.nextDouble()) / Math.exp(0.7 * eta);
                event[i] = random.nextDouble() < 0.75 ? 1 : 0;
            } else {
                y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("f" + (j + 1));
        }
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        Outcome.Values outcome = new Outcome.Values(null, rows, y, survival ? event : null);
        return new ElasticNetFitter.Request(x, names, outcome, 1.0, folds, 11, false);
    }

    @Test
    void lassoCrossValidationFoldsAsSparkTasksGiveTheLocalLambdaCurveAndCoefficients() {
        GlmnetElasticNetFitter fitter = new GlmnetElasticNetFitter();
        for (boolean survival : new boolean[] {false, true}) {
            ElasticNetFitter.Request request = request(survival, 5);
            ElasticNetFitter.Result local = fitter.fit(request);
            ElasticNetFitter.Result sequential = fitter.fit(request, TaskRunner.SEQUENTIAL);
            ElasticNetFitter.Result distributed = fitter.fit(request, sparkTasks("test lasso: "));
            for (ElasticNetFitter.Result other : List.of(sequential, distributed)) {
                assertEquals(local.lambda(), other.lambda(), "lambda.min");
                assertEquals(local.intercept(), other.intercept());
                assertArrayEquals(local.coefficients(), other.coefficients());
                assertTableEquals(local.cvCurve(), other.cvCurve());
                assertTableEquals(local.path(), other.path());
            }
            long kept = java.util.Arrays.stream(local.coefficients()).filter(b -> b != 0).count();
            assertTrue(kept >= 1 && kept < 12, "LASSO keeps some of the features: " + kept);
        }
        assertTrue(jobDescriptions.contains("test lasso: 5 logistic cross-validation folds"), jobDescriptions.toString());
        assertTrue(jobDescriptions.contains("test lasso: 5 Cox cross-validation folds"), jobDescriptions.toString());
    }

    private static void assertTableEquals(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (String column : expected.columnNames()) {
            for (int row = 0; row < expected.rowCount(); row++) {
                assertEquals(expected.column(column).number(row), actual.column(column).number(row), column + " row " + row);
            }
        }
    }

    @Test
    void lassoNodesOfAPipelineOnSparkRunTheirFoldsAsJobsNamedAfterTheNodeAndWriteTheLocalFiles() throws Exception {
        Path pipeline = temp.resolve("lasso.radflow");
        Files.writeString(pipeline, """
                <?xml version="1.0" encoding="UTF-8"?>
                <radflow:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:radflow="http://radflow.io/pipeline/1.0" name="lasso on spark">
                  <nodes id="cohort" typeId="radflow.io.cohort" typeVersion="1.0.0">
                    <parameters key="manifest" value="builtin:demo"/>
                  </nodes>
                  <nodes id="firstorder" typeId="radflow.features.firstOrder" typeVersion="1.0.0">
                    <parameters key="image" value="portal"/>
                    <parameters key="label" value="2"/>
                  </nodes>
                  <nodes id="split" typeId="radflow.study.split" typeVersion="1.0.0">
                    <parameters key="method" value="random"/>
                    <parameters key="trainFraction" value="0.7"/>
                    <parameters key="stratify" value="mvi"/>
                    <parameters key="seed" value="7"/>
                  </nodes>
                  <nodes id="lasso" typeId="radflow.study.lasso" typeVersion="1.0.0">
                    <parameters key="outcomeType" value="binary"/>
                    <parameters key="outcome" value="mvi"/>
                    <parameters key="folds" value="5"/>
                    <parameters key="seed" value="11"/>
                  </nodes>
                  <nodes id="lassoCox" typeId="radflow.study.lasso" typeVersion="1.0.0">
                    <parameters key="outcomeType" value="survival"/>
                    <parameters key="time" value="time_months"/>
                    <parameters key="event" value="event"/>
                    <parameters key="folds" value="4"/>
                    <parameters key="seed" value="3"/>
                  </nodes>
                  <connections source="cohort" sourcePort="cohort" target="firstorder" targetPort="cohort"/>
                  <connections source="cohort" sourcePort="clinical" target="split" targetPort="table"/>
                  <connections source="firstorder" sourcePort="features" target="lasso" targetPort="features"/>
                  <connections source="split" sourcePort="table" target="lasso" targetPort="clinical"/>
                  <connections source="firstorder" sourcePort="features" target="lassoCox" targetPort="features"/>
                  <connections source="split" sourcePort="table" target="lassoCox" targetPort="clinical"/>
                </radflow:Pipeline>
                """);
        Path localOut = temp.resolve("local");
        RunResult localRun = local(pipeline, temp, localOut);
        assertEquals(RunStatus.SUCCEEDED, localRun.status(), localRun.nodes().toString());
        SparkPipelineRunner.SparkRunResult sparkRun = new SparkPipelineRunner(spark, registry).run(pipeline,
                temp.resolve("spark"), new SparkPipelineRunner.Options(cache, null, false, null), RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, sparkRun.run().status(), sparkRun.run().nodes().toString());
        for (String node : List.of("lasso", "lassoCox")) {
            for (String port : List.of("cv", "path", "report", "features")) {
                assertSameFile(localOut.resolve(node).resolve(port + ".csv"), temp.resolve("spark").resolve(node).resolve(port + ".csv"));
            }
            List<String> modelFiles;
            try (var files = Files.list(localOut.resolve(node))) {
                modelFiles = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("model")).toList();
            }
            assertTrue(!modelFiles.isEmpty(), "the model is written");
            for (String file : modelFiles) {
                assertSameFile(localOut.resolve(node).resolve(file), temp.resolve("spark").resolve(node).resolve(file));
            }
        }
        assertTrue(jobDescriptions.contains("Radflow 'lasso on spark': lasso: 5 logistic cross-validation folds"),
                jobDescriptions.toString());
        assertTrue(jobDescriptions.contains("Radflow 'lasso on spark': lassoCox: 4 Cox cross-validation folds"),
                jobDescriptions.toString());
    }

    @Test
    void variantsOfTheDemoEqualSeparateLocalRunsAndShareThePerPatientPartWhenTheyCan() throws Exception {
        Path demo = repo.resolve("examples/demo.radflow");
        Path out = temp.resolve("compare");
        VariantComparison comparison = new VariantComparison(spark, registry);
        VariantComparison.Result result = comparison.run(VariantComparison.sweep(demo, "firstorder.binWidth=16,25"), out,
                VariantComparison.Options.defaults(cache), RunMonitor.NONE);
        assertEquals(2, result.perPatientRuns(), "binWidth changes the per-patient part");
        assertEquals(List.of("firstorder.binWidth=16", "firstorder.binWidth=25"),
                result.variants().stream().map(VariantComparison.VariantOutcome::name).toList());
        Table table = Table.readCsv(out.resolve("comparison.csv"));
        assertEquals(2, table.rowCount());
        for (int i = 0; i < 2; i++) {
            VariantComparison.VariantOutcome variant = result.variants().get(i);
            assertEquals(RunStatus.SUCCEEDED, variant.status(), variant.error());
            Path variantOut = out.resolve(i == 0 ? "firstorder.binWidth_16" : "firstorder.binWidth_25");
            Path localOut = temp.resolve("local-" + i);
            RunResult localRun = local(variantOut.resolve("pipeline.radflow"), demo.getParent(), localOut);
            assertEquals(RunStatus.SUCCEEDED, localRun.status());
            for (String file : List.of("firstorder/features.csv", "cox/table.csv", "split/groups.csv", "km/curves.json")) {
                assertSameFile(localOut.resolve(file), variantOut.resolve(file));
            }
            // the comparison row is the local run's metrics
            var metrics = VariantComparison.metrics(localRun);
            assertTrue(metrics.size() > 10, metrics.toString());
            assertEquals(metrics, variant.metrics());
            assertEquals(variant.name(), table.column("variant").text(i));
            assertEquals("SUCCEEDED", table.column("status").text(i));
            for (var metric : metrics.entrySet()) {
                assertEquals(metric.getValue(), table.column(metric.getKey()).number(i), 1e-12 * Math.abs(metric.getValue()),
                        metric.getKey());
            }
        }
        // binWidth changes only the binned features: Entropy differs, Mean does not
        String entropy = "cox.table[original_firstorder_Entropy].coef";
        String mean = "cox.table[original_firstorder_Mean].coef";
        assertTrue(table.column(entropy).number(0) != table.column(entropy).number(1), entropy);
        assertEquals(table.column(mean).number(0), table.column(mean).number(1), mean);
        assertTrue(jobDescriptions.contains("Radflow compare: variant 'firstorder.binWidth=16': cohort-level nodes"),
                jobDescriptions.toString());
    }

    @Test
    void aFailedVariantTaskIsReportedAndTheOtherVariantCompletesOnOneSharedPerPatientRun() throws Exception {
        Path demo = repo.resolve("examples/demo.radflow");
        Path out = temp.resolve("compare");
        VariantComparison.Result result = new VariantComparison(spark, registry).run(
                VariantComparison.sweep(demo, "cox.ties=breslow,efron"), out,
                new VariantComparison.Options(cache, null, 2000, "cox.ties=breslow"), RunMonitor.NONE);
        assertEquals(1, result.perPatientRuns(), "a cohort-level parameter: one per-patient run for both variants");
        VariantComparison.VariantOutcome failed = result.variants().get(0);
        VariantComparison.VariantOutcome efron = result.variants().get(1);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("simulated executor failure in variant cox.ties=breslow"), failed.error());
        assertEquals(RunStatus.SUCCEEDED, efron.status(), efron.error());
        assertNull(efron.error());
        // efron is the demo's own setting: its outputs are the demo's
        Path localOut = temp.resolve("local");
        local(demo, demo.getParent(), localOut);
        for (String file : List.of("firstorder/features.csv", "cox/table.csv", "km/curves.json")) {
            assertSameFile(localOut.resolve(file), out.resolve("cox.ties_efron").resolve(file));
        }
        Table table = Table.readCsv(out.resolve("comparison.csv"));
        assertEquals("FAILED", table.column("status").text(0));
        assertTrue(table.column("error").text(0).contains("simulated executor failure"));
        assertTrue(Files.readString(out.resolve("comparison.md")).contains("| cox.ties=breslow | FAILED |"));
    }

    @Test
    void theCommandLinePrintsPatientProgressUpToTheTotal() throws Exception {
        int patients = 16;
        new DemoCohortGenerator(DemoCohortGenerator.DEFAULT_SEED, patients).write(temp.resolve("cohort"));
        Path pipeline = temp.resolve("features.radflow");
        Files.writeString(pipeline, """
                <?xml version="1.0" encoding="UTF-8"?>
                <radflow:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:radflow="http://radflow.io/pipeline/1.0" name="progress">
                  <nodes id="cohort" typeId="radflow.io.cohort" typeVersion="1.0.0">
                    <parameters key="manifest" value="cohort/cohort.csv"/>
                  </nodes>
                  <nodes id="firstorder" typeId="radflow.features.firstOrder" typeVersion="1.0.0">
                    <parameters key="image" value="portal"/>
                    <parameters key="label" value="2"/>
                  </nodes>
                  <nodes id="glcm" typeId="radflow.features.glcm" typeVersion="1.0.0">
                    <parameters key="image" value="portal"/>
                    <parameters key="label" value="2"/>
                  </nodes>
                  <connections source="cohort" sourcePort="cohort" target="firstorder" targetPort="cohort"/>
                  <connections source="cohort" sourcePort="cohort" target="glcm" targetPort="cohort"/>
                </radflow:Pipeline>
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RadflowSpark.execute(new String[] {"run", pipeline.toString(), "--out", temp.resolve("out").toString(),
                "--cache", cache.toString(), "--no-parquet", "--progress-every", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, log);
        Matcher m = Pattern.compile("patients (\\d+)/(\\d+) done \\(\\d+ from checkpoints, \\d+ with failures\\), [0-9.]+ patients/s")
                .matcher(log);
        List<Integer> done = new ArrayList<>();
        while (m.find()) {
            assertEquals(patients, Integer.parseInt(m.group(2)), m.group());
            done.add(Integer.parseInt(m.group(1)));
        }
        assertTrue(done.size() >= 2, "progress lines while the patients run and at the end:\n" + log);
        for (int i = 1; i < done.size(); i++) {
            assertTrue(done.get(i) >= done.get(i - 1), "done counts never go down: " + done);
        }
        assertTrue(done.get(0) < patients, "a line before the end: " + done);
        assertEquals(patients, done.get(done.size() - 1), "the last line counts every patient: " + done);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("features.radflow: SUCCEEDED; " + patients + " patients") && summary.contains("patients/s"),
                summary);
        assertTrue(jobDescriptions.stream().anyMatch(d -> d.equals("Radflow 'progress': per-patient nodes [firstorder, glcm] on "
                + patients + " patients")), jobDescriptions.toString());
        assertSame(spark, SparkSession.getDefaultSession().get(), "the command leaves the caller's Spark session running");
    }
}
