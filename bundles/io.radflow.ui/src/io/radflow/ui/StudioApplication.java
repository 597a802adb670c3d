package io.radflow.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The Radflow Studio application ({@code io.radflow.ui.studio}). Command line:
 * {@code -open <file.radflow>} (or the system property {@value #OPEN_PROPERTY}) opens a pipeline
 * at start; the system property {@code radflow.workspace} names the folder of the Pipelines view.
 */
public final class StudioApplication implements IApplication {

    public static final String ID = "io.radflow.ui.studio";
    public static final String OPEN_PROPERTY = "radflow.open";

    @Override
    public Object start(IApplicationContext context) {
        Display display = PlatformUI.createDisplay();
        try {
            Object args = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
            Optional<Path> open = fileToOpen(args instanceof String[] a ? a : new String[0],
                    System.getProperty(OPEN_PROPERTY));
            int code = PlatformUI.createAndRunWorkbench(display, new StudioWorkbenchAdvisor(open.orElse(null)));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }

    /**
     * The pipeline to open at start: the argument after {@code -open}, else {@code property}.
     * A relative path is resolved against the working directory, then against the Pipelines
     * folder; the first that exists wins.
     */
    static Optional<Path> fileToOpen(String[] args, String property) {
        String value = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if ("-open".equals(args[i])) {
                value = args[i + 1];
            }
        }
        if (value == null) {
            value = property;
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        if (!path.isAbsolute() && !Files.exists(path)) {
            Path inWorkspace = io.radflow.ui.views.PipelinesView.workspaceFolder().resolve(value);
            if (Files.exists(inWorkspace)) {
                path = inWorkspace;
            }
        }
        return Optional.of(path.toAbsolutePath().normalize());
    }
}
