package io.radflow.ui.editor;

import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.engine.PortTypeInfo;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;
import io.radflow.pipeline.model.PipelinePackage.Literals;
import io.radflow.pipeline.model.Port;
import io.radflow.ui.diagram.Geometry.Point;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.common.command.UnexecutableCommand;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * Builds the EMF commands of every edit of the pipeline editor (palette drop, connect, delete, move,
 * align, layout, paste, parameter edits). Nothing here changes the model: the caller executes the
 * returned command on the editing domain's command stack, which gives undo, redo and dirty state.
 * Free of SWT, so that the rules (unique ids, port compatibility, no cycles, one wire per input)
 * are unit-tested.
 */
public final class PipelineCommands {

    /** The answer to "may these two ports be connected?": empty when they may, else why not. */
    public record ConnectionCheck(Optional<String> refusal) {
        public static final ConnectionCheck OK = new ConnectionCheck(Optional.empty());

        static ConnectionCheck refuse(String why) {
            return new ConnectionCheck(Optional.of(why));
        }

        public boolean allowed() {
            return refusal.isEmpty();
        }
    }

    private final EditingDomain domain;
    private final Pipeline pipeline;
    private final NodeTypeRegistry registry;

    public PipelineCommands(EditingDomain domain, Pipeline pipeline, NodeTypeRegistry registry) {
        this.domain = domain;
        this.pipeline = pipeline;
        this.registry = registry;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Optional<Node> node(String id) {
        return pipeline.getNodes().stream().filter(n -> id != null && id.equals(n.getId())).findFirst();
    }

    /**
     * A node id not used in the pipeline (nor in {@code taken}): the last segment of the type id
     * ({@code radflow.features.firstOrder} gives {@code firstOrder}), then {@code firstOrder2}, ...
     */
    public String freshId(String typeOrId, Set<String> taken) {
        String base = typeOrId == null || typeOrId.isBlank() ? "node" : typeOrId.substring(typeOrId.lastIndexOf('.') + 1);
        base = base.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (base.isEmpty()) {
            base = "node";
        }
        Set<String> used = new HashSet<>(taken);
        pipeline.getNodes().forEach(n -> used.add(n.getId()));
        if (!used.contains(base)) {
            return base;
        }
        String stem = base.replaceFirst("\\d+$", "");
        for (int i = 2;; i++) {
            if (!used.contains(stem + i)) {
                return stem + i;
            }
        }
    }

    /**
     * A new node of {@code type} with its top-left corner at (x, y): fresh id, the type's label,
     * version and ports; parameters are left at their defaults (nothing is stored until edited).
     */
    public Node newNode(NodeType type, int x, int y) {
        Node node = PipelineFactory.eINSTANCE.createNode();
        node.setId(freshId(type.id(), Set.of()));
        node.setTypeId(type.id());
        node.setTypeVersion(type.version());
        node.setLabel(type.label());
        node.setX(Math.max(0, x));
        node.setY(Math.max(0, y));
        for (PortDescriptor p : type.inputs()) {
            node.getInputs().add(port(p));
        }
        for (PortDescriptor p : type.outputs()) {
            node.getOutputs().add(port(p));
        }
        return node;
    }

    private static Port port(PortDescriptor descriptor) {
        Port port = PipelineFactory.eINSTANCE.createPort();
        port.setName(descriptor.name());
        port.setTypeId(descriptor.typeId());
        return port;
    }

    /** Adds a node of {@code type} at (x, y): "Add &lt;label&gt;". */
    public Command addNode(NodeType type, int x, int y) {
        return addNode(newNode(type, x, y), type.label());
    }

    /** Adds a node made by {@link #newNode}: "Add &lt;what&gt;". */
    public Command addNode(Node node, String what) {
        return labelled("Add " + what, AddCommand.create(domain, pipeline, Literals.PIPELINE__NODES, node));
    }

    /** The port type id of a node's port: the port stored in the file, else the node type's declaration. */
    public Optional<String> portType(Node node, String port, boolean input) {
        for (Port p : input ? node.getInputs() : node.getOutputs()) {
            if (port.equals(p.getName())) {
                return Optional.ofNullable(p.getTypeId());
            }
        }
        return registry.nodeType(node.getTypeId()).flatMap(t -> input ? t.input(port) : t.output(port))
                .map(PortDescriptor::typeId);
    }

    private String portLabel(String typeId) {
        return registry.portType(typeId).map(PortTypeInfo::label).map(l -> l + " (" + typeId + ")").orElse(typeId);
    }

    /**
     * Whether output {@code sourcePort} of {@code sourceId} may feed input {@code targetPort} of
     * {@code targetId}: the ports must exist with the same port type, the nodes must differ, the wire
     * must not exist already and must not close a cycle. A connected input is not a refusal: the new
     * wire replaces the old one.
     */
    public ConnectionCheck checkConnection(String sourceId, String sourcePort, String targetId, String targetPort) {
        Node source = node(sourceId).orElse(null);
        Node target = node(targetId).orElse(null);
        if (source == null || target == null) {
            return ConnectionCheck.refuse("No node '" + (source == null ? sourceId : targetId) + "' in the pipeline");
        }
        if (source == target) {
            return ConnectionCheck.refuse("A node cannot feed itself");
        }
        Optional<String> out = portType(source, sourcePort, false);
        Optional<String> in = portType(target, targetPort, true);
        if (out.isEmpty()) {
            return ConnectionCheck.refuse(label(source) + " has no output '" + sourcePort + "'");
        }
        if (in.isEmpty()) {
            return ConnectionCheck.refuse(label(target) + " has no input '" + targetPort + "'");
        }
        if (!out.get().equals(in.get())) {
            return ConnectionCheck.refuse("Incompatible ports: " + label(source) + "." + sourcePort + " gives "
                    + portLabel(out.get()) + ", " + label(target) + "." + targetPort + " needs " + portLabel(in.get()));
        }
        for (Connection c : pipeline.getConnections()) {
            if (c.getSource() == source && c.getTarget() == target && sourcePort.equals(c.getSourcePort())
                    && targetPort.equals(c.getTargetPort())) {
                return ConnectionCheck.refuse("These ports are already connected");
            }
        }
        if (reaches(target, source)) {
            return ConnectionCheck.refuse("This connection would make a cycle: " + label(target) + " already feeds "
                    + label(source));
        }
        return ConnectionCheck.OK;
    }

    private boolean reaches(Node from, Node to) {
        Deque<Node> pending = new ArrayDeque<>(List.of(from));
        Set<Node> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Node n = pending.poll();
            if (n == to) {
                return true;
            }
            if (seen.add(n)) {
                for (Connection c : pipeline.getConnections()) {
                    if (c.getSource() == n && c.getTarget() != null) {
                        pending.add(c.getTarget());
                    }
                }
            }
        }
        return false;
    }

