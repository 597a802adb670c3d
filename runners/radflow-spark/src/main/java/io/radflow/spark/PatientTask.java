package io.radflow.spark;

import io.radflow.core.data.Cohort;
import io.radflow.core.io.AtomicFiles;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeStatus;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PatientFailure;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelinePackage;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of one patient on an executor: the per-patient nodes of a {@link SegmentSpec} run by the
 * engine's own {@link PipelineExecutor} on a one-patient cohort, unless a checkpoint of the same
 * inputs exists. Plain Java (no Spark types), so it is the same code on every executor and in tests.
 *
 * <p><b>Checkpoints.</b> The key is the SHA-256 of the per-patient sub-pipeline (XMI), the node type
 * versions, the output folder, the patient's id and clinical row and the content (SHA-256) of each
 * of its files. A patient whose nodes all succeeded without patient failures is written to
 * {@code <checkpointDirectory>/<key>.bin} (Java serialisation of {@link PatientResult}, written
 * atomically); a re-run with unchanged inputs reads it instead of computing. Failed patients are
 * not checkpointed, so a re-run tries them again.
 */
public final class PatientTask {

    /** Changes whenever the checkpoint content changes meaning. */
    static final String CHECKPOINT_FORMAT = "radflow-spark-checkpoint/1";

    static {
        PipelinePackage.eINSTANCE.getClass(); // EMF package registration, once per JVM
    }

    private PatientTask() {
    }

    /** The node registry of this JVM, read once from the class path (immutable). */
    private static final class Registry {
        static final NodeTypeRegistry INSTANCE = ClasspathNodeRegistry.load(PatientTask.class.getClassLoader());
    }

    /** The node registry of this JVM (executor or driver), read once from the class path. */
    static NodeTypeRegistry registry() {
        return Registry.INSTANCE;
    }

