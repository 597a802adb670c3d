package io.radflow.core.node;

import io.radflow.core.port.PortObject;

import java.util.Map;

/**
 * The implementation of one node type, a plain Java class behind the SPI (KNIME's NodeModel).
 * Declared with its ports and parameters in a {@code io.radflow.pipeline.engine.nodes} extension;
 * a new instance is created for each execution, so implementations may keep no state between runs.
 */
public interface NodeImplementation {

    /**
     * Checks resolved parameters before any data flows (first of two phases). The default accepts
     * everything that passed the descriptors' type, bound and choice checks.
     *
     * @throws IllegalArgumentException with a message naming the parameter
     */
    default void validate(Parameters parameters) {
    }

    /**
     * Runs the node (second phase).
     *
     * @return the objects on the output ports, by port name
     */
    Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException;
}
