package io.radflow.testsupport;

import io.radflow.core.node.ExecutionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ExecutionContext} for node tests that records what the node reports: patient failures, input files,
 * progress fractions (which must lie in [0, 1]) and log lines. Cancellation is switched on with {@link #cancel()},
 * or by {@link #cancelAfterProgress(int)} in the middle of a node's work.
 */
public final class RecordingContext implements ExecutionContext {

    /** One {@link ExecutionContext#reportPatientFailure} call. */
    public record Failure(String patient, String field, String message) {
        @Override
        public String toString() {
            return patient + ": " + field + ": " + message;
        }
    }

    public final List<Failure> failures = new CopyOnWriteArrayList<>();
    public final List<Path> inputs = new CopyOnWriteArrayList<>();
    public final List<Double> progress = new CopyOnWriteArrayList<>();
    public final List<String> log = new CopyOnWriteArrayList<>();

    private final Path base;
    private final Path cache;
    private final Path work;
    private volatile boolean canceled;
    private volatile int cancelAfterProgress = Integer.MAX_VALUE;

    /** Base, cache and work folders under the current folder. */
    public RecordingContext() {
        this(Path.of("."));
    }

    /** Base and cache folder {@code folder}; work folder {@code folder/work}. */
    public RecordingContext(Path folder) {
        this(folder, folder, folder.resolve("work"));
    }

    public RecordingContext(Path base, Path cache, Path work) {
        this.base = base;
        this.cache = cache;
        this.work = work;
    }

    /** From now on {@link #isCanceled()} is true. */
    public void cancel() {
        canceled = true;
    }

    /** {@link #isCanceled()} turns true once the node has reported progress {@code reports} times; returns this. */
    public RecordingContext cancelAfterProgress(int reports) {
        cancelAfterProgress = reports;
        return this;
    }

    /** The patients that failed, in report order. */
    public List<String> failedPatients() {
        return failures.stream().map(Failure::patient).toList();
    }

    @Override
    public void progress(double fraction, String message) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new AssertionError("progress out of [0, 1]: " + fraction + " (" + message + ")");
        }
        progress.add(fraction);
        if (progress.size() >= cancelAfterProgress) {
            canceled = true;
        }
    }

    @Override
    public boolean isCanceled() {
        return canceled;
    }

    @Override
    public void reportPatientFailure(String patientId, String field, String message) {
        failures.add(new Failure(patientId, field, message));
    }

    @Override
    public void recordInput(Path file) {
        inputs.add(file);
    }

    @Override
    public void log(String message) {
        log.add(message);
    }

    @Override
    public Path baseDirectory() {
        return base;
    }

    @Override
    public Path cacheDirectory() {
        return cache;
    }

    @Override
    public Path workDirectory() throws IOException {
        return Files.createDirectories(work);
    }
}
