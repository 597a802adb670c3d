package io.radflow.pipeline.engine;

/**
 * Receives the events of a run and answers whether it should stop. Called on the thread that runs
 * the pipeline; a UI implementation hands the events over to its display thread.
 */
public interface RunMonitor {

    /** A monitor that ignores events and never cancels. */
    RunMonitor NONE = new RunMonitor() {
    };

    default void nodeStarted(String nodeId, int index, int count) {
    }

    default void progress(String nodeId, double fraction, String message) {
    }

    default void nodeFinished(NodeRunRecord record) {
    }

    /** The node was not executed: its outputs came from a {@link NodeResultCache} (called before {@link #nodeFinished}). */
    default void nodeReused(String nodeId) {
    }

    default void log(String line) {
    }

    default boolean isCanceled() {
        return false;
    }
}
