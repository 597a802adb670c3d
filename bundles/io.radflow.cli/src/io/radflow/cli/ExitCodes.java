package io.radflow.cli;

import io.radflow.pipeline.engine.RunStatus;

/** Process exit codes of {@code radflow-cli}. */
public final class ExitCodes {
    /** Everything succeeded. */
    public static final int OK = 0;
    /** A node failed (downstream nodes were skipped). */
    public static final int RUN_FAILED = 1;
    /** Bad usage, an unreadable or invalid pipeline, or bad input files. */
    public static final int INVALID = 2;
    /** The run completed but some patients failed (listed in the manifest). */
    public static final int PATIENT_FAILURES = 3;
    /** Canceled by the user (Ctrl-C). */
    public static final int CANCELED = 130;

    private ExitCodes() {
    }

    /** The exit code of a run that ended with {@code status}. */
    static int of(RunStatus status) {
        return switch (status) {
            case SUCCEEDED -> OK;
            case COMPLETED_WITH_PATIENT_FAILURES -> PATIENT_FAILURES;
            case FAILED -> RUN_FAILED;
            case CANCELED -> CANCELED;
        };
    }
}
