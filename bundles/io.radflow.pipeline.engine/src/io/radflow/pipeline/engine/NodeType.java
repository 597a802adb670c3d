package io.radflow.pipeline.engine;

import io.radflow.core.node.ParameterDescriptor;

import java.util.List;
import java.util.Optional;

/**
 * A node type as declared in a {@code io.radflow.pipeline.engine.nodes} extension: everything the
 * palette, validator and editor need without loading the implementation class.
 *
 * @param contributor symbolic name and version of the contributing bundle (for run manifests)
 * @param trainTest   the node's role in the train/test discipline (leakage rule of {@link PipelineValidator})
 */
public record NodeType(String id, String version, String label, String category, String description,
        List<PortDescriptor> inputs, List<PortDescriptor> outputs, List<ParameterDescriptor> parameters,
        boolean deprecated, String contributor, NodeImplementationFactory factory, TrainTestRole trainTest) {

    public NodeType {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = List.copyOf(parameters);
        description = description == null ? "" : description;
        trainTest = trainTest == null ? TrainTestRole.NONE : trainTest;
    }

    /** A node type without a train/test role. */
    public NodeType(String id, String version, String label, String category, String description,
            List<PortDescriptor> inputs, List<PortDescriptor> outputs, List<ParameterDescriptor> parameters,
            boolean deprecated, String contributor, NodeImplementationFactory factory) {
        this(id, version, label, category, description, inputs, outputs, parameters, deprecated, contributor, factory,
                TrainTestRole.NONE);
    }

    public Optional<PortDescriptor> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortDescriptor> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ParameterDescriptor> parameter(String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