    private static String label(Node node) {
        return node.getLabel() == null || node.getLabel().isBlank() ? node.getId() : node.getLabel();
    }

    /**
     * Connects two ports ("Connect a.out to b.in"), replacing the wire that fed the input before, or
     * an unexecutable command when {@link #checkConnection} refuses.
     */
    public Command connect(String sourceId, String sourcePort, String targetId, String targetPort) {
        if (!checkConnection(sourceId, sourcePort, targetId, targetPort).allowed()) {
            return UnexecutableCommand.INSTANCE;
        }
        Node target = node(targetId).orElseThrow();
        CompoundCommand command = new CompoundCommand("Connect " + sourceId + "." + sourcePort + " to " + targetId + "."
                + targetPort);
        List<Connection> replaced = pipeline.getConnections().stream()
                .filter(c -> c.getTarget() == target && targetPort.equals(c.getTargetPort())).toList();
        if (!replaced.isEmpty()) {
            command.append(RemoveCommand.create(domain, pipeline, Literals.PIPELINE__CONNECTIONS, replaced));
        }
        Connection connection = PipelineFactory.eINSTANCE.createConnection();
        connection.setSource(node(sourceId).orElseThrow());
        connection.setSourcePort(sourcePort);
        connection.setTarget(target);
        connection.setTargetPort(targetPort);
        command.append(AddCommand.create(domain, pipeline, Literals.PIPELINE__CONNECTIONS, connection));
        return command;
    }

    /** The connection between two ports, if any. */
    public Optional<Connection> connection(String sourceId, String sourcePort, String targetId, String targetPort) {
        return pipeline.getConnections().stream()
                .filter(c -> c.getSource() != null && c.getTarget() != null && c.getSource().getId().equals(sourceId)
                        && c.getTarget().getId().equals(targetId) && sourcePort.equals(c.getSourcePort())
                        && targetPort.equals(c.getTargetPort()))
                .findFirst();
    }

    /**
     * Deletes nodes with every wire that touches them, plus the given wires ("Delete 3 nodes"); an
     * unexecutable command when there is nothing to delete.
     */
    public Command delete(Collection<String> nodeIds, Collection<Connection> wires) {
        List<Node> nodes = pipeline.getNodes().stream().filter(n -> nodeIds.contains(n.getId())).toList();
        Set<Connection> connections = new java.util.LinkedHashSet<>();
        for (Connection c : pipeline.getConnections()) {
            if (wires.contains(c) || nodes.contains(c.getSource()) || nodes.contains(c.getTarget())) {
                connections.add(c);
            }
        }
        if (nodes.isEmpty() && connections.isEmpty()) {
            return UnexecutableCommand.INSTANCE;
        }
        CompoundCommand command = new CompoundCommand(nodes.isEmpty() ? "Delete connection"
                : nodes.size() == 1 ? "Delete " + label(nodes.get(0)) : "Delete " + nodes.size() + " nodes");
        if (!connections.isEmpty()) {
            command.append(RemoveCommand.create(domain, pipeline, Literals.PIPELINE__CONNECTIONS, new ArrayList<>(connections)));
        }
        if (!nodes.isEmpty()) {
            command.append(RemoveCommand.create(domain, pipeline, Literals.PIPELINE__NODES, nodes));
        }
        return command;
    }

