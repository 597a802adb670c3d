package io.radflow.ui.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline editor draws, independent of EMF and SWT: nodes with their ports and the
 * connections between ports. Built from a pipeline by {@link PipelineDiagrams}; immutable.
 */
public final class DiagramModel {

    /** A port as drawn: its stable name and the id of its port type (which gives its colour). */
    public record PortSpec(String name, String typeId) {
        public PortSpec {
            Objects.requireNonNull(name, "port name");
            typeId = typeId == null ? "" : typeId;
        }
    }

    /**
     * A node as drawn: id, label (falls back to the id), node type id, position of its top-left
     * corner in diagram coordinates, its ports in declaration order and whether its node type is
     * missing from this installation (drawn as a placeholder; the node keeps its stored data).
     */
    public record NodeSpec(String id, String label, String typeId, int x, int y, List<PortSpec> inputs,
            List<PortSpec> outputs, boolean missing) {
        public NodeSpec {
            Objects.requireNonNull(id, "node id");
            label = label == null || label.isBlank() ? id : label;
            typeId = typeId == null ? "" : typeId;
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        /** A node whose type is installed. */
        public NodeSpec(String id, String label, String typeId, int x, int y, List<PortSpec> inputs, List<PortSpec> outputs) {
            this(id, label, typeId, x, y, inputs, outputs, false);
        }

        /** This node with its top-left corner at (x, y). */
        public NodeSpec at(int newX, int newY) {
            return new NodeSpec(id, label, typeId, newX, newY, inputs, outputs, missing);
        }
    }

    /** A connection from an output port of one node to an input port of another. */
    public record EdgeSpec(String sourceNode, String sourcePort, String targetNode, String targetPort) {
        public EdgeSpec {
            Objects.requireNonNull(sourceNode, "source node");
            Objects.requireNonNull(targetNode, "target node");
        }
    }

    private final Map<String, NodeSpec> nodes;
    private final List<EdgeSpec> edges;

    public DiagramModel(List<NodeSpec> nodes, List<EdgeSpec> edges) {
        Map<String, NodeSpec> byId = new LinkedHashMap<>();
        for (NodeSpec node : nodes) {
            if (byId.put(node.id(), node) != null) {
                throw new IllegalArgumentException("Duplicate node id '" + node.id() + "' in diagram");
            }
        }
        this.nodes = Collections.unmodifiableMap(byId);
        this.edges = List.copyOf(new ArrayList<>(edges));
    }

    /** Nodes in drawing order (later nodes are drawn on top). */
    public List<NodeSpec> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<EdgeSpec> edges() {
        return edges;
    }

    public Optional<NodeSpec> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }
}
