package io.radflow.pipeline.model.io;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Variants of a pipeline for a sweep: copies with one node parameter set to each of several values (e.g.
 * binWidth 16, 25, 32). A copy is named "&lt;name&gt; [key=value]"; everything else is unchanged. Used by the
 * studio's "Variant" action and by {@code radflow-spark compare}.
 */
public final class PipelineVariants {

    private PipelineVariants() {
    }

    /**
     * The variants of {@code base}, in value order.
     *
     * @throws IllegalArgumentException naming the node when it is not in the pipeline, or when no value is given
     */
    public static List<Pipeline> of(Pipeline base, String nodeId, String key, List<String> values) {
        if (base.getNodes().stream().noneMatch(n -> n.getId().equals(nodeId))) {
            throw new IllegalArgumentException("pipeline '" + base.getName() + "' has no node '" + nodeId + "' (nodes: "
                    + base.getNodes().stream().map(Node::getId).toList() + ")");
        }
        if (key == null || key.isBlank() || values.isEmpty()) {
            throw new IllegalArgumentException("a variant sweep needs a parameter key and at least one value");
        }
        List<Pipeline> variants = new ArrayList<>();
        for (String value : values) {
            Pipeline copy = PipelineFiles.copy(base);
            Node node = copy.getNodes().stream().filter(n -> n.getId().equals(nodeId)).findFirst().orElseThrow();
            Parameter parameter = node.getParameters().stream().filter(p -> key.equals(p.getKey())).findFirst()
                    .orElse(null);
            if (parameter == null) {
                parameter = PipelineFactory.eINSTANCE.createParameter();
                parameter.setKey(key);
                node.getParameters().add(parameter);
            }
            parameter.setValue(value.trim());
            copy.setName((base.getName() == null || base.getName().isBlank() ? "pipeline" : base.getName()) + " [" + key
                    + "=" + value.trim() + "]");
            variants.add(copy);
        }
        return variants;
    }

    /** "16, 25,32" -> [16, 25, 32] (commas, semicolons or white space between values). */
    public static List<String> parseValues(String text) {
        List<String> values = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    /** {@code text} with every run of characters other than letters, digits, '.', '_' and '-' replaced by '_'. */
    public static String safeFileName(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
