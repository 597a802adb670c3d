package io.radflow.ui.compare;

import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Runs a pipeline file for a comparison with {@link PipelineExecutor}: output folder
 * {@code <runsRoot>/<file name>-<yyyyMMdd-HHmmss>}, relative paths against the file's folder.
 */
public final class ComparisonRunner {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final NodeTypeRegistry registry;
    private final Path runsRoot;
    private final Path cacheDirectory;

    public ComparisonRunner(NodeTypeRegistry registry, Path runsRoot, Path cacheDirectory) {
        this.registry = registry;
        this.runsRoot = runsRoot;
        this.cacheDirectory = cacheDirectory;
    }

    /** Loads and runs {@code file}. */
    public RunResult run(Path file, RunMonitor monitor) throws IOException, PipelineValidationException {
        Pipeline pipeline = PipelineFiles.load(file);
        String stem = file.getFileName().toString().replaceFirst("\\.radflow$", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        Path output = runsRoot.resolve(stem + "-" + LocalDateTime.now().format(STAMP));
        RunOptions options = new RunOptions(file.toAbsolutePath().getParent(), cacheDirectory, output, file);
        return new PipelineExecutor(registry).execute(pipeline, options, monitor);
    }
}
