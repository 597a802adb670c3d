package io.radflow.pipeline.engine;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.io.AtomicFiles;
import io.radflow.core.io.Json;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortType;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFormatException;
import io.radflow.pipeline.model.io.PipelineYaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A pipeline with the trained state of its {@link TrainedNode}s, as carried by a {@link PipelineBundle}: what another
 * lab needs to apply a trained Rad-score, model or nomogram to its own cohort ({@code radflow-cli apply}).
 *
 * <p>The trained state of node {@code n} is one file per state output port {@code p}, bundle entry
 * {@code models/<n>/<p>.<ext>}: the file the training run wrote for that output ({@code <run>/<n>/<p>.csv} for a table,
 * {@code .json} for a {@code radflow.model}), read back by the port type. {@link #stateFiles} collects them from a run
 * folder, {@link #open} reads them from a verified bundle, {@link #apply} runs the pipeline with them
 * ({@link PipelineExecutor#apply}) and gathers the predictions.
 */
public final class TrainedPipeline {

    /** File name of the gathered predictions in the output folder of {@link #apply}. */
    public static final String PREDICTIONS_FILE = "predictions.csv";

    private final Pipeline pipeline;
    private final Map<String, Map<String, PortObject>> states;

    /** @param states trained state objects by node id, then output port */
    public TrainedPipeline(Pipeline pipeline, Map<String, Map<String, PortObject>> states) {
        this.pipeline = pipeline;
        Map<String, Map<String, PortObject>> copy = new LinkedHashMap<>();
        states.forEach((node, ports) -> copy.put(node, Map.copyOf(ports)));
        this.states = Map.copyOf(copy);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Map<String, Map<String, PortObject>> states() {
        return states;
    }

    /**
     * The bundle entries ({@code models/<node id>/<port>.<ext>}) with the trained state of every {@link TrainedNode}
     * of {@code pipeline}, taken from the output folder of a finished run of it.
     *
     * @throws IOException naming the run folder, node and output when the run did not finish or a state file is
     *         missing or unreadable
     */
    public static Map<String, byte[]> stateFiles(Pipeline pipeline, NodeTypeRegistry registry, Path runFolder)
            throws IOException {
        Path manifest = runFolder.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(runFolder + " is not a run output folder (no manifest.json); run the pipeline with"
                    + " --out " + runFolder + " first");
        }
        Map<?, ?> root = Json.parse(Files.readString(manifest, StandardCharsets.UTF_8)) instanceof Map<?, ?> m ? m : Map.of();
        Object status = root.get("status");
        if (!RunStatus.SUCCEEDED.name().equals(status)
                && !RunStatus.COMPLETED_WITH_PATIENT_FAILURES.name().equals(status)) {
            throw new IOException(manifest + ": the run " + (status == null ? "has no status" : "ended " + status)
                    + "; trained models are taken from a finished run only");
        }
        Map<Object, Map<?, ?>> ran = new LinkedHashMap<>();
        if (root.get("nodes") instanceof List<?> nodes) {
            nodes.stream().filter(Map.class::isInstance).map(n -> (Map<?, ?>) n).forEach(n -> ran.put(n.get("id"), n));
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Node node : pipeline.getNodes()) {
            NodeType type = nodeType(registry, node);
            TrainedNode trained = trainedNode(type);
            if (trained == null || trained.stateOutputs().isEmpty()) {
                continue;
            }
            Map<?, ?> record = ran.get(node.getId());
            String where = manifest + ": node '" + node.getId() + "' (" + type.id() + ")";
            if (record == null || !type.id().equals(record.get("type"))) {
                throw new IOException(where + " is not in the run; was the run made with this pipeline?");
            }
            if (!NodeStatus.SUCCEEDED.name().equals(record.get("status"))) {
                throw new IOException(where + " did not succeed in the run (" + record.get("status") + ")");
            }
            Map<String, String> parameters = new TreeMap<>(NodeCacheKeys.resolved(node, type).asMap());
            if (!parameters.equals(record.get("parameters"))) {
                throw new IOException(where + " ran with parameters " + record.get("parameters") + ", the pipeline has "
                        + parameters + "; run the pipeline again");
            }
            for (String port : trained.stateOutputs()) {
                Path state = stateFile(record, port, portType(registry, type, port), runFolder, where);
                files.put(PipelineBundle.MODELS + node.getId() + "/" + state.getFileName(), Files.readAllBytes(state));
            }
        }
        return files;
    }

    /** The file of output {@code port} in a node's manifest record that the port type reads; checked by SHA-256. */
    private static Path stateFile(Map<?, ?> record, String port, PortType portType, Path runFolder, String where)
            throws IOException {
        List<?> outputs = record.get("outputs") instanceof List<?> l ? l : List.of();
        for (Object o : outputs) {
            if (!(o instanceof Map<?, ?> output) || !port.equals(output.get("port"))
                    || !(output.get("files") instanceof List<?> written)) {
                continue;
            }
            for (Object w : written) {
                Map<?, ?> file = (Map<?, ?>) w;
                Path path = runFolder.resolve(String.valueOf(file.get("path")));
                if (!Files.isRegularFile(path) || !AtomicFiles.sha256(path).equals(file.get("sha256"))) {
                    throw new IOException(where + ": " + path + " is missing or changed since the run (SHA-256 differs"
                            + " from the run manifest)");
                }
                try {
                    portType.read(path);
                    return path;
                } catch (IOException | RuntimeException unreadable) {
                    // another file of the same output, e.g. the model's formula text
                }
            }
        }
        throw new IOException(where + ": the run wrote no readable file for output '" + port + "'");
    }

    /**
     * Reads a bundle after {@link PipelineBundle#verify verifying} it: the pipeline (migrated to the installed node
     * type versions) and the trained state of every {@link TrainedNode}.
     *
     * @throws IOException listing every problem (checksum mismatch naming the entry, missing node type naming node and
     *         type, missing or unreadable trained state naming the entry); nothing is written
     */
    public static TrainedPipeline open(Path zip, NodeTypeRegistry registry) throws IOException {
        PipelineBundle.Report report = PipelineBundle.verify(zip, registry);
        if (!report.ok()) {
            throw new IOException(zip.getFileName() + " cannot be applied: " + String.join("; ", report.errors()));
        }
        Map<String, byte[]> entries = PipelineBundle.read(zip, new ArrayList<>());
        Pipeline pipeline;
        try {
            pipeline = PipelineYaml.fromYaml(new String(entries.get(PipelineBundle.PIPELINE), StandardCharsets.UTF_8),
                    zip.getFileName() + "!" + PipelineBundle.PIPELINE);
        } catch (PipelineFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        new PipelineMigration(registry).migrate(pipeline);
        List<String> errors = new ArrayList<>();
        Map<String, Map<String, PortObject>> states = new LinkedHashMap<>();
        Path temp = Files.createTempDirectory("radflow-apply-");
        try {
            for (Node node : pipeline.getNodes()) {
                NodeType type = nodeType(registry, node);
                TrainedNode trained = trainedNode(type);
                if (trained == null) {
                    continue;
                }
                Map<String, PortObject> state = new LinkedHashMap<>();
                for (String port : trained.stateOutputs()) {
                    String prefix = PipelineBundle.MODELS + node.getId() + "/" + port + ".";
                    List<String> names = entries.keySet().stream()
                            .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0).toList();
                    if (names.size() != 1) {
                        errors.add(zip.getFileName() + ": " + (names.isEmpty() ? "no" : names.size()) + " entries " + prefix
                                + "* for the trained state '" + port + "' of node '" + node.getId() + "' (" + type.id()
                                + "); make the bundle with `radflow-cli bundle create --trained RUN_DIR`");
                        continue;
                    }
                    Path file = temp.resolve(node.getId() + "-" + names.get(0).substring(prefix.length() - port.length() - 1));
                    Files.write(file, entries.get(names.get(0)));
                    try {
                        state.put(port, portType(registry, type, port).read(file));
                    } catch (IOException | RuntimeException e) {
                        errors.add(zip.getFileName() + ": " + names.get(0) + " is not a readable trained state: "
                                + e.getMessage());
                    }
                }
                states.put(node.getId(), state);
            }
        } finally {
            try (Stream<Path> files = Files.list(temp)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(temp);
        }
        if (!errors.isEmpty()) {
            throw new IOException(zip.getFileName() + " cannot be applied: " + String.join("; ", errors));
        }
        return new TrainedPipeline(pipeline, states);
    }

    /**
     * The result of {@link #apply}.
     *
     * @param run         the run (status, node records, patient failures, manifest)
     * @param predictions the gathered predictions ({@link #predictions})
     * @param file        where they were written, or {@code null} when the run kept results in memory
     */
    public record Applied(RunResult run, Table predictions, Path file) {
    }

    /**
     * Runs the pipeline with the trained states ({@link PipelineExecutor#apply}) and writes {@value #PREDICTIONS_FILE}
     * beside the run manifest.
     */
    public Applied apply(NodeTypeRegistry registry, RunOptions options, RunMonitor monitor)
            throws PipelineValidationException, IOException {
        RunResult run = new PipelineExecutor(registry).apply(pipeline, states, options, monitor);
        Table predictions = predictions(registry, run.nodes());
        Path file = null;
        if (options.outputDirectory() != null) {
            file = options.outputDirectory().resolve(PREDICTIONS_FILE);
            predictions.writeCsv(file);
        }
        return new Applied(run, predictions, file);
    }

    /**
     * The prediction outputs of the succeeded nodes joined by {@value Cohort#PATIENT_ID} (patients in order of first
     * appearance): every column but {@value Cohort#PATIENT_ID} and {@code Set}, named {@code <node id>.<column>}, e.g.
     * {@code radscore.radscore}, {@code combined.probability}, {@code riskGroups.group}. Cells of a patient a node did
     * not score are empty.
     */
    public static Table predictions(NodeTypeRegistry registry, List<NodeRunRecord> records) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<Table> tables = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (NodeRunRecord record : records) {
            TrainedNode trained = registry.nodeType(record.typeId()).map(TrainedPipeline::trainedNode).orElse(null);
            if (record.status() != NodeStatus.SUCCEEDED || trained == null) {
                continue;
            }
            for (String port : trained.predictionOutputs()) {
                if (record.outputs().get(port) instanceof Table table && table.hasColumn(Cohort.PATIENT_ID)) {
                    tables.add(table);
                    prefixes.add(record.nodeId() + ".");
                    Column ids = table.column(Cohort.PATIENT_ID);
                    for (int r = 0; r < table.rowCount(); r++) {
                        rows.putIfAbsent(ids.text(r), rows.size());
                    }
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(Cohort.PATIENT_ID, rows.keySet().toArray(String[]::new)));
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            Column ids = table.column(Cohort.PATIENT_ID);
            for (Column c : table.columns()) {
                if (c.name().equals(Cohort.PATIENT_ID) || c.name().equals("Set")) {
                    continue;
                }
                double[] numbers = new double[rows.size()];
                String[] texts = new String[rows.size()];
                java.util.Arrays.fill(numbers, Double.NaN);
                java.util.Arrays.fill(texts, "");
                for (int r = 0; r < table.rowCount(); r++) {
                    int row = rows.get(ids.text(r));
                    if (c.isNumeric()) {
                        numbers[row] = c.number(r);
                    } else {
                        texts[row] = c.text(r);
                    }
                }
                String name = prefixes.get(t) + c.name();
                columns.add(c.isNumeric() ? Column.numeric(name, numbers) : Column.text(name, texts));
            }
        }
        return new Table(columns);
    }

    /** The implementation of {@code type} if it is a {@link TrainedNode}, else {@code null}. */
    static TrainedNode trainedNode(NodeType type) {
        NodeImplementation implementation;
        try {
            implementation = type.factory().create();
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("node type " + type.id() + " cannot be created: " + e.getMessage(), e);
        }
        return implementation instanceof TrainedNode trained ? trained : null;
    }

    private static NodeType nodeType(NodeTypeRegistry registry, Node node) throws IOException {
        return registry.nodeType(node.getTypeId()).orElseThrow(() -> new IOException("node '" + node.getId()
                + "' needs node type " + node.getTypeId() + " " + node.getTypeVersion() + ", which is not installed"));
    }

    private static PortType portType(NodeTypeRegistry registry, NodeType type, String port) throws IOException {
        String id = type.output(port).map(PortDescriptor::typeId).orElseThrow(() -> new IOException(type.id()
                + " names '" + port + "' as trained state but declares no such output"));
        PortType portType = registry.portType(id).map(PortTypeInfo::type).orElse(null);
        if (portType == null || !portType.canRead()) {
            throw new IOException("port type " + id + " of output '" + port + "' of " + type.id()
                    + " cannot be read from a file, so it cannot be a trained state");
        }
        return portType;
    }
}
