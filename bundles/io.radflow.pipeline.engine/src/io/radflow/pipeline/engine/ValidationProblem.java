package io.radflow.pipeline.engine;

/**
 * One finding of {@link PipelineValidator}.
 *
 * @param nodeId the node concerned, or {@code null} for the pipeline as a whole
 */
public record ValidationProblem(Severity severity, String nodeId, String message) {

    public enum Severity {
        ERROR, WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + (nodeId == null ? "" : " [" + nodeId + "]") + ": " + message;
    }
}
