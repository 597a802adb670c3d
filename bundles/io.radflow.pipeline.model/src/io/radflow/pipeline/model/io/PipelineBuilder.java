package io.radflow.pipeline.model.io;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;
import io.radflow.pipeline.model.PipelinePackage;
import io.radflow.pipeline.model.Port;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fluent construction of pipelines for tests and code:
 *
 * <pre>
 * Pipeline p = PipelineBuilder.pipeline("Demo")
 *         .node("cohort", "radflow.io.cohort", "1.0.0").at(40, 200)
 *             .param("manifest", "builtin:demo").output("cohort", "radflow.cohort")
 *         .node("firstorder", "radflow.features.firstOrder", "1.0.0").at(260, 80)
 *             .input("cohort", "radflow.cohort").output("features", "radflow.table")
 *         .connect("cohort.cohort", "firstorder.cohort")
 *         .build();
 * </pre>
 *
 * {@code label}, {@code at}, {@code param}, {@code input} and {@code output} apply to the node
 * added last. {@code connect} resolves {@code node.port} against the nodes added so far (the longest
 * node id prefix wins). The builder hands its pipeline over in {@link #build()} and cannot be used
 * afterwards. Not thread-safe.
 */
public final class PipelineBuilder {

    private final PipelineFactory factory = PipelineFactory.eINSTANCE;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private Pipeline pipeline;
    private Node current;

    private PipelineBuilder(String name) {
        PipelinePackage.eINSTANCE.eClass();
        pipeline = factory.createPipeline();
        pipeline.setName(name);
    }

    /** Starts a pipeline with the given name (may be null) and format version {@value PipelineYaml#FORMAT_VERSION}. */
    public static PipelineBuilder pipeline(String name) {
        return new PipelineBuilder(name);
    }

    /** Sets the pipeline description. */
    public PipelineBuilder description(String description) {
        open().setDescription(description);
        return this;
    }

    /**
     * Adds a node and makes it current.
     *
     * @throws IllegalArgumentException if the id is null or already used
     */
    public PipelineBuilder node(String id, String typeId, String typeVersion) {
        open();
        if (id == null || nodes.containsKey(id)) {
            throw new IllegalArgumentException(id == null ? "node id is null" : "duplicate node id '" + id + "'");
        }
        Node node = factory.createNode();
        node.setId(id);
        node.setTypeId(typeId);
        node.setTypeVersion(typeVersion);
        pipeline.getNodes().add(node);
        nodes.put(id, node);
        current = node;
        return this;
    }

    /** Sets the label of the current node. */
    public PipelineBuilder label(String label) {
        current().setLabel(label);
        return this;
    }

    /** Sets the canvas position of the current node. */
    public PipelineBuilder at(int x, int y) {
        Node node = current();
        node.setX(x);
        node.setY(y);
        return this;
    }

    /** Appends a parameter to the current node; the value is kept as the exact string. */
    public PipelineBuilder param(String key, String value) {
        Node node = current();
        for (Parameter existing : node.getParameters()) {
            if (java.util.Objects.equals(existing.getKey(), key)) {
                throw new IllegalArgumentException("node '" + node.getId() + "': duplicate parameter '" + key + "'");
            }
        }
        Parameter parameter = factory.createParameter();
        parameter.setKey(key);
        parameter.setValue(value);
        node.getParameters().add(parameter);
        return this;
    }

    /** Appends an input port to the current node. */
    public PipelineBuilder input(String name, String portTypeId) {
        current().getInputs().add(port(name, portTypeId));
        return this;
    }

    /** Appends an output port to the current node. */
    public PipelineBuilder output(String name, String portTypeId) {
        current().getOutputs().add(port(name, portTypeId));
        return this;
    }

    /**
     * Connects {@code "node.port"} to {@code "node.port"}.
     *
     * @throws IllegalArgumentException if a reference names no node added so far
     */
    public PipelineBuilder connect(String from, String to) {
        open();
        String[] source = resolve(from);
        String[] target = resolve(to);
        Connection connection = factory.createConnection();
        connection.setSource(nodes.get(source[0]));
        connection.setSourcePort(source[1]);
        connection.setTarget(nodes.get(target[0]));
        connection.setTargetPort(target[1]);
        pipeline.getConnections().add(connection);
        return this;
    }

    /** Hands over the pipeline; the builder cannot be used afterwards. */
    public Pipeline build() {
        Pipeline result = open();
        pipeline = null;
        current = null;
        return result;
    }

    private String[] resolve(String reference) {
        String[] split = reference == null ? null : Endpoints.split(reference, nodes::containsKey);
        if (split == null) {
            throw new IllegalArgumentException("'" + reference + "' is not node.port for a known node (nodes: "
                    + String.join(", ", nodes.keySet()) + ")");
        }
        return split;
    }

    private Port port(String name, String portTypeId) {
        Port port = factory.createPort();
        port.setName(name);
        port.setTypeId(portTypeId);
        return port;
    }

    private Pipeline open() {
        if (pipeline == null) {
            throw new IllegalStateException("build() was called; start a new builder");
        }
        return pipeline;
    }

    private Node current() {
        open();
        if (current == null) {
            throw new IllegalStateException("add a node first");
        }
        return current;
    }
}
