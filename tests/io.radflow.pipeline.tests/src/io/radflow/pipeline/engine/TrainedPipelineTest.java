package io.radflow.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.cli.ExitCodes;
import io.radflow.cli.RadflowCli;
import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.testsupport.TestOutput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trained-model bundles (issue 10): study 3 (z-score, ICC, univariate, pruning, LASSO, Rad-score, maxstat risk groups,
 * stepwise Cox, combined model, nomogram) is run on the demo cohort, bundled with {@code --trained}, and applied with
 * {@code radflow-cli apply} to a copy of the cohort in another folder. The predictions equal the training run's exactly,
 * also when the outcome columns are removed from the copy (nothing is fitted); a tampered model file, a missing node
 * type and a missing covariate column are reported naming the entry, node type or column.
 */
class TrainedPipelineTest {

    private static final String STUDY = "study3-ct-mri-nomogram";

    static NodeTypeRegistry registry;
    static Path root;
    static Path cache;
    static Path bundle;
    static RunResult training;
    static Path otherMachine;

    private String out;
    private String err;

    @BeforeAll
    static void trainAndBundle() throws Exception {
        registry = NodeTypeRegistry.fromPlatform();
        root = TestOutput.folder("trained-pipeline");
        cache = TestOutput.folder("cache");
        deleteTree(root);
        Files.createDirectories(cache);
        Path examples = Path.of(System.getProperty("radflow.repo.root"), "examples");
        Path xmi = examples.resolve(STUDY + ".radflow");
        Path run = root.resolve("run");
        training = new PipelineExecutor(registry).execute(PipelineFiles.load(xmi), new RunOptions(examples, cache, run, xmi),
                RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, training.status());
        bundle = root.resolve("study3-trained.zip");
        TrainedPipelineTest self = new TrainedPipelineTest();
        assertEquals(0, self.cli("bundle", "create", xmi.toString(), "-o", bundle.toString(), "--trained", run.toString()),
                self.err);
        otherMachine = root.resolve("other-machine/cohort");
        copyTree(cache.resolve("demo-cohort-v2"), otherMachine);
    }

    @Test
    void bundleCarriesTheTrainedStateOfEverySupervisedNode() throws Exception {
        Map<String, byte[]> entries = entries(bundle);
        for (String entry : List.of("models/zscore/scaler.csv", "models/icc/report.csv", "models/lasso/model.json",
                "models/lasso/report.csv", "models/riskGroups/cutpoint.csv", "models/stepwise/report.csv",
                "models/stepCox/model.json", "models/combined/model.json", "models/combined/coefficients.csv",
                "models/nomogram/points.csv")) {
            assertTrue(entries.containsKey(entry), entry + " in " + entries.keySet());
        }
        assertFalse(entries.containsKey("models/combined/model.txt"), "one state file per output");
        assertEquals(0, cli("bundle", "verify", bundle.toString()), err);
    }

    @Test
    void trainedStateOnlyFromARunOfTheSamePipeline() throws Exception {
        Path examples = Path.of(System.getProperty("radflow.repo.root"), "examples");
        Path changed = root.resolve("study3-changed.yaml");
        String yaml = Files.readString(examples.resolve(STUDY + ".yaml"));
        Files.writeString(changed, yaml.replace("times: '24,48,60'", "times: '12,24'"));
        assertEquals(2, cli("bundle", "create", changed.toString(), "-o", root.resolve("changed.zip").toString(),
                "--trained", root.resolve("run").toString()));
        assertTrue(err.contains("node 'nomogram' (radflow.study.nomogram) ran with parameters"), err);
        assertFalse(Files.exists(root.resolve("changed.zip")));
    }

