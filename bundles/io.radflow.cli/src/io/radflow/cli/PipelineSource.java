package io.radflow.cli;

import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineMigration;
import io.radflow.pipeline.engine.PipelineValidator;
import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineYaml;

import java.io.IOException;
import java.io.PrintStream;
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

    /**
     * Loads a pipeline to run or validate it: node parameters saved with an older node type version are migrated
     * ({@link PipelineMigration}); each migration and each validation warning (e.g. a node saved with another
     * version) is printed to {@code err}, prefixed with the file.
     */
    static Pipeline loadMigrated(Path file, NodeTypeRegistry registry, PrintStream err) throws IOException {
        Pipeline pipeline = load(file);
        new PipelineMigration(registry).migrate(pipeline)
                .forEach(m -> err.println("radflow-cli: " + file + ": note: " + m));
        new PipelineValidator(registry).validate(pipeline).stream().filter(p -> !p.isError())
                .map(ValidationProblem::toString).forEach(w -> err.println("radflow-cli: " + file + ": " + w));
        return pipeline;
    }

    /** Default cache folder: $RADFLOW_CACHE, else ~/.cache/radflow. */
    static Path defaultCache() {
        String env = System.getenv("RADFLOW_CACHE");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "radflow");
    }
}
