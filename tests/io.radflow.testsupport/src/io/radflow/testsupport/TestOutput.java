package io.radflow.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests write what they produce: the folder of system property {@code radflow.test.output} (the module's
 * {@code target/test-output}, set by the build), and benchmark reports beside it in {@code target/bench}.
 */
public final class TestOutput {

    private TestOutput() {
    }

    /** {@code <radflow.test.output>} (default {@code target/test-output}); not created. */
    public static Path folder() {
        return Path.of(System.getProperty("radflow.test.output", "target/test-output"));
    }

    /** {@code <radflow.test.output>/<sub>}; not created. */
    public static Path folder(String sub) {
        return folder().resolve(sub);
    }

    /** Writes a benchmark report to {@code <radflow.test.output>/../bench/<fileName>} and returns the file. */
    public static Path writeBenchReport(String fileName, CharSequence report) throws IOException {
        Path file = folder().toAbsolutePath().resolveSibling("bench").resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        return file;
    }
}
