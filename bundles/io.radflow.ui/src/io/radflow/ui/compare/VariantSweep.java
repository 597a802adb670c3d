package io.radflow.ui.compare;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Variant" action: copies of a pipeline with one node parameter set to each of several values
 * (e.g. binWidth 16, 25, 32). A copy is named "<name> [key=value]" and saved beside the original as
 * {@code <file>-<key>-<value>.radflow}; everything else is unchanged.
 */
public final class VariantSweep {

    private VariantSweep() {
    }

    /**
     * The variants of {@code base}.
     *
     * @throws IllegalArgumentException naming the node when it is not in the pipeline, or when no value is given
     */
    public static List<Pipeline> variants(Pipeline base, String nodeId, String key, List<String> values) {
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

    /** Writes the variants beside {@code baseFile}; returns their files in value order. */
    public static List<Path> write(Pipeline base, Path baseFile, String nodeId, String key, List<String> values)
            throws IOException {
        List<Pipeline> variants = variants(base, nodeId, key, values);
        String stem = baseFile.getFileName().toString().replaceFirst("\\.radflow$", "");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Path file = baseFile.resolveSibling(stem + "-" + safe(key) + "-" + safe(values.get(i).trim()) + ".radflow");
            PipelineFiles.save(variants.get(i), file);
            files.add(file);
        }
        return files;
    }

    /** "16, 25,32" -> [16, 25, 32]. */
    public static List<String> parseValues(String text) {
        List<String> values = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
