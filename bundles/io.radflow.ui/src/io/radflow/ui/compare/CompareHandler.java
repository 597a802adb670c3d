package io.radflow.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** Pipeline > Compare Pipelines...: choose two or more pipeline files and open the comparison view. */
public final class CompareHandler extends AbstractHandler {

    public static final String COMMAND_ID = "io.radflow.ui.commands.compare";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText("Pipelines to compare");
        dialog.setFilterExtensions(new String[] {"*.radflow"});
        dialog.setFilterPath(io.radflow.ui.views.PipelinesView.workspaceFolder().toString());
        if (dialog.open() == null) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        for (String name : dialog.getFileNames()) {
            files.add(Path.of(dialog.getFilterPath(), name));
        }
        return ComparisonView.open(window.getActivePage(), files);
    }
}
