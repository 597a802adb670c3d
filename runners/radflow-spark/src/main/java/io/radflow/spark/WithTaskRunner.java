package io.radflow.spark;

import io.radflow.core.node.ChainRunner;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.TaskRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The engine's context of a node, except that its sub-tasks run on {@code tasks}. */
record WithTaskRunner(ExecutionContext context, TaskRunner tasks) implements ExecutionContext {

    @Override
    public TaskRunner taskRunner() {
        return tasks;
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
    public Optional<ChainRunner> chain() {
        return context.chain();
    }
}
