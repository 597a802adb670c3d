package io.radflow.pipeline.engine;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ChainRunner;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's {@link ChainRunner}: re-executes a {@link PipelineChain} with the source table replaced, taking every
 * other input from the records of the current run. Chain nodes get a quiet context (no progress, log or patient
 * failures of their own; cancellation is the run's). Holds only references to the run's immutable results.
 */
final class ChainExecution implements ChainRunner {

    private final Pipeline pipeline;
    private final PipelineChain chain;
    private final NodeTypeRegistry registry;
    private final Map<String, NodeRunRecord> records;
    private final RunOptions options;
    private final RunMonitor monitor;
    private final String askingNode;

    ChainExecution(Pipeline pipeline, PipelineChain chain, NodeTypeRegistry registry, Map<String, NodeRunRecord> records,
            RunOptions options, RunMonitor monitor, String askingNode) {
        this.pipeline = pipeline;
        this.chain = chain;
        this.registry = registry;
        this.records = records;
        this.options = options;
        this.monitor = monitor;
        this.askingNode = askingNode;
    }

    @Override
    public List<String> nodeIds() {
        return chain.nodes().stream().map(Node::getId).toList();
    }

    @Override
    public PortObject refit(Table source, Map<String, String> copies)
            throws NodeExecutionException, CanceledExecutionException {
        Map<Node, Map<String, PortObject>> outputs = new HashMap<>();
        for (Node node : chain.nodes()) {
            if (monitor.isCanceled()) {
                throw new CanceledExecutionException();
            }
            Map<String, PortObject> in = new HashMap<>();
            for (Connection c : pipeline.getConnections()) {
                if (c.getTarget() != node) {
                    continue;
                }
                PortObject object;
                if (c.getSource() == chain.sourceNode() && c.getSourcePort().equals(chain.sourcePort())) {
                    object = source;
                } else if (outputs.containsKey(c.getSource())) {
                    object = outputs.get(c.getSource()).get(c.getSourcePort());
                } else {
                    NodeRunRecord record = records.get(c.getSource().getId());
                    if (record == null) {
                        throw new NodeExecutionException("chain node '" + node.getId() + "': its input from node '"
                                + c.getSource().getId() + "' was not computed in this run");
                    }
                    object = withCopies(record.outputs().get(c.getSourcePort()), copies);
                }
                in.put(c.getTargetPort(), object);
            }
            outputs.put(node, run(node, in));
        }
        PortObject end = outputs.get(chain.endNode()).get(chain.endPort());
        if (end == null) {
            throw new NodeExecutionException("chain node '" + chain.endNode().getId() + "' produced nothing on output '"
                    + chain.endPort() + "'");
        }
        return end;
    }

    private Map<String, PortObject> run(Node node, Map<String, PortObject> in)
            throws NodeExecutionException, CanceledExecutionException {
        NodeType type = registry.nodeType(node.getTypeId()).orElseThrow();
        Parameters parameters = NodeCacheKeys.resolved(node, type);
        String name = "chain node '" + node.getId() + "' (" + type.id() + ")";
        try {
            NodeImplementation implementation = type.factory().create();
            implementation.validate(parameters);
            return implementation.execute(new NodeInputs(node.getId(), in), parameters, new QuietContext(node.getId()));
        } catch (CanceledExecutionException e) {
            throw e;
        } catch (NodeExecutionException | IllegalArgumentException | IllegalStateException e) {
            throw new NodeExecutionException(name + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new NodeExecutionException(name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code object} with one more row per copy for a table with a {@value Cohort#PATIENT_ID} column (the copy's row
     * = the original patient's row under the copy's id); other objects unchanged.
     */
    static PortObject withCopies(PortObject object, Map<String, String> copies) {
        if (copies.isEmpty() || !(object instanceof Table table) || !table.hasColumn(Cohort.PATIENT_ID)) {
            return object;
        }
        Column ids = table.column(Cohort.PATIENT_ID);
        Map<String, Integer> rowOf = new HashMap<>();
        List<Integer> rows = new ArrayList<>();
        List<String> newIds = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            rowOf.putIfAbsent(ids.text(r), r);
            rows.add(r);
            newIds.add(ids.text(r));
        }
        for (Map.Entry<String, String> copy : copies.entrySet()) {
            Integer row = rowOf.get(copy.getValue());
            if (row != null) {
                rows.add(row);
                newIds.add(copy.getKey());
            }
        }
        return table.rows(rows).withColumns(List.of(Column.text(Cohort.PATIENT_ID, newIds.toArray(String[]::new))));
    }

    /** Context of a chain node inside a refit. */
    private final class QuietContext implements ExecutionContext {
        private final String nodeId;

        QuietContext(String nodeId) {
            this.nodeId = nodeId;
        }

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCanceled() {
            return monitor.isCanceled();
        }

        @Override
        public void reportPatientFailure(String patientId, String field, String message) {
        }

        @Override
        public void recordInput(Path file) {
        }

        @Override
        public void log(String message) {
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
            return Files.createDirectories(options.cacheDirectory().resolve("work").resolve(askingNode).resolve("chain")
                    .resolve(nodeId));
        }
    }
}
