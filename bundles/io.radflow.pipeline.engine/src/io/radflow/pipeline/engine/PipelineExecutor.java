package io.radflow.pipeline.engine;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ChainRunner;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a validated pipeline as a DAG in a deterministic topological order (ties broken by the node
 * order of the file). Each node gets its inputs from upstream outputs, its parameters resolved over
 * the declared defaults, and an {@link ExecutionContext} for progress, cancellation and per-patient
 * failures. A failing node fails only itself and what depends on it; a failing patient fails only
 * that patient. With an output folder, every output is written to {@code <out>/<nodeId>/<port>.*},
 * a {@code manifest.json} records inputs with hashes, node versions, parameters and timings, and
 * {@value #REPORT_FILE} shows all of it in one self-contained HTML file.
 *
 * <p>{@link #apply} runs a trained pipeline on a new cohort: the same nodes and code paths, except that nodes
 * implementing {@link TrainedNode} are given their stored trained state instead of fitting.
 */
public final class PipelineExecutor {

    /** File name of the HTML run report in the output folder. */
    public static final String REPORT_FILE = "report.html";

    private final NodeTypeRegistry registry;

    public PipelineExecutor(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Validates, then runs {@code pipeline}.
     *
     * @throws PipelineValidationException when validation finds errors (nothing runs)
     * @throws IOException when outputs or the manifest cannot be written
     */
    public RunResult execute(Pipeline pipeline, RunOptions options, RunMonitor monitor)
            throws PipelineValidationException, IOException {
        return execute(pipeline, options, monitor, null, null);
    }

    /**
     * Validates, then runs {@code pipeline} or a part of it, reusing cached results.
     *
     * @param cache   results of earlier runs by {@link NodeCacheKeys content key}: a node whose key is in
     *                the cache is not executed, its cached outputs are used (and written to the output
     *                folder); successful nodes are added. {@code null} runs every node.
     * @param targets run only these nodes and everything upstream of them; {@code null} or empty runs the
     *                whole pipeline. Validation errors of nodes outside this part do not stop the run.
     * @throws PipelineValidationException when validation finds errors in the part to run (nothing runs)
     * @throws IllegalArgumentException naming a target that is not a node of the pipeline
     * @throws IOException when outputs or the manifest cannot be written
     */
    public RunResult execute(Pipeline pipeline, RunOptions options, RunMonitor monitor, NodeResultCache cache,
            Collection<String> targets) throws PipelineValidationException, IOException {
        return run(pipeline, options, monitor, cache, targets, null);
    }

    /**
     * Applies a trained pipeline to the cohort its input nodes name (see {@link TrainedPipeline}): runs the nodes that
     * the {@link TrainedNode#predictionOutputs() predictions} depend on, as {@link #execute} does, except that every
     * {@link TrainedNode} runs {@link TrainedNode#apply} with its stored state, so nothing is fitted. Nodes the
     * predictions do not need (evaluation of outcomes) are not run. Nothing is cached.
     *
     * @param states the trained state by node id, then output port (a node that learns nothing needs none)
     * @throws IllegalArgumentException when the pipeline has no node with predictions
     * @throws PipelineValidationException when validation finds errors in the part to run (nothing runs)
     */
    public RunResult apply(Pipeline pipeline, Map<String, Map<String, PortObject>> states, RunOptions options,
            RunMonitor monitor) throws PipelineValidationException, IOException {
        List<String> targets = new ArrayList<>();
        for (Node node : pipeline.getNodes()) {
            TrainedNode trained = registry.nodeType(node.getTypeId()).map(TrainedPipeline::trainedNode).orElse(null);
            if (trained != null && !trained.predictionOutputs().isEmpty()) {
                targets.add(node.getId());
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("pipeline '" + pipeline.getName() + "' has no node with predictions (model,"
                    + " Rad-score, risk groups, nomogram): there is nothing to apply");
        }
        return run(pipeline, options, monitor, null, targets, Map.copyOf(states));
    }

    private RunResult run(Pipeline pipeline, RunOptions options, RunMonitor monitor, NodeResultCache cache,
            Collection<String> targets, Map<String, Map<String, PortObject>> states)
            throws PipelineValidationException, IOException {
        Set<String> scope = scope(pipeline, targets);
        List<ValidationProblem> problems = new PipelineValidator(registry).validate(pipeline).stream()
                .filter(p -> p.nodeId() == null || scope.contains(p.nodeId())).toList();
        List<ValidationProblem> errors = problems.stream().filter(ValidationProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new PipelineValidationException(pipeline.getName(), errors);
        }
        problems.forEach(p -> monitor.log(p.toString()));
        Instant started = Instant.now();
        List<Node> order = topologicalOrder(pipeline).stream().filter(n -> scope.contains(n.getId())).toList();
        Map<String, String> keys = cache == null ? Map.of() : NodeCacheKeys.compute(pipeline, registry, options.baseDirectory());
        Map<String, NodeRunRecord> records = new LinkedHashMap<>();
        Set<Path> inputs = Collections.synchronizedSet(new LinkedHashSet<>());
        boolean canceled = false;
        for (int index = 0; index < order.size(); index++) {
            Node node = order.get(index);
            NodeType type = registry.nodeType(node.getTypeId()).orElseThrow();
            Parameters parameters = NodeCacheKeys.resolved(node, type);
            String blocked = canceled || monitor.isCanceled() ? "canceled before it started" : upstreamProblem(pipeline, node, records);
            String key = keys.get(node.getId());
            NodeResultCache.Entry cached = blocked == null && key != null ? cache.get(key).orElse(null) : null;
            NodeRunRecord record;
            if (blocked != null) {
                NodeStatus status = blocked.startsWith("canceled") ? NodeStatus.CANCELED : NodeStatus.SKIPPED;
                record = record(node.getId(), type, parameters, status, 0, Map.of(), Map.of(), blocked, List.of());
            } else if (cached != null) {
                monitor.nodeStarted(node.getId(), index, order.size());
                Path folder = options.outputDirectory() == null ? null : options.outputDirectory().resolve(node.getId());
                Map<String, List<Path>> files = folder == null ? Map.of() : writeOutputs(folder, cached.outputs());
                record = record(node.getId(), type, parameters, NodeStatus.SUCCEEDED, 0, cached.outputs(), files, null,
                        cached.failuresFor(node.getId()));
                monitor.nodeReused(node.getId());
                monitor.log("Node " + node.getId() + ": result reused from the cache");
            } else {
                monitor.nodeStarted(node.getId(), index, order.size());
                record = runNode(pipeline, node, type, parameters, records, options, monitor, inputs,
                        states == null ? null : states.getOrDefault(node.getId(), Map.of()));
                canceled = record.status() == NodeStatus.CANCELED;
                if (key != null && record.status() == NodeStatus.SUCCEEDED) {
                    cache.put(key, new NodeResultCache.Entry(record.outputs(), record.patientFailures()));
                }
            }
            records.put(node.getId(), record);
            monitor.nodeFinished(record);
        }
        List<PatientFailure> failures = records.values().stream().flatMap(r -> r.patientFailures().stream()).toList();
        RunStatus status = canceled ? RunStatus.CANCELED
                : records.values().stream().anyMatch(r -> r.status() != NodeStatus.SUCCEEDED) ? RunStatus.FAILED
                : failures.isEmpty() ? RunStatus.SUCCEEDED : RunStatus.COMPLETED_WITH_PATIENT_FAILURES;
        Path manifest = null;
        if (options.outputDirectory() != null) {
            manifest = options.outputDirectory().resolve("manifest.json");
            RunManifest.write(manifest, pipeline, options, status, started, Instant.now(), new ArrayList<>(records.values()),
                    new ArrayList<>(inputs));
            RunReport.write(options.outputDirectory().resolve(REPORT_FILE), pipeline, status,
                    new ArrayList<>(records.values()), manifest);
        }
        return new RunResult(status, new ArrayList<>(records.values()), failures, manifest);
    }

    /** The nodes to run: all, or the targets and everything upstream of them. */
    private static Set<String> scope(Pipeline pipeline, Collection<String> targets) {
        Set<String> all = new LinkedHashSet<>();
        pipeline.getNodes().forEach(n -> all.add(n.getId()));
        if (targets == null || targets.isEmpty()) {
            return all;
        }
        Set<String> scope = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (String target : targets) {
            if (!all.contains(target)) {
                throw new IllegalArgumentException("cannot run up to node '" + target + "': pipeline '"
                        + pipeline.getName() + "' has no such node");
            }
            pending.add(target);
        }
        while (!pending.isEmpty()) {
            String id = pending.poll();
            if (scope.add(id)) {
                for (Connection c : pipeline.getConnections()) {
                    if (c.getTarget() != null && c.getSource() != null && id.equals(c.getTarget().getId())) {
                        pending.add(c.getSource().getId());
                    }
                }
            }
        }
        return scope;
    }

    /**
     * Runs one node type on given input objects (what {@code radflow-cli node} does): parameters are
     * checked against the descriptors, outputs are written to {@code options.outputDirectory()} when set.
     *
     * @throws IllegalArgumentException naming the unknown type, a bad parameter or a missing input
     */
    public NodeRunRecord executeSingle(String typeId, Map<String, PortObject> inputs, Map<String, String> values,
            RunOptions options, RunMonitor monitor) {
        NodeType type = registry.nodeType(typeId).orElseThrow(() -> new IllegalArgumentException(
                "unknown node type '" + typeId + "'; `radflow-cli list-nodes` shows the installed types"));
        for (String key : values.keySet()) {
            if (type.parameter(key).isEmpty()) {
                throw new IllegalArgumentException(typeId + " has no parameter '" + key + "' (parameters: "
                        + type.parameters().stream().map(p -> p.key()).toList() + ")");
            }
        }
        Parameters parameters = Parameters.resolve(type.id(), type.parameters(), values);
        for (var descriptor : type.parameters()) {
            String problem = descriptor.check(parameters.asMap().get(descriptor.key()));
            if (problem != null) {
                throw new IllegalArgumentException(typeId + ": " + problem);
            }
        }
        for (PortDescriptor port : type.inputs()) {
            PortObject object = inputs.get(port.name());
            if (object == null && !port.optional()) {
                throw new IllegalArgumentException(typeId + ": input '" + port.name() + "' (" + port.typeId() + ") is required");
            }
            if (object != null && !object.portTypeId().equals(port.typeId())) {
                throw new IllegalArgumentException(typeId + ": input '" + port.name() + "' needs " + port.typeId()
                        + ", got " + object.portTypeId());
            }
        }
        Set<Path> recorded = Collections.synchronizedSet(new LinkedHashSet<>());
        monitor.nodeStarted(type.id(), 0, 1);
        NodeRunRecord record = runNode(type.id(), type, parameters, inputs, options.outputDirectory(), options, monitor, recorded,
                null, null);
        monitor.nodeFinished(record);
        return record;
    }

    private NodeRunRecord runNode(Pipeline pipeline, Node node, NodeType type, Parameters parameters,
            Map<String, NodeRunRecord> records, RunOptions options, RunMonitor monitor, Set<Path> inputs,
            Map<String, PortObject> state) {
        Map<String, PortObject> in = new HashMap<>();
        for (Connection c : pipeline.getConnections()) {
            if (c.getTarget() == node) {
                in.put(c.getTargetPort(), records.get(c.getSource().getId()).outputs().get(c.getSourcePort()));
            }
        }
        Path folder = options.outputDirectory() == null ? null : options.outputDirectory().resolve(node.getId());
        ChainRunner chain = type.trainTest().refitsChain()
                ? PipelineChain.of(pipeline, node, type.trainTest())
                        .map(c -> new ChainExecution(pipeline, c, registry, records, options, monitor, node.getId()))
                        .orElse(null)
                : null;
        return runNode(node.getId(), type, parameters, in, folder, options, monitor, inputs, state, chain);
    }

    /**
     * Runs one node; its outputs are written to {@code outputFolder} unless it is {@code null}.
     *
     * @param state {@code null} to execute (fit) the node; else the node applies this trained state
     * @param chain the chain the node may refit, or {@code null}
     */
    private NodeRunRecord runNode(String nodeId, NodeType type, Parameters parameters, Map<String, PortObject> in,
            Path outputFolder, RunOptions options, RunMonitor monitor, Set<Path> inputs, Map<String, PortObject> state,
            ChainRunner chain) {
        List<PatientFailure> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutionContext context = new NodeContext(nodeId, options, monitor, failures, inputs, chain);
        long start = System.nanoTime();
        try {
            NodeImplementation implementation = type.factory().create();
            implementation.validate(parameters);
            Map<String, PortObject> outputs = state == null
                    ? implementation.execute(new NodeInputs(nodeId, in), parameters, context)
                    : applyState(nodeId, type, implementation, new NodeInputs(nodeId, in), state, parameters, context);
            checkOutputs(type, outputs);
            Map<String, List<Path>> files = outputFolder == null ? Map.of() : writeOutputs(outputFolder, outputs);
            monitor.progress(nodeId, 1.0, "done");
            return record(nodeId, type, parameters, NodeStatus.SUCCEEDED, elapsed(start), outputs, files, null, failures);
        } catch (CanceledExecutionException e) {
            return record(nodeId, type, parameters, NodeStatus.CANCELED, elapsed(start), Map.of(), Map.of(), e.getMessage(), failures);
        } catch (NodeExecutionException | IllegalArgumentException | IllegalStateException | IOException e) {
            monitor.log("Node " + nodeId + " failed: " + e.getMessage());
            return record(nodeId, type, parameters, NodeStatus.FAILED, elapsed(start), Map.of(), Map.of(), e.getMessage(), failures);
        } catch (Exception | LinkageError e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            monitor.log("Node " + nodeId + " failed unexpectedly: " + message);
            return record(nodeId, type, parameters, NodeStatus.FAILED, elapsed(start), Map.of(), Map.of(), message, failures);
        }
    }

    /** Runs a node of a trained pipeline: a {@link TrainedNode} with its state, any other node as in a run. */
    private static Map<String, PortObject> applyState(String nodeId, NodeType type, NodeImplementation implementation,
            NodeInputs inputs, Map<String, PortObject> state, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        if (implementation instanceof TrainedNode trained) {
            List<String> missing = trained.stateOutputs().stream().filter(port -> !state.containsKey(port)).toList();
            if (!missing.isEmpty()) {
                throw new NodeExecutionException("no trained state " + missing + " of node '" + nodeId + "' (" + type.id()
                        + "): it would have to be fitted again");
            }
            return trained.apply(inputs, state, parameters, context);
        }
        if (type.trainTest().supervised()) {
            throw new NodeExecutionException("node type " + type.id() + " learns from training rows but cannot apply a"
                    + " trained state (its implementation is no TrainedNode)");
        }
        return implementation.execute(inputs, parameters, context);
    }

    private static void checkOutputs(NodeType type, Map<String, PortObject> outputs) {
        for (PortDescriptor port : type.outputs()) {
            PortObject object = outputs.get(port.name());
            if (object == null) {
                throw new IllegalStateException(type.id() + " produced no object on output '" + port.name() + "'");
            }
            if (!object.portTypeId().equals(port.typeId())) {
                throw new IllegalStateException(type.id() + " produced " + object.portTypeId() + " on output '"
                        + port.name() + "', declared " + port.typeId());
            }
        }
    }

    private static Map<String, List<Path>> writeOutputs(Path folder, Map<String, PortObject> outputs) throws IOException {
        Files.createDirectories(folder);
        Map<String, List<Path>> files = new LinkedHashMap<>();
        for (Map.Entry<String, PortObject> e : outputs.entrySet()) {
            files.put(e.getKey(), e.getValue().write(folder, e.getKey()));
        }
        return files;
    }

    private static String upstreamProblem(Pipeline pipeline, Node node, Map<String, NodeRunRecord> records) {
        for (Connection c : pipeline.getConnections()) {
            if (c.getTarget() == node) {
                NodeRunRecord upstream = records.get(c.getSource().getId());
                if (upstream == null) {
                    continue; // outside the part being run: only possible for nodes that are not run either
                }
                if (upstream.status() != NodeStatus.SUCCEEDED) {
                    return "skipped: upstream node '" + upstream.nodeId() + "' " + upstream.status().name().toLowerCase();
                }
            }
        }
        return null;
    }

    private static NodeRunRecord record(String nodeId, NodeType type, Parameters parameters, NodeStatus status, long millis,
            Map<String, PortObject> outputs, Map<String, List<Path>> files, String error, List<PatientFailure> failures) {
        return new NodeRunRecord(nodeId, type.id(), type.version(), type.contributor(), parameters.asMap(), status,
                millis, outputs, files, error, new ArrayList<>(failures));
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Kahn's algorithm; among ready nodes the one earliest in the file goes first. */
    static List<Node> topologicalOrder(Pipeline pipeline) {
        Map<Node, Integer> indegree = new HashMap<>();
        pipeline.getNodes().forEach(n -> indegree.put(n, 0));
        pipeline.getConnections().forEach(c -> indegree.merge(c.getTarget(), 1, Integer::sum));
        List<Node> order = new ArrayList<>();
        while (order.size() < pipeline.getNodes().size()) {
            Node next = pipeline.getNodes().stream().filter(n -> !order.contains(n) && indegree.get(n) == 0)
                    .findFirst().orElseThrow(() -> new IllegalStateException("cycle (excluded by validation)"));
            order.add(next);
            pipeline.getConnections().stream().filter(c -> c.getSource() == next)
                    .forEach(c -> indegree.merge(c.getTarget(), -1, Integer::sum));
        }
        return order;
    }

    /** The context handed to one node. */
    private static final class NodeContext implements ExecutionContext {
        private final String nodeId;
        private final RunOptions options;
        private final RunMonitor monitor;
        private final List<PatientFailure> failures;
        private final Set<Path> inputs;
        private final ChainRunner chain;

        NodeContext(String nodeId, RunOptions options, RunMonitor monitor, List<PatientFailure> failures, Set<Path> inputs,
                ChainRunner chain) {
            this.nodeId = nodeId;
            this.options = options;
            this.monitor = monitor;
            this.failures = failures;
            this.inputs = inputs;
            this.chain = chain;
        }

        @Override
        public Optional<ChainRunner> chain() {
            return Optional.ofNullable(chain);
        }

        @Override
        public void progress(double fraction, String message) {
            monitor.progress(nodeId, Math.max(0, Math.min(1, fraction)), message);
        }

        @Override
        public boolean isCanceled() {
            return monitor.isCanceled();
        }

        @Override
        public void reportPatientFailure(String patientId, String field, String message) {
            PatientFailure failure = new PatientFailure(nodeId, patientId, field, message);
            failures.add(failure);
            monitor.log(failure.toString());
        }

        @Override
        public void recordInput(Path file) {
            inputs.add(file.toAbsolutePath().normalize());
        }

        @Override
        public void log(String message) {
            monitor.log(nodeId + ": " + message);
        }

        @Override
        public Path baseDirectory() {
            return options.baseDirectory();
        }

        @Override
        public Path cacheDirectory() {
            return options.cacheDirectory();
        }

        @Override
        public Path workDirectory() throws IOException {
            Path folder = options.outputDirectory() != null ? options.outputDirectory().resolve(nodeId).resolve("files")
                    : options.cacheDirectory().resolve("work").resolve(nodeId);
            return Files.createDirectories(folder);
        }
    }
}
