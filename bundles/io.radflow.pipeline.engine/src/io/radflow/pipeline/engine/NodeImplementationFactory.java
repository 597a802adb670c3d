package io.radflow.pipeline.engine;

import io.radflow.core.node.NodeImplementation;

/** Creates a new implementation instance for each execution of a node. */
@FunctionalInterface
public interface NodeImplementationFactory {
    NodeImplementation create() throws Exception;
}
