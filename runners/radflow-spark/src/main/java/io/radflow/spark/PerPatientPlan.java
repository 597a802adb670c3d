package io.radflow.spark;

import io.radflow.core.port.PortTypes;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes of a pipeline run per patient on the executors. A node is <em>per-patient</em> when it
 * has inputs, all of them of port type {@value PortTypes#COHORT}, each fed by a cohort source (a node
 * without inputs, such as the cohort loader) or by another per-patient node, all from the same
 * source: loading, preprocessing, filtering and feature extraction. Their outputs (per-patient
 * tables or cohorts) are joined on the driver; every other node (selection, models, evaluation,
 * charts) runs on the driver, as does the cohort source itself.
 *
 * @param segments one segment per cohort source that feeds per-patient nodes
 */
public record PerPatientPlan(List<Segment> segments) {

    /** Type id given to the cohort source in the executors' sub-pipeline: it offers one patient. */
    public static final String PATIENT_SOURCE_TYPE = "radflow.spark.patient";

    /**
     * The per-patient nodes fed by one cohort source.
     *
     * @param sourceNodeId     the cohort source
     * @param nodeIds          the per-patient nodes in execution (topological, then file) order
     * @param subPipelineXmi   the source and these nodes with their connections; the source's type is
     *                         {@link #PATIENT_SOURCE_TYPE} and its parameters are gone
     * @param sourceOutputs    port name to port type of the source's outputs
     */
    public record Segment(String sourceNodeId, List<String> nodeIds, String subPipelineXmi, Map<String, String> sourceOutputs) {
        public Segment {
            nodeIds = List.copyOf(nodeIds);
            sourceOutputs = Map.copyOf(sourceOutputs);
        }
    }

    public PerPatientPlan {
        segments = List.copyOf(segments);
    }

    /** The segment that runs {@code nodeId}, if it is a per-patient node. */
    public Segment segmentOf(String nodeId) {
        return segments.stream().filter(s -> s.nodeIds().contains(nodeId)).findFirst().orElse(null);
    }

    /** Plans a validated pipeline. */
    public static PerPatientPlan of(Pipeline pipeline, NodeTypeRegistry registry) throws IOException {
        Map<Node, String> rootOf = new HashMap<>();
        List<Node> order = topologicalOrder(pipeline);
        for (Node node : order) {
            NodeType type = registry.nodeType(node.getTypeId()).orElseThrow();
            if (type.inputs().isEmpty() || !type.inputs().stream().allMatch(p -> p.typeId().equals(PortTypes.COHORT))) {
                continue;
            }
            Set<String> roots = new HashSet<>();
            boolean fed = true;
            for (Connection c : pipeline.getConnections()) {
                if (c.getTarget() != node) {
                    continue;
                }
                Node source = c.getSource();
                NodeType sourceType = registry.nodeType(source.getTypeId()).orElseThrow();
                if (rootOf.containsKey(source)) {
                    roots.add(rootOf.get(source));
                } else if (sourceType.inputs().isEmpty()) {
                    roots.add(source.getId());
                } else {
                    fed = false;
                }
            }
            if (fed && roots.size() == 1) {
                rootOf.put(node, roots.iterator().next());
            }
        }
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (Node node : order) {
            if (rootOf.containsKey(node)) {
                bySource.computeIfAbsent(rootOf.get(node), k -> new ArrayList<>()).add(node.getId());
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
            segments.add(segment(pipeline, registry, e.getKey(), e.getValue()));
        }
        return new PerPatientPlan(segments);
    }

    private static Segment segment(Pipeline pipeline, NodeTypeRegistry registry, String sourceId, List<String> nodeIds)
            throws IOException {
        Pipeline sub = PipelineFiles.copy(pipeline);
        Set<String> keep = new HashSet<>(nodeIds);
        keep.add(sourceId);
        sub.getConnections().removeIf(c -> !keep.contains(c.getSource().getId()) || !keep.contains(c.getTarget().getId()));
        sub.getNodes().removeIf(n -> !keep.contains(n.getId()));
        Node source = sub.getNodes().stream().filter(n -> n.getId().equals(sourceId)).findFirst().orElseThrow();
        Map<String, String> outputs = new LinkedHashMap<>();
        for (PortDescriptor port : registry.nodeType(source.getTypeId()).orElseThrow().outputs()) {
            outputs.put(port.name(), port.typeId());
        }
        source.setTypeId(PATIENT_SOURCE_TYPE);
        source.setTypeVersion(null);
        source.getParameters().clear();
        return new Segment(sourceId, nodeIds, PipelineFiles.toXmiString(sub), outputs);
    }

    /** Kahn's algorithm; among ready nodes the one earliest in the file goes first (as the engine orders). */
    static List<Node> topologicalOrder(Pipeline pipeline) {
        Map<Node, Integer> indegree = new HashMap<>();
        pipeline.getNodes().forEach(n -> indegree.put(n, 0));
        pipeline.getConnections().forEach(c -> indegree.merge(c.getTarget(), 1, Integer::sum));
        List<Node> order = new ArrayList<>();
        Set<Node> done = new HashSet<>();
        while (order.size() < pipeline.getNodes().size()) {
            Node next = pipeline.getNodes().stream().filter(n -> !done.contains(n) && indegree.get(n) == 0)
                    .findFirst().orElseThrow(() -> new IllegalStateException("cycle (excluded by validation)"));
            order.add(next);
            done.add(next);
            pipeline.getConnections().stream().filter(c -> c.getSource() == next)
                    .forEach(c -> indegree.merge(c.getTarget(), -1, Integer::sum));
        }
        return order;
    }
}
