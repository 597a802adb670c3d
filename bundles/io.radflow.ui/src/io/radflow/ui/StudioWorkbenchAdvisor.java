package io.radflow.ui;

import io.radflow.ui.views.PipelinesView;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Workbench of Radflow Studio: one window in the Radflow perspective; opens the start file. */
public final class StudioWorkbenchAdvisor extends WorkbenchAdvisor {

    private final Path openAtStart;

    /** @param openAtStart pipeline to open once the window is up, or null */
    public StudioWorkbenchAdvisor(Path openAtStart) {
        this.openAtStart = openAtStart;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return StudioPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new StudioWorkbenchWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        if (openAtStart == null) {
            return;
        }
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null) {
            return;
        }
        IWorkbenchPage page = window.getActivePage();
        if (!Files.isRegularFile(openAtStart)) {
            MessageDialog.openError(window.getShell(), "Cannot open pipeline", "No such file: " + openAtStart);
            return;
        }
        PipelinesView.open(page, openAtStart);
    }
}
