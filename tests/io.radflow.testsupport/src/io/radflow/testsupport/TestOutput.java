package io.radflow.testsupport;

import java.nio.file.Path;

/** Where tests write what they produce: the folder of system property {@code radflow.test.output}, set by the build. */
public final class TestOutput {

    private TestOutput() {
    }

    /** {@code <radflow.test.output>/<sub>} (default {@code target/test-output/<sub>}); not created. */
    public static Path folder(String sub) {
        return Path.of(System.getProperty("radflow.test.output", "target/test-output"), sub);
    }
}
