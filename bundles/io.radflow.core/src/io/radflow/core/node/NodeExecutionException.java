package io.radflow.core.node;

/** A node failed as a whole (as opposed to one patient failing); the message says why. */
public class NodeExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public NodeExecutionException(String message) {
        super(message);
    }

    public NodeExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
