package io.radflow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;
import io.radflow.demo.DemoCohortGenerator;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark runner on {@code local[2]} against the engine's local run of the same file: identical
 * output files, checkpoints that make a re-run skip finished patients, and bad patients (corrupt
 * image, missing file, failed executor task) that leave the others intact.
 */
class SparkRunnerTest {

    static SparkSession spark;
    static NodeTypeRegistry registry;
    static Path repo;
    static Path cache;

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("radflow-spark tests")
                .config("spark.ui.enabled", "false").getOrCreate();
        registry = ClasspathNodeRegistry.load(SparkRunnerTest.class.getClassLoader());
        repo = Path.of(System.getProperty("radflow.repo.root")).toRealPath();
        cache = Files.createDirectories(Path.of(System.getProperty("radflow.test.output")).resolve("cache"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private RunResult local(Path pipeline, Path out) throws Exception {
        return new PipelineExecutor(registry).execute(PipelineFiles.load(pipeline),
                new RunOptions(pipeline.getParent(), cache, out, pipeline), RunMonitor.NONE);
    }

    private SparkPipelineRunner.SparkRunResult spark(Path pipeline, Path out, String failingPatient) throws Exception {
        return new SparkPipelineRunner(spark, registry).run(pipeline, out,
                new SparkPipelineRunner.Options(cache, null, true, failingPatient), RunMonitor.NONE);
    }

    private static void assertSameFile(Path expected, Path actual) throws Exception {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual + " differs from " + expected);
    }

    @Test
    void demoOnSparkEqualsTheLocalRunToTheLastDigit() throws Exception {
        Path demo = repo.resolve("examples/demo.radflow");
        Path localOut = temp.resolve("local");
        Path sparkOut = temp.resolve("spark");
        RunResult localRun = local(demo, localOut);
        assertEquals(RunStatus.SUCCEEDED, localRun.status(), localRun.nodes().toString());
        SparkPipelineRunner.SparkRunResult sparkRun = spark(demo, sparkOut, null);
        assertEquals(RunStatus.SUCCEEDED, sparkRun.run().status(), sparkRun.run().nodes().toString());
        assertEquals(60, sparkRun.patients());
        assertEquals(0, sparkRun.fromCheckpoints());

        // features, clinical data, Cox table, cut-point groups and Kaplan-Meier curves: byte for byte
        for (String file : List.of("firstorder/features.csv", "cohort/clinical.csv", "cohort/cohort.csv", "cox/table.csv",
                "split/groups.csv", "km/curves.json")) {
            assertSameFile(localOut.resolve(file), sparkOut.resolve(file));
        }
        Table features = Table.readCsv(sparkOut.resolve("firstorder/features.csv"));
        assertEquals(60, features.rowCount());

        // the same manifest: format, nodes with types, versions, contributors, parameters and statuses, inputs
        String localManifest = Files.readString(localOut.resolve("manifest.json"));
        String sparkManifest = Files.readString(sparkOut.resolve("manifest.json"));
        assertEquals(withoutRunSpecifics(localManifest), withoutRunSpecifics(sparkManifest));

        // Parquet: the same rows and columns
        Dataset<Row> parquet = spark.read().parquet(sparkOut.resolve("firstorder/features.parquet").toString());
        assertEquals(60, parquet.count());
        assertEquals(features.columnNames(), Arrays.asList(parquet.columns()));
        double entropy = parquet.filter("PatientID = 'P007'").first().getAs("original_firstorder_Entropy");
        assertEquals(features.column("original_firstorder_Entropy").number(features.findRow("PatientID", "P007")), entropy);

        // a re-run reads every patient from its checkpoint and writes the same results
        SparkPipelineRunner.SparkRunResult again = spark(demo, sparkOut, null);
        assertEquals(60, again.fromCheckpoints());
        assertSameFile(localOut.resolve("firstorder/features.csv"), sparkOut.resolve("firstorder/features.csv"));
        assertSameFile(localOut.resolve("km/curves.json"), sparkOut.resolve("km/curves.json"));
    }

    /**
     * The manifest without what differs between any two runs, local or not: times, durations and the
     * hash of the PDF figure (a PDF records its creation time).
     */
    private static String withoutRunSpecifics(String manifest) {
        return manifest.replaceAll("\"(startedAt|finishedAt)\": \"[^\"]*\"", "\"$1\": \"\"")
                .replaceAll("\"durationMillis\": \\d+", "\"durationMillis\": 0")
                .replaceAll("(\"path\": \"[^\"]*\\.pdf\",\\s*\"sha256\": )\"[0-9a-f]+\"", "$1\"\"")
                .replaceAll("\"sha256\": \"[0-9a-f]+\"(,\\s*\"path\": \"[^\"]*\\.pdf\")", "\"sha256\": \"\"$1"); // either key order
    }

    @Test
    void badPatientsAndAFailedTaskLeaveTheOthersIntactAndARerunCompletesOnlyWhatIsMissing() throws Exception {
        Path cohortDir = new DemoCohortGenerator(DemoCohortGenerator.DEFAULT_SEED, 8).write(temp.resolve("cohort")).getParent();
        byte[] image = Files.readAllBytes(cohortDir.resolve("P002_portal.nii.gz"));
        Files.write(cohortDir.resolve("P002_portal.nii.gz"), Arrays.copyOf(image, image.length / 3)); // corrupt
        Files.delete(cohortDir.resolve("P004_mask.nii.gz")); // listed in the manifest, missing on disk
        Path pipeline = temp.resolve("features.radflow");
        Files.writeString(pipeline, """
                <?xml version="1.0" encoding="UTF-8"?>
                <radflow:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:radflow="http://radflow.io/pipeline/1.0" name="bad patients">
                  <nodes id="cohort" typeId="radflow.io.cohort" typeVersion="1.0.0">
                    <parameters key="manifest" value="cohort/cohort.csv"/>
                  </nodes>
                  <nodes id="firstorder" typeId="radflow.features.firstOrder" typeVersion="1.0.0">
                    <parameters key="image" value="portal"/>
                    <parameters key="label" value="2"/>
                  </nodes>
                  <connections source="cohort" sourcePort="cohort" target="firstorder" targetPort="cohort"/>
                </radflow:Pipeline>
                """);
        Path localOut = temp.resolve("local");
        RunResult localRun = local(pipeline, localOut);
        assertEquals(RunStatus.COMPLETED_WITH_PATIENT_FAILURES, localRun.status());
        Table expected = Table.readCsv(localOut.resolve("firstorder/features.csv"));
        assertEquals(6, expected.rowCount(), "P002 and P004 fail locally");

        Path out = temp.resolve("spark");
        SparkPipelineRunner.SparkRunResult first = spark(pipeline, out, "P005");
        assertEquals(RunStatus.COMPLETED_WITH_PATIENT_FAILURES, first.run().status(), first.run().nodes().toString());
        List<String> failed = first.run().patientFailures().stream().map(f -> f.patientId()).distinct().toList();
        assertTrue(failed.containsAll(List.of("P002", "P004", "P005")), failed.toString());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"patient\": \"P005\"") && manifest.contains("simulated executor failure"), manifest);
        Table partial = Table.readCsv(out.resolve("firstorder/features.csv"));
        for (int row = 0; row < partial.rowCount(); row++) { // every patient that got through equals the local result
            String id = partial.column("PatientID").text(row);
            int at = expected.findRow("PatientID", id);
            for (String column : expected.columnNames()) {
                assertEquals(expected.column(column).text(at), partial.column(column).text(row), id + " " + column);
            }
        }
        assertEquals(8 - failed.size(), partial.rowCount());

        SparkPipelineRunner.SparkRunResult second = spark(pipeline, out, null);
        assertEquals(partial.rowCount(), second.fromCheckpoints(), "the second run computes only what is missing");
        assertEquals(RunStatus.COMPLETED_WITH_PATIENT_FAILURES, second.run().status());
        assertEquals(List.of("P002", "P004"), second.run().patientFailures().stream().map(f -> f.patientId()).distinct().toList());
        assertSameFile(localOut.resolve("firstorder/features.csv"), out.resolve("firstorder/features.csv"));
    }
}