    /**
     * Moves nodes to new top-left corners (negative coordinates are clamped to 0); only changed
     * coordinates become part of the command. Null when nothing changes.
     */
    public Command setPositions(Map<String, Point> positions, String label) {
        CompoundCommand command = new CompoundCommand(label);
        for (Node node : pipeline.getNodes()) {
            Point p = positions.get(node.getId());
            if (p == null) {
                continue;
            }
            int x = Math.max(0, p.x());
            int y = Math.max(0, p.y());
            if (node.getX() != x) {
                command.append(SetCommand.create(domain, node, Literals.NODE__X, x));
            }
            if (node.getY() != y) {
                command.append(SetCommand.create(domain, node, Literals.NODE__Y, y));
            }
        }
        return command.isEmpty() ? null : command;
    }

    /**
     * Sets a parameter ("Set binWidth = 10"): changes the stored value, adds the parameter when the
     * node has none for the key, or removes it (back to the default) when {@code value} is null.
     * Null when nothing would change.
     */
    public Command setParameter(String nodeId, String key, String value) {
        Node node = node(nodeId).orElseThrow(() -> new IllegalArgumentException("No node '" + nodeId + "'"));
        Parameter existing = node.getParameters().stream().filter(p -> key.equals(p.getKey())).findFirst().orElse(null);
        if (existing == null) {
            if (value == null) {
                return null;
            }
            Parameter parameter = PipelineFactory.eINSTANCE.createParameter();
            parameter.setKey(key);
            parameter.setValue(value);
            return labelled("Set " + key + " = " + value,
                    AddCommand.create(domain, node, Literals.NODE__PARAMETERS, parameter));
        }
        if (value == null) {
            return labelled("Reset " + key, RemoveCommand.create(domain, node, Literals.NODE__PARAMETERS, existing));
        }
        if (value.equals(existing.getValue())) {
            return null;
        }
        return labelled("Set " + key + " = " + value, SetCommand.create(domain, existing, Literals.PARAMETER__VALUE, value));
    }

    /** Renames the label shown on the canvas; null when unchanged. */
    public Command setLabel(String nodeId, String label) {
        Node node = node(nodeId).orElseThrow(() -> new IllegalArgumentException("No node '" + nodeId + "'"));
        String value = label == null || label.isBlank() ? null : label;
        if (java.util.Objects.equals(value, node.getLabel())) {
            return null;
        }
        return labelled("Rename " + nodeId, SetCommand.create(domain, node, Literals.NODE__LABEL, value));
    }

    /**
     * Pastes the nodes and inner connections of {@code fragment} (a clipboard pipeline) shifted by
     * (dx, dy): ids are made unique in this pipeline and the wires follow the renamed copies. The
     * fragment is not changed. Returns the command and the ids of the pasted nodes in fragment order.
     */
    public Map.Entry<Command, List<String>> paste(Pipeline fragment, int dx, int dy) {
        EcoreUtil.Copier copier = new EcoreUtil.Copier();
        List<Node> nodes = new ArrayList<>(copier.copyAll(fragment.getNodes()));
        List<Connection> connections = new ArrayList<>();
        for (Connection c : fragment.getConnections()) {
            if (c.getSource() != null && c.getTarget() != null && fragment.getNodes().contains(c.getSource())
                    && fragment.getNodes().contains(c.getTarget())) {
                connections.add((Connection) copier.copy(c));
            }
        }
        copier.copyReferences();
        Set<String> taken = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (Node node : nodes) {
            String id = freshId(node.getId(), taken);
            taken.add(id);
            ids.add(id);
            node.setId(id);
            node.setX(Math.max(0, node.getX() + dx));
            node.setY(Math.max(0, node.getY() + dy));
        }
        if (nodes.isEmpty()) {
            return Map.entry(UnexecutableCommand.INSTANCE, List.of());
        }
        CompoundCommand command = new CompoundCommand(nodes.size() == 1 ? "Paste " + label(nodes.get(0))
                : "Paste " + nodes.size() + " nodes");
        command.append(AddCommand.create(domain, pipeline, Literals.PIPELINE__NODES, nodes));
        if (!connections.isEmpty()) {
            command.append(AddCommand.create(domain, pipeline, Literals.PIPELINE__CONNECTIONS, connections));
        }
        return Map.entry(command, ids);
    }

    private static Command labelled(String label, Command command) {
        CompoundCommand compound = new CompoundCommand(label);
        compound.append(command);
        return compound;
    }
}
