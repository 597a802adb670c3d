package io.radflow.ui.compare;

import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineVariants;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Variant" action: the copies of {@link PipelineVariants} (one node parameter set to each of several
 * values, e.g. binWidth 16, 25, 32), saved beside the original as {@code <file>-<key>-<value>.radflow}.
 */
public final class VariantSweep {

    private VariantSweep() {
    }

    /**
     * The variants of {@code base} ({@link PipelineVariants#of}).
     *
     * @throws IllegalArgumentException naming the node when it is not in the pipeline, or when no value is given
     */
    public static List<Pipeline> variants(Pipeline base, String nodeId, String key, List<String> values) {
        return PipelineVariants.of(base, nodeId, key, values);
    }

    /** Writes the variants beside {@code baseFile}; returns their files in value order. */
    public static List<Path> write(Pipeline base, Path baseFile, String nodeId, String key, List<String> values)
            throws IOException {
        List<Pipeline> variants = variants(base, nodeId, key, values);
        String stem = baseFile.getFileName().toString().replaceFirst("\\.radflow$", "");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Path file = baseFile.resolveSibling(stem + "-" + PipelineVariants.safeFileName(key) + "-"
                    + PipelineVariants.safeFileName(values.get(i).trim()) + ".radflow");
            PipelineFiles.save(variants.get(i), file);
            files.add(file);
        }
        return files;
    }

    /** "16, 25,32" -> [16, 25, 32] ({@link PipelineVariants#parseValues}). */
    public static List<String> parseValues(String text) {
        return PipelineVariants.parseValues(text);
    }
}
