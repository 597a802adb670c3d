package io.radflow.spark;

import io.radflow.core.node.ChainRunner;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.TaskRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An {@link ExecutionContext} that forwards every call to the engine's context of the node; subclasses override
 * what the Spark runner changes (where sub-tasks run, where inputs are recorded and work files go).
 */
class ForwardingContext implements ExecutionContext {

    private final ExecutionContext context;

    ForwardingContext(ExecutionContext context) {
        this.context = context;
    }

    @Override
    public void progress(double fraction, String message) {
        context.progress(fraction, message);
    }

    @Override
    public boolean isCanceled() {
        return context.isCanceled();
    }

    @Override
    public void reportPatientFailure(String patientId, String field, String message) {
        context.reportPatientFailure(patientId, field, message);
    }

    @Override
    public void recordInput(Path file) {
        context.recordInput(file);
    }

    @Override
    public void log(String message) {
        context.log(message);
    }

    @Override
    public Path baseDirectory() {
        return context.baseDirectory();
    }

    @Override
    public Path cacheDirectory() {
        return context.cacheDirectory();
    }

    @Override
    public Path workDirectory() throws IOException {
        return context.workDirectory();
    }

    @Override
    public TaskRunner taskRunner() {
        return context.taskRunner();
    }

    @Override
    public Optional<ChainRunner> chain() {
        return context.chain();
    }
}
