package io.radflow.core.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running node may use: progress, cancellation, per-patient failure reports, input
 * provenance and logging. Passed in, never global, so nodes run alike in the studio, the CLI, tests
 * and on a cluster.
 */
public interface ExecutionContext {

    /** Reports progress of this node, {@code fraction} in [0, 1]. */
    void progress(double fraction, String message);

    /** Whether the user asked to stop. */
    boolean isCanceled();

    /** Throws {@link CanceledExecutionException} when the user asked to stop; call it in loops. */
    default void checkCanceled() throws CanceledExecutionException {
        if (isCanceled()) {
            throw new CanceledExecutionException();
        }
    }

    /**
     * Records that one patient failed (bad file, empty mask, missing value); the node goes on with
     * the other patients and the run manifest lists the failure.
     *
     * @param patientId the patient
     * @param field     the file or column that was wrong (a path or a column name)
     * @param message   what was wrong
     */
    void reportPatientFailure(String patientId, String field, String message);

    /** Records an input file of the run; the manifest lists it with its SHA-256. */
    void recordInput(Path file);

    /** A line for the run log. */
    void log(String message);

    /** Folder against which relative paths in parameters resolve (the pipeline file's folder). */
    Path baseDirectory();

    /** A folder the node may use for caches that outlive the run (e.g. the generated demo cohort). */
    Path cacheDirectory();

    /**
     * A folder of this node in this run for the files it produces for downstream nodes (e.g. preprocessed
     * images that an output cohort points to); it exists when returned. The engine gives
     * {@code <run output>/<node id>/files} (or a folder under the cache when the run keeps results in memory);
     * this default, for contexts outside the engine, is a new temporary folder.
     */
    default Path workDirectory() throws IOException {
        return Files.createTempDirectory("radflow-node-");
    }

    /**
     * Runs independent sub-tasks of this node (e.g. cross-validation folds). This default runs them on the
     * common fork-join pool ({@link TaskRunner#PARALLEL}); a runner that distributes work (the Spark runner)
     * gives one that runs them on its cluster, with the same results.
     */
    default TaskRunner taskRunner() {
        return TaskRunner.PARALLEL;
    }

    /**
     * The chain between this node's chain inputs, re-executable on other rows (see {@link ChainRunner}); present when
     * the engine runs a node type that declares chain ports. This default, for contexts outside the engine, has none.
     */
    default Optional<ChainRunner> chain() {
        return Optional.empty();
    }
}
