package io.radflow.ui.editor;

import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.model.Node;

import java.util.Optional;

/**
 * The element the pipeline editor publishes when a node is selected: the editor and the node id,
 * from which views read the node and its record in the editor's last run.
 */
public record SelectedNode(PipelineEditor editor, String nodeId) {

    public Optional<Node> node() {
        return editor.node(nodeId);
    }

    public Optional<NodeRunRecord> lastRecord() {
        return editor.lastResult().flatMap(r -> r.node(nodeId));
    }
}
