package io.radflow.pipeline.engine;

import java.nio.file.Path;

/**
 * Where a run reads and writes.
 *
 * @param baseDirectory   folder against which relative paths in parameters resolve (the pipeline file's folder)
 * @param cacheDirectory  folder for caches that outlive runs (e.g. the generated demo cohort)
 * @param outputDirectory folder for node outputs and the run manifest, or {@code null} to keep results in memory only
 * @param pipelineFile    the pipeline file, recorded with its hash in the manifest, or {@code null}
 */
public record RunOptions(Path baseDirectory, Path cacheDirectory, Path outputDirectory, Path pipelineFile) {

    public RunOptions(Path baseDirectory, Path cacheDirectory, Path outputDirectory) {
        this(baseDirectory, cacheDirectory, outputDirectory, null);
    }
}
