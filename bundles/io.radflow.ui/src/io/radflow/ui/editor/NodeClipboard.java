package io.radflow.ui.editor;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineFormatException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Copy and paste of nodes as text: the selected nodes (with their parameters, ports and positions)
 * and the connections between them, serialised as a small pipeline in the {@code .radflow} XMI
 * format. Text travels through the system clipboard, so nodes can be pasted into another pipeline
 * editor, another studio window, or a text editor for inspection.
 */
public final class NodeClipboard {

    /** Name of the pipeline that carries clipboard content. */
    public static final String FRAGMENT_NAME = "radflow-clipboard";

    private NodeClipboard() {
    }

    /**
     * The XMI text of the nodes {@code nodeIds} of {@code pipeline} and of the connections whose both
     * ends are among them; the pipeline is not changed.
     *
     * @throws IllegalArgumentException when no listed node is in the pipeline
     */
    public static String serialize(Pipeline pipeline, Collection<String> nodeIds) {
        List<Node> nodes = pipeline.getNodes().stream().filter(n -> nodeIds.contains(n.getId())).toList();
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("none of the nodes " + nodeIds + " is in pipeline '" + pipeline.getName() + "'");
        }
        List<Connection> inner = new ArrayList<>();
        for (Connection c : pipeline.getConnections()) {
            if (nodes.contains(c.getSource()) && nodes.contains(c.getTarget())) {
                inner.add(c);
            }
        }
        EcoreUtil.Copier copier = new EcoreUtil.Copier();
        Pipeline fragment = PipelineFactory.eINSTANCE.createPipeline();
        fragment.setName(FRAGMENT_NAME);
        for (Node n : nodes) {
            fragment.getNodes().add((Node) copier.copy(n));
        }
        for (Connection c : inner) {
            fragment.getConnections().add((Connection) copier.copy(c));
        }
        copier.copyReferences();
        try {
            return PipelineFiles.toXmiString(fragment);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the copied nodes: " + e.getMessage(), e);
        }
    }

    /**
     * The pipeline fragment in clipboard text, or empty when the text is not a pipeline (ordinary text
     * on the clipboard is not an error: there is simply nothing to paste).
     */
    public static Optional<Pipeline> parse(String text) {
        if (text == null || !text.contains("http://radflow.io/pipeline/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(PipelineFiles.fromXmiString(text, "clipboard"));
        } catch (PipelineFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