    @Test
    void applyOnAnotherCopyOfTheCohortGivesIdenticalPredictions() throws Exception {
        Path output = root.resolve("apply-copy");
        assertEquals(0, cli("apply", bundle.toString(), "--cohort", otherMachine.resolve("cohort.csv").toString(),
                "-o", output.toString(), "--cache", cache.toString()), err);
        assertTrue(out.contains("Apply SUCCEEDED; predictions of "), out);
        Table expected = TrainedPipeline.predictions(registry, training.nodes());
        assertTrue(expected.columnNames().containsAll(List.of("radscore.radscore", "riskGroups.group", "combined.lp",
                "nomogram.total_points", "nomogram.survival_24", "stepCox.lp")), expected.columnNames().toString());
        Path expectedCsv = root.resolve("expected-predictions.csv");
        expected.writeCsv(expectedCsv);
        assertEquals(Table.readCsv(expectedCsv), Table.readCsv(output.resolve(TrainedPipeline.PREDICTIONS_FILE)));

        // The same in memory, node output by node output, double by double.
        TrainedPipeline trained = TrainedPipeline.open(bundle, registry);
        pointAt(trained.pipeline(), otherMachine.resolve("cohort.csv"));
        TrainedPipeline.Applied applied = trained.apply(registry, new RunOptions(root, cache, null, bundle), RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, applied.run().status());
        assertEquals(expected, applied.predictions());
        for (String node : List.of("radscore", "riskGroups", "stepCox", "combined", "nomogram")) {
            Table before = prediction(training, node);
            Table after = prediction(applied.run(), node);
            for (Column column : before.columns()) {
                if (!column.name().equals("Set")) {
                    assertEquals(column, after.column(column.name()), node + "." + column.name());
                }
            }
        }
        assertTrue(Files.readString(output.resolve("manifest.json")).contains(bundle.getFileName().toString()),
                "the run manifest records the bundle");
    }

    @Test
    void applyFitsNothingSoOutcomeColumnsAreNotNeeded() throws Exception {
        Path noOutcome = otherMachine.resolve("cohort-no-outcome.csv");
        Table manifest = Table.readCsv(otherMachine.resolve("cohort.csv"));
        List<Column> columns = new ArrayList<>();
        for (Column c : manifest.columns()) {
            if (c.name().equals("event")) {
                List<String> shuffled = new ArrayList<>();
                for (int r = 0; r < c.size(); r++) {
                    shuffled.add(c.text(r));
                }
                Collections.shuffle(shuffled, new Random(5));
                columns.add(Column.text("event", shuffled.toArray(String[]::new)));
            } else if (!List.of("time_months", "mvi", "grade").contains(c.name())) {
                columns.add(c);
            }
        }
        new Table(columns).writeCsv(noOutcome);
        Path output = root.resolve("apply-no-outcome");
        assertEquals(0, cli("apply", bundle.toString(), "--cohort", noOutcome.toString(), "-o", output.toString(),
                "--cache", cache.toString()), err);
        Path expectedCsv = root.resolve("expected-predictions-2.csv");
        TrainedPipeline.predictions(registry, training.nodes()).writeCsv(expectedCsv);
        assertEquals(Table.readCsv(expectedCsv), Table.readCsv(output.resolve(TrainedPipeline.PREDICTIONS_FILE)));
    }

    @Test
    void clinicalColumnsFromASeparateTable() throws Exception {
        Path full = otherMachine.resolve("cohort.csv");
        Table manifest = Table.readCsv(full);
        List<Column> columns = new ArrayList<>();
        columns.add(manifest.column("PatientID"));
        Cohort.read(full).fileColumns().forEach(name -> columns.add(manifest.column(name)));
        Path imagesOnly = otherMachine.resolve("cohort-images-only.csv");
        new Table(columns).writeCsv(imagesOnly);
        Path output = root.resolve("apply-clinical");
        assertEquals(0, cli("apply", bundle.toString(), "--cohort", imagesOnly.toString(), "--clinical",
                otherMachine.resolve("clinical.csv").toString(), "-o", output.toString(), "--cache", cache.toString()), err);
        Path expectedCsv = root.resolve("expected-predictions-3.csv");
        TrainedPipeline.predictions(registry, training.nodes()).writeCsv(expectedCsv);
        assertEquals(Table.readCsv(expectedCsv), Table.readCsv(output.resolve(TrainedPipeline.PREDICTIONS_FILE)));
        assertTrue(Files.exists(output.resolve("cohort-manifest.csv")));
    }

