package io.radflow.stats.nodes;

import io.radflow.core.node.ExecutionContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A minimal execution context that records logs and patient failures. */
public final class TestContext implements ExecutionContext {

    public final List<String> log = new ArrayList<>();
    public final List<String> failures = new ArrayList<>();
    private final Path dir;

    public TestContext(Path dir) {
        this.dir = dir;
    }

    /** The test output folder: {@code radflow.test.output} (set by the build) or target/test-output. */
    public static Path outputDir(String sub) {
        return Path.of(System.getProperty("radflow.test.output", "target/test-output"), sub);
    }

    @Override
    public void progress(double fraction, String message) {
        if (fraction < 0 || fraction > 1) {
            throw new AssertionError("progress out of [0, 1]: " + fraction);
        }
    }

    @Override
    public boolean isCanceled() {
        return false;
    }

    @Override
    public void reportPatientFailure(String patientId, String field, String message) {
        failures.add(patientId + " / " + field + ": " + message);
    }

    @Override
    public void recordInput(Path file) {
    }

    @Override
    public void log(String message) {
        log.add(message);
    }

    @Override
    public Path baseDirectory() {
        return dir;
    }

    @Override
    public Path cacheDirectory() {
        return dir;
    }
}
