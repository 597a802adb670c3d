package io.radflow.pipeline.engine;

/** Outcome of one node in a run. */
public enum NodeStatus {
    SUCCEEDED, FAILED, SKIPPED, CANCELED
}