    @Test
    void tamperedModelFileIsNamedAndNothingIsWritten() throws Exception {
        Path tampered = root.resolve("tampered.zip");
        rewrite(bundle, tampered, Map.of("models/combined/model.json",
                text -> text.replaceFirst("\"coefficient\": ", "\"coefficient\": 1")), false);
        Path output = root.resolve("apply-tampered");
        assertEquals(2, cli("apply", tampered.toString(), "--cohort", "builtin:demo", "-o", output.toString(),
                "--cache", cache.toString()));
        assertTrue(err.contains("models/combined/model.json: SHA-256 mismatch"), err);
        assertFalse(Files.exists(output), "no output for a tampered bundle");
    }

    @Test
    void missingNodeTypeIsNamedWithItsNode() throws Exception {
        Path missing = root.resolve("missing-type.zip");
        rewrite(bundle, missing, Map.of("pipeline.yaml", text -> text.replace("type: radflow.study.nomogram",
                "type: org.example.betterNomogram")), true);
        Path output = root.resolve("apply-missing-type");
        assertEquals(2, cli("apply", missing.toString(), "--cohort", "builtin:demo", "-o", output.toString()));
        assertTrue(err.contains("node 'nomogram' needs node type org.example.betterNomogram 1.0.0, which is not installed"),
                err);
        assertFalse(Files.exists(output));
    }

    @Test
    void missingCovariateColumnIsNamed() throws Exception {
        Path cohort = otherMachine.resolve("cohort-no-size.csv");
        Table manifest = Table.readCsv(otherMachine.resolve("cohort.csv"));
        List<Column> columns = new ArrayList<>();
        for (Column c : manifest.columns()) {
            if (!c.name().equals("tumour_size_mm")) {
                columns.add(c);
            }
        }
        new Table(columns).writeCsv(cohort);
        Path output = root.resolve("apply-no-size");
        assertEquals(ExitCodes.RUN_FAILED, cli("apply", bundle.toString(), "--cohort", cohort.toString(), "-o",
                output.toString(), "--cache", cache.toString()));
        assertTrue(err.contains("node combined (radflow.study.combinedModel) failed: The model needs column"
                + " 'tumour_size_mm'"), err);
        assertNotEquals(0, Table.readCsv(output.resolve(TrainedPipeline.PREDICTIONS_FILE)).rowCount(),
                "the predictions that do not need the column are still written");
    }

    private static Table prediction(RunResult run, String node) {
        NodeRunRecord record = run.nodes().stream().filter(r -> r.nodeId().equals(node)).findFirst().orElseThrow();
        String port = record.outputs().containsKey("predictions") ? "predictions"
                : record.outputs().containsKey("groups") ? "groups" : "scores";
        PortObject object = record.outputs().get(port);
        return (Table) object;
    }

    private static void pointAt(Pipeline pipeline, Path manifest) {
        pipeline.getNodes().stream().filter(n -> n.getTypeId().equals("radflow.io.cohort"))
                .flatMap(n -> n.getParameters().stream()).filter(p -> p.getKey().equals("manifest"))
                .forEach(p -> p.setValue(manifest.toString()));
    }

    private int cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = RadflowCli.execute(args, () -> registry, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** A copy of {@code zip} with entries edited; {@code resum} recomputes SHA256SUMS so that only the edit matters. */
    private static void rewrite(Path zip, Path target, Map<String, Function<String, String>> edits, boolean resum)
            throws IOException {
        Map<String, byte[]> entries = entries(zip);
        edits.forEach((name, edit) -> {
            String before = new String(entries.get(name), StandardCharsets.UTF_8);
            String after = edit.apply(before);
            assertNotEquals(before, after, "edit of " + name);
            entries.put(name, after.getBytes(StandardCharsets.UTF_8));
        });
        if (resum) {
            StringBuilder sums = new StringBuilder();
            entries.forEach((name, bytes) -> {
                if (!name.equals(PipelineBundle.CHECKSUMS)) {
                    sums.append(PipelineBundle.sha256(bytes)).append("  ").append(name).append('\n');
                }
            });
            entries.put(PipelineBundle.CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
