package io.radflow.pipeline.engine;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chain a node refits ({@link TrainTestRole#refitsChain()}): the nodes on every path from the output that feeds
 * the node's {@code chainSource} input to the node that feeds its {@code chainEnd} input, in execution order. Shared
 * by the validator (which rejects a chain whose end is not downstream of its source) and the executor (which re-runs
 * it, {@link ChainExecution}). Immutable.
 *
 * @param sourceNode the node whose output starts the chain (not part of the chain)
 * @param sourcePort its output port that is replaced when the chain is refitted
 * @param endNode    the last node of the chain
 * @param endPort    its output port that feeds the asking node
 * @param nodes      the chain's nodes in execution order, {@code endNode} last
 */
record PipelineChain(Node sourceNode, String sourcePort, Node endNode, String endPort, List<Node> nodes) {

    PipelineChain {
        nodes = List.copyOf(nodes);
    }

    /**
     * The chain of {@code node}, empty when one of its chain inputs is not connected (reported as an unconnected
     * input).
     *
     * @throws IllegalArgumentException naming the nodes when the end is not downstream of the source
     */
    static Optional<PipelineChain> of(Pipeline pipeline, Node node, TrainTestRole role) {
        Connection source = incoming(pipeline, node, role.chainSource());
        Connection end = incoming(pipeline, node, role.chainEnd());
        if (source == null || end == null) {
            return Optional.empty();
        }
        Set<Node> downstream = new HashSet<>();
        Deque<Node> pending = new ArrayDeque<>();
        for (Connection c : pipeline.getConnections()) {
            if (c.getSource() == source.getSource() && source.getSourcePort().equals(c.getSourcePort()) && c.getTarget() != null) {
                pending.add(c.getTarget());
            }
        }
        while (!pending.isEmpty()) {
            Node next = pending.poll();
            if (downstream.add(next)) {
                pipeline.getConnections().stream().filter(c -> c.getSource() == next && c.getTarget() != null)
                        .forEach(c -> pending.add(c.getTarget()));
            }
        }
        if (!downstream.contains(end.getSource())) {
            throw new IllegalArgumentException("node '" + node.getId() + "' (" + node.getTypeId() + ") refits the chain from its input '"
                    + role.chainSource() + "' to its input '" + role.chainEnd() + "', but node '" + end.getSource().getId()
                    + "' (feeding '" + role.chainEnd() + "') is not downstream of output '" + source.getSourcePort()
                    + "' of node '" + source.getSource().getId() + "' (feeding '" + role.chainSource()
                    + "'): connect the table the selection and fitting start from and the model they end in");
        }
        Set<Node> upstreamOfEnd = new HashSet<>();
        pending.add(end.getSource());
        while (!pending.isEmpty()) {
            Node next = pending.poll();
            if (upstreamOfEnd.add(next)) {
                pipeline.getConnections().stream().filter(c -> c.getTarget() == next && c.getSource() != null)
                        .forEach(c -> pending.add(c.getSource()));
            }
        }
        List<Node> chain = PipelineExecutor.topologicalOrder(pipeline).stream()
                .filter(n -> downstream.contains(n) && upstreamOfEnd.contains(n)).toList();
        return Optional.of(new PipelineChain(source.getSource(), source.getSourcePort(), end.getSource(),
                end.getSourcePort(), chain));
    }

    private static Connection incoming(Pipeline pipeline, Node node, String port) {
        return pipeline.getConnections().stream()
                .filter(c -> c.getTarget() == node && port.equals(c.getTargetPort()) && c.getSource() != null)
                .findFirst().orElse(null);
    }
}
