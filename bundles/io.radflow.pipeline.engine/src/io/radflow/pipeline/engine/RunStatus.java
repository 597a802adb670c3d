package io.radflow.pipeline.engine;

/** Outcome of a whole run. */
public enum RunStatus {
    /** Every node succeeded for every patient. */
    SUCCEEDED,
    /** Every node ran, but some patients failed in some node (listed in the manifest). */
    COMPLETED_WITH_PATIENT_FAILURES,
    /** At least one node failed; nodes downstream of it were skipped. */
    FAILED,
    /** The user canceled the run. */
    CANCELED
}
