package io.radflow.ui.compare;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The structural difference between two pipelines: nodes added, removed or changed (matched by node
 * id; a change is another type, type version or label, or parameters added, removed or set to another
 * value, compared as stored text) and connections added or removed. Layout (node positions) is not a
 * difference. Immutable.
 */
public record PipelineDiff(List<NodeChange> nodes, List<String> connectionsAdded, List<String> connectionsRemoved) {

    /** What happened to a node or a parameter. */
    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    /** One parameter that differs; {@code before} is null when added, {@code after} when removed. */
    public record ParameterChange(String key, String before, String after) {
        public Kind kind() {
            return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
        }
    }

    /**
     * A node that differs.
     *
     * @param attributes changed node attributes as "typeId: a -> b", "typeVersion: ...", "label: ..."
     */
    public record NodeChange(Kind kind, String nodeId, String typeId, List<String> attributes,
            List<ParameterChange> parameters) {
        public NodeChange {
            attributes = List.copyOf(attributes);
            parameters = List.copyOf(parameters);
        }
    }

    /** One line of a diff table. */
    public record Row(Kind kind, String nodeId, String what, String before, String after) {
    }

    public PipelineDiff {
        nodes = List.copyOf(nodes);
        connectionsAdded = List.copyOf(connectionsAdded);
        connectionsRemoved = List.copyOf(connectionsRemoved);
    }

    /** The changes that turn {@code before} into {@code after}. */
    public static PipelineDiff between(Pipeline before, Pipeline after) {
        Map<String, Node> left = byId(before);
        Map<String, Node> right = byId(after);
        List<NodeChange> changes = new ArrayList<>();
        for (Node node : left.values()) {
            Node other = right.get(node.getId());
            if (other == null) {
                changes.add(new NodeChange(Kind.REMOVED, node.getId(), node.getTypeId(), List.of(),
                        parameterChanges(parameters(node), Map.of())));
            } else {
                List<String> attributes = new ArrayList<>();
                attribute(attributes, "typeId", node.getTypeId(), other.getTypeId());
                attribute(attributes, "typeVersion", node.getTypeVersion(), other.getTypeVersion());
                attribute(attributes, "label", node.getLabel(), other.getLabel());
                List<ParameterChange> parameters = parameterChanges(parameters(node), parameters(other));
                if (!attributes.isEmpty() || !parameters.isEmpty()) {
                    changes.add(new NodeChange(Kind.CHANGED, node.getId(), other.getTypeId(), attributes, parameters));
                }
            }
        }
        for (Node node : right.values()) {
            if (!left.containsKey(node.getId())) {
                changes.add(new NodeChange(Kind.ADDED, node.getId(), node.getTypeId(), List.of(),
                        parameterChanges(Map.of(), parameters(node))));
            }
        }
        Set<String> leftConnections = connections(before);
        Set<String> rightConnections = connections(after);
        List<String> added = rightConnections.stream().filter(c -> !leftConnections.contains(c)).toList();
        List<String> removed = leftConnections.stream().filter(c -> !rightConnections.contains(c)).toList();
        return new PipelineDiff(changes, added, removed);
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && connectionsAdded.isEmpty() && connectionsRemoved.isEmpty();
    }

    /** The change of node {@code nodeId}, if it has one. */
    public java.util.Optional<NodeChange> node(String nodeId) {
        return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
    }

    /** Flat rows: one per added/removed node, changed attribute, changed parameter and connection. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (NodeChange n : nodes) {
            if (n.kind() != Kind.CHANGED) {
                rows.add(new Row(n.kind(), n.nodeId(), "node (" + n.typeId() + ")", n.kind() == Kind.REMOVED ? n.nodeId() : "",
                        n.kind() == Kind.ADDED ? n.nodeId() : ""));
            }
            for (String a : n.attributes()) {
                String[] parts = a.split(": | -> ", 3);
                rows.add(new Row(Kind.CHANGED, n.nodeId(), parts[0], parts[1], parts[2]));
            }
            if (n.kind() == Kind.CHANGED) {
                for (ParameterChange p : n.parameters()) {
                    rows.add(new Row(p.kind(), n.nodeId(), "parameter " + p.key(), Objects.toString(p.before(), ""),
                            Objects.toString(p.after(), "")));
                }
            }
        }
        connectionsRemoved.forEach(c -> rows.add(new Row(Kind.REMOVED, "", "connection", c, "")));
        connectionsAdded.forEach(c -> rows.add(new Row(Kind.ADDED, "", "connection", "", c)));
        return rows;
    }

    private static void attribute(List<String> out, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(name + ": " + Objects.toString(before, "") + " -> " + Objects.toString(after, ""));
        }
    }

    private static List<ParameterChange> parameterChanges(Map<String, String> before, Map<String, String> after) {
        List<ParameterChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String other = after.get(e.getKey());
            if (!after.containsKey(e.getKey()) || !Objects.equals(e.getValue(), other)) {
                changes.add(new ParameterChange(e.getKey(), Objects.toString(e.getValue(), ""),
                        after.containsKey(e.getKey()) ? Objects.toString(other, "") : null));
            }
        }
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                changes.add(new ParameterChange(e.getKey(), null, Objects.toString(e.getValue(), "")));
            }
        }
        return changes;
    }

    private static Map<String, Node> byId(Pipeline pipeline) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (Node node : pipeline.getNodes()) {
            map.put(node.getId(), node);
        }
        return map;
    }

    private static Map<String, String> parameters(Node node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Parameter p : node.getParameters()) {
            map.put(p.getKey(), p.getValue());
        }
        return map;
    }

    private static Set<String> connections(Pipeline pipeline) {
        Set<String> set = new LinkedHashSet<>();
        for (Connection c : pipeline.getConnections()) {
            set.add(c.getSource().getId() + "." + c.getSourcePort() + " -> " + c.getTarget().getId() + "."
                    + c.getTargetPort());
        }
        return set;
    }
}