    /**
     * The checkpointed result of one patient, or {@code null} when there is none (or it cannot be
     * read). The driver uses it for tasks that finished just before their Spark job was aborted.
     */
    public static PatientResult checkpointed(SegmentSpec spec, int index, PortData.CohortData patient) {
        try {
            String key = checkpointKey(spec, patient);
            Path checkpoint = checkpointFile(spec, key);
            if (checkpoint == null || !Files.isRegularFile(checkpoint)) {
                return null;
            }
            PatientResult stored = read(checkpoint);
            return new PatientResult(index, stored.patientId(), key, false, stored.outputs(), stored.failures(),
                    stored.nodeErrors(), stored.inputs(), 0);
        } catch (IOException | RuntimeException | ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Runs (or reads from a checkpoint) one patient. Node failures and patient failures come back in
     * the result; only a simulated executor failure ({@link SegmentSpec#failingPatient()}) throws.
     */
    public static PatientResult run(SegmentSpec spec, int index, PortData.CohortData patient) {
        String patientId = patient.patients().get(0).id();
        long start = System.nanoTime();
        String key;
        try {
            key = checkpointKey(spec, patient);
            Path checkpoint = checkpointFile(spec, key);
            if (checkpoint != null && Files.isRegularFile(checkpoint)) {
                PatientResult stored = read(checkpoint);
                return new PatientResult(index, patientId, key, true, stored.outputs(), stored.failures(),
                        stored.nodeErrors(), stored.inputs(), 0);
            }
        } catch (IOException | RuntimeException | ClassNotFoundException e) {
            return failed(spec, index, patientId, "cannot read its inputs or checkpoint: " + message(e));
        }
        if (patientId.equals(spec.failingPatient())) {
            throw new IllegalStateException("simulated executor failure while processing patient " + patientId);
        }
        try {
            PatientResult result = compute(spec, index, patient, key, start);
            Path checkpoint = checkpointFile(spec, key);
            if (checkpoint != null && result.complete()) {
                Files.createDirectories(checkpoint.getParent());
                AtomicFiles.write(checkpoint, out -> {
                    ObjectOutputStream objects = new ObjectOutputStream(out);
                    objects.writeObject(result);
                    objects.flush();
                });
            }
            return result;
        } catch (IOException | RuntimeException e) {
            return failed(spec, index, patientId, message(e));
        }
    }

    private static PatientResult compute(SegmentSpec spec, int index, PortData.CohortData patient, String key, long start)
            throws IOException {
        List<String> inputs = Collections.synchronizedList(new ArrayList<>());
        Pipeline sub = PipelineFiles.fromXmiString(spec.subPipelineXmi(), spec.pipelineName());
        NodeTypeRegistry registry = registryFor(spec, sub, patient, inputs);
        RunOptions options = new RunOptions(path(spec.baseDirectory()), path(spec.cacheDirectory()), null);
        RunResult run;
        try {
            run = new PipelineExecutor(registry).execute(sub, options, RunMonitor.NONE);
        } catch (io.radflow.pipeline.engine.PipelineValidationException e) {
            throw new IllegalStateException("the per-patient part of the pipeline is invalid: " + e.getMessage(), e);
        }
        Map<String, Map<String, PortData>> outputs = new LinkedHashMap<>();
        Map<String, String> nodeErrors = new LinkedHashMap<>();
        for (String nodeId : spec.nodeIds()) {
            NodeRunRecord record = run.node(nodeId).orElseThrow();
            if (record.status() == NodeStatus.SUCCEEDED) {
                Map<String, PortData> ports = new LinkedHashMap<>();
                record.outputs().forEach((port, object) -> ports.put(port, PortData.of(object)));
                outputs.put(nodeId, ports);
            } else if (record.status() != NodeStatus.SKIPPED) {
                nodeErrors.put(nodeId, record.error());
            }
        }
        List<PatientResult.Failure> failures = new ArrayList<>();
        for (PatientFailure f : run.patientFailures()) {
            failures.add(new PatientResult.Failure(f.nodeId(), f.patientId(), f.field(), f.message()));
        }
        return new PatientResult(index, patient.patients().get(0).id(), key, false, outputs, failures, nodeErrors,
                inputs, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The registry of the sub-pipeline: each per-patient node gets a type of its own (a copy of its
     * type whose context is redirected, see {@link Redirected}), and the source offers the patient.
     */
    private static NodeTypeRegistry registryFor(SegmentSpec spec, Pipeline sub, PortData.CohortData patient, List<String> inputs) {
        NodeTypeRegistry base = Registry.INSTANCE;
        List<NodeType> types = new ArrayList<>();
        for (Node node : sub.getNodes()) {
            NodeType type = base.nodeType(node.getTypeId()).orElse(null);
            if (type == null) {
                continue; // the source, or an unknown type that validation reports
            }
            String nodeId = node.getId();
            node.setTypeId("radflow.spark.node." + nodeId);
            types.add(new NodeType(node.getTypeId(), type.version(), type.label(), type.category(), type.description(),
                    type.inputs(), type.outputs(), type.parameters(), type.deprecated(), type.contributor(),
                    () -> new Redirected(type.factory().create(), nodeId, spec, inputs)));
        }
        Cohort cohort = patient.toCohort();
        List<PortDescriptor> outputs = new ArrayList<>();
        spec.sourceOutputs().forEach((name, typeId) -> outputs.add(new PortDescriptor(name, typeId, name, false)));
        NodeImplementation source = (in, parameters, context) -> {
            Map<String, PortObject> out = new LinkedHashMap<>();
            spec.sourceOutputs().forEach((name, typeId) -> out.put(name, switch (typeId) {
                case PortTypes.COHORT -> cohort;
                case PortTypes.TABLE -> cohort.clinical();
                default -> throw new IllegalStateException("cohort source output '" + name + "' of type " + typeId
                        + " cannot be split by patient");
            }));
            return out;
        };
        types.add(new NodeType(PerPatientPlan.PATIENT_SOURCE_TYPE, "1.0.0", "One patient", "Spark", null, List.of(), outputs,
                List.of(), false, "radflow-spark", () -> source));
        return new NodeTypeRegistry(types, base.portTypes(), base.problems());
    }

    /**
     * A node whose context records inputs into the patient's result and writes work files where a
     * local run with the same output folder writes them ({@code <out>/<node>/files}).
     */
    private record Redirected(NodeImplementation node, String nodeId, SegmentSpec spec, List<String> inputs)
            implements NodeImplementation {
        @Override
        public void validate(Parameters parameters) {
            node.validate(parameters);
        }

        @Override
        public Map<String, PortObject> execute(NodeInputs in, Parameters parameters, ExecutionContext context)
                throws NodeExecutionException, CanceledExecutionException {
            ExecutionContext redirected = new ForwardingContext(context) {
                @Override
                public void recordInput(Path file) {
                    inputs.add(file.toAbsolutePath().normalize().toString());
                }

                @Override
                public Path workDirectory() throws IOException {
                    return spec.outputDirectory() == null ? context.workDirectory()
                            : Files.createDirectories(Path.of(spec.outputDirectory()).resolve(nodeId).resolve("files"));
                }
            };
            return node.execute(in, parameters, redirected);
        }
    }

    static String checkpointKey(SegmentSpec spec, PortData.CohortData patient) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder text = new StringBuilder(CHECKPOINT_FORMAT).append('\n').append(spec.subPipelineXmi()).append('\n');
        for (String nodeId : spec.nodeIds()) {
            text.append("node ").append(nodeId).append('\n');
        }
        Registry.INSTANCE.nodeTypes().stream().filter(t -> spec.subPipelineXmi().contains("typeId=\"" + t.id() + "\""))
                .forEach(t -> text.append("type ").append(t.id()).append(' ').append(t.version()).append('\n'));
        text.append("out ").append(spec.outputDirectory()).append('\n');
        PortData.PatientData p = patient.patients().get(0);
        text.append("patient ").append(p.id()).append('\n');
        for (PortData.ColumnData column : patient.clinical().columns()) {
            text.append("clinical ").append(column.name()).append('=').append(column.text(0)).append('\n');
        }
        for (Map.Entry<String, String> file : p.files().entrySet()) {
            Path path = Path.of(file.getValue());
            text.append("file ").append(file.getKey()).append(' ').append(file.getValue()).append(' ')
                    .append(Files.isRegularFile(path) ? AtomicFiles.sha256(path) : "missing").append('\n');
        }
        return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Path checkpointFile(SegmentSpec spec, String key) {
        return spec.checkpointDirectory() == null ? null : Path.of(spec.checkpointDirectory()).resolve(key + ".bin");
    }

    private static PatientResult read(Path file) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return (PatientResult) in.readObject();
        }
    }

    /** A patient whose task failed before or around the nodes: one failure, on the first per-patient node. */
    static PatientResult failed(SegmentSpec spec, int index, String patientId, String message) {
        return new PatientResult(index, patientId, null, false, Map.of(),
                List.of(new PatientResult.Failure(spec.nodeIds().get(0), patientId, "task", message)), Map.of(), List.of(), 0);
    }

    private static Path path(String path) {
        return path == null ? null : Path.of(path);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
