package io.radflow.cli;

import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineYaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Loads a pipeline from XMI ({@code .radflow}) or YAML ({@code .yaml}, {@code .yml}). */
final class PipelineSource {

    private PipelineSource() {
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static Pipeline load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such pipeline file");
        }
        if (isYaml(file)) {
            return PipelineYaml.fromYaml(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        return PipelineFiles.load(file);
    }

    /** Default cache folder: $RADFLOW_CACHE, else ~/.cache/radflow. */
    static Path defaultCache() {
        String env = System.getenv("RADFLOW_CACHE");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "radflow");
    }
}
