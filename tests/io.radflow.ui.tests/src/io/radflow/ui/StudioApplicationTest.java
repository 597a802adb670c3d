package io.radflow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Command-line handling of the studio: which pipeline opens at start. */
class StudioApplicationTest {

    @Test
    void openArgumentWinsOverTheSystemProperty() {
        Path file = Path.of("/tmp/some/where/p.radflow");
        assertEquals(Optional.of(file), StudioApplication.fileToOpen(
                new String[] { "-clean", "-open", file.toString(), "-consoleLog" }, "/tmp/other.radflow"));
    }

    @Test
    void systemPropertyIsUsedWithoutArgument() {
        assertEquals(Optional.of(Path.of("/tmp/other.radflow")),
                StudioApplication.fileToOpen(new String[] { "-consoleLog" }, "/tmp/other.radflow"));
    }

    @Test
    void nothingOpensWithoutArgumentOrProperty() {
        assertEquals(Optional.empty(), StudioApplication.fileToOpen(new String[0], null));
        assertEquals(Optional.empty(), StudioApplication.fileToOpen(new String[] { "-open" }, " "));
    }

    @Test
    void relativeNamesResolveInThePipelinesFolder() {
        // the build sets radflow.workspace to <repo>/examples, which holds demo.radflow
        Path expected = io.radflow.ui.views.PipelinesView.workspaceFolder().resolve("demo.radflow");
        assertEquals(Optional.of(expected), StudioApplication.fileToOpen(new String[] { "-open", "demo.radflow" }, null));
    }
}
