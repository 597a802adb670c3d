package io.radflow.core.node;

/** Thrown when a user cancels a run. */
public final class CanceledExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super("Canceled by the user");
    }
}
