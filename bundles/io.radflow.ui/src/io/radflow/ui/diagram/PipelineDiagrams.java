package io.radflow.ui.diagram;

import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.Port;
import io.radflow.ui.diagram.DiagramModel.EdgeSpec;
import io.radflow.ui.diagram.DiagramModel.NodeSpec;
import io.radflow.ui.diagram.DiagramModel.PortSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds the {@link DiagramModel} of an EMF pipeline. */
public final class PipelineDiagrams {

    private PipelineDiagrams() {
    }

    /**
     * The diagram of {@code pipeline}. Ports come from the ports stored in the file; a node stored
     * without any ports takes them from its node type, when {@code nodeTypes} knows it.
     * Connections whose source or target node is missing are left out. A node whose type
     * {@code nodeTypes} does not know is marked {@link NodeSpec#missing() missing}.
     */
    public static DiagramModel of(Pipeline pipeline, Function<String, Optional<NodeType>> nodeTypes) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (Node node : pipeline.getNodes()) {
            List<PortSpec> inputs = ports(node.getInputs());
            List<PortSpec> outputs = ports(node.getOutputs());
            Optional<NodeType> type = node.getTypeId() == null ? Optional.empty() : nodeTypes.apply(node.getTypeId());
            if (inputs.isEmpty() && outputs.isEmpty() && type.isPresent()) {
                inputs = descriptors(type.get().inputs());
                outputs = descriptors(type.get().outputs());
            }
            nodes.add(new NodeSpec(node.getId(), node.getLabel(), node.getTypeId(), node.getX(), node.getY(), inputs,
                    outputs, type.isEmpty()));
        }
        List<EdgeSpec> edges = new ArrayList<>();
        for (Connection c : pipeline.getConnections()) {
            if (c.getSource() != null && c.getTarget() != null) {
                edges.add(new EdgeSpec(c.getSource().getId(), c.getSourcePort(), c.getTarget().getId(), c.getTargetPort()));
            }
        }
        return new DiagramModel(nodes, edges);
    }

    private static List<PortSpec> ports(List<Port> ports) {
        return ports.stream().map(p -> new PortSpec(p.getName(), p.getTypeId())).toList();
    }

    private static List<PortSpec> descriptors(List<PortDescriptor> ports) {
        return ports.stream().map(p -> new PortSpec(p.name(), p.typeId())).toList();
    }
}
