package io.radflow.cli;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeStatus;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PatientFailure;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.TrainedPipeline;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.PipelineFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "apply", description = {"Apply a trained-model bundle (bundle create --trained) to a cohort: verifies "
        + "the bundle, runs the per-patient part of its pipeline on the cohort, scores it with the stored scalers, "
        + "selections, models and cut-points (nothing is fitted) and writes predictions.csv, the node outputs and "
        + "manifest.json to the output folder."})
final class ApplyCommand implements Callable<Integer> {

    /** Node type whose {@value #MANIFEST} parameter names the cohort. */
    static final String COHORT_NODE_TYPE = "radflow.io.cohort";
    static final String MANIFEST = "manifest";
    /** File name of the manifest merged with {@code --clinical} in the output folder. */
    static final String MERGED_MANIFEST = "cohort-manifest.csv";

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "BUNDLE.zip")
    private Path zip;

    @Option(names = "--cohort", required = true, paramLabel = "MANIFEST",
            description = "The cohort to score: a cohort manifest CSV, or builtin:demo.")
    private String cohort;

    @Option(names = "--clinical", paramLabel = "CSV", description = "Clinical columns (by PatientID) to use instead of "
            + "those of the --cohort manifest; the merged manifest is written to DIR/" + MERGED_MANIFEST + ".")
    private Path clinical;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output folder; it must not exist or be empty.")
    private Path output;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $RADFLOW_CACHE or ~/.cache/radflow).")
    private Path cache;

    @Option(names = {"-q", "--quiet"}, description = "Print only one line per node.")
    private boolean quiet;

    @Override
    public Integer call() {
        NodeTypeRegistry registry = cli.registry.get();
        TrainedPipeline trained;
        try {
            if (Files.isDirectory(output)) {
                try (Stream<Path> files = Files.list(output)) {
                    if (files.findAny().isPresent()) {
                        cli.err.println("radflow-cli: output folder " + output + " is not empty; nothing is overwritten");
                        return ExitCodes.INVALID;
                    }
                }
            }
            trained = TrainedPipeline.open(zip, registry);
        } catch (IOException e) {
            cli.err.println("radflow-cli: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        List<Node> cohortNodes = trained.pipeline().getNodes().stream()
                .filter(n -> COHORT_NODE_TYPE.equals(n.getTypeId())).toList();
        if (cohortNodes.isEmpty()) {
            cli.err.println("radflow-cli: the pipeline of " + zip + " has no cohort node (" + COHORT_NODE_TYPE
                    + ") to point at --cohort");
            return ExitCodes.INVALID;
        }
        String manifest;
        try {
            manifest = clinical != null ? withClinical(cohort).toString()
                    : cohort.startsWith("builtin:") ? cohort : Path.of(cohort).toAbsolutePath().toString();
        } catch (IOException e) {
            cli.err.println("radflow-cli: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        cohortNodes.forEach(n -> setParameter(n, MANIFEST, manifest));
        ConsoleMonitor monitor = new ConsoleMonitor(cli.out, quiet);
        try (CancelOnShutdown cancel = new CancelOnShutdown(monitor)) {
            TrainedPipeline.Applied applied = trained.apply(registry, new RunOptions(Path.of("").toAbsolutePath(),
                    cache != null ? cache : PipelineSource.defaultCache(), output, zip), monitor);
            for (NodeRunRecord node : applied.run().nodes()) {
                if (node.status() == NodeStatus.FAILED) {
                    cli.err.println("radflow-cli: node " + node.nodeId() + " (" + node.typeId() + ") failed: " + node.error());
                }
            }
            for (PatientFailure failure : applied.run().patientFailures()) {
                cli.err.println("radflow-cli: " + failure);
            }
            cli.out.println("Apply " + applied.run().status() + "; predictions of " + applied.predictions().rowCount()
                    + " patients in " + applied.file().toAbsolutePath());
            return ExitCodes.of(applied.run().status());
        } catch (PipelineValidationException | IllegalArgumentException e) {
            cli.err.println("radflow-cli: " + zip + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IOException e) {
            cli.err.println("radflow-cli: cannot write outputs: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
    }

    /**
     * Writes {@value #MERGED_MANIFEST} into the output folder: the file columns of {@code manifest} (absolute paths)
     * and the columns of {@link #clinical} matched by PatientID (empty cells for patients it lacks).
     */
    private Path withClinical(String manifest) throws IOException {
        if (manifest.startsWith("builtin:")) {
            throw new IOException("--clinical needs --cohort MANIFEST (a manifest CSV), not " + manifest);
        }
        Cohort images = Cohort.read(Path.of(manifest));
        Table table = Table.readCsv(clinical);
        if (!table.hasColumn(Cohort.PATIENT_ID)) {
            throw new IOException(clinical + ": no '" + Cohort.PATIENT_ID + "' column (columns: " + table.columnNames() + ")");
        }
        Map<String, Integer> rows = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (rows.put(table.column(Cohort.PATIENT_ID).text(r), r) != null) {
                throw new IOException(clinical + ": patient " + table.column(Cohort.PATIENT_ID).text(r) + " appears twice");
            }
        }
        List<Cohort.Patient> patients = images.patients();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(Cohort.PATIENT_ID, patients.stream().map(Cohort.Patient::id).toArray(String[]::new)));
        for (String name : images.fileColumns()) {
            if (table.hasColumn(name)) {
                throw new IOException(clinical + ": column '" + name + "' is an image column of " + manifest);
            }
            columns.add(Column.text(name, patients.stream().map(p -> p.files().containsKey(name)
                    ? p.files().get(name).toAbsolutePath().toString() : "").toArray(String[]::new)));
        }
        for (Column c : table.columns()) {
            if (c.name().equals(Cohort.PATIENT_ID)) {
                continue;
            }
            double[] numbers = new double[patients.size()];
            String[] texts = new String[patients.size()];
            for (int i = 0; i < patients.size(); i++) {
                Integer r = rows.get(patients.get(i).id());
                numbers[i] = r == null || !c.isNumeric() ? Double.NaN : c.number(r);
                texts[i] = r == null ? "" : c.text(r);
            }
            columns.add(c.isNumeric() ? Column.numeric(c.name(), numbers) : Column.text(c.name(), texts));
        }
        Files.createDirectories(output);
        Path merged = output.resolve(MERGED_MANIFEST).toAbsolutePath();
        new Table(columns).writeCsv(merged);
        return merged;
    }

    private static void setParameter(Node node, String key, String value) {
        for (Parameter p : node.getParameters()) {
            if (key.equals(p.getKey())) {
                p.setValue(value);
                return;
            }
        }
        Parameter p = PipelineFactory.eINSTANCE.createParameter();
        p.setKey(key);
        p.setValue(value);
        node.getParameters().add(p);
    }
}
