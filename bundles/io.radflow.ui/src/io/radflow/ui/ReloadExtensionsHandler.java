package io.radflow.ui;

import io.radflow.dropins.Dropin;
import io.radflow.dropins.DropinsInstaller;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Pipeline > Reload Extensions: chooses the dropins folder again (system property, preference "Extensions folder",
 * installation), installs new, updates changed and removes deleted jars without a restart, then shows what is
 * installed; problems (also of the folder itself) go to the error log too and never stop the studio. Pipeline
 * editors opened afterwards show the new node types in their palette.
 */
public final class ReloadExtensionsHandler extends AbstractHandler {

    /** Id of the command (plugin.xml). */
    public static final String COMMAND_ID = "io.radflow.ui.commands.reloadExtensions";
    /** Title of the dialog that shows the result. */
    public static final String TITLE = "Reload Extensions";

    @Override
    public Object execute(ExecutionEvent event) {
        BundleContext context = FrameworkUtil.getBundle(ReloadExtensionsHandler.class).getBundleContext();
        ServiceReference<DropinsInstaller> reference = context.getServiceReference(DropinsInstaller.class);
        DropinsInstaller installer = reference == null ? null : context.getService(reference);
        if (installer == null) {
            MessageDialog.openError(HandlerUtil.getActiveShell(event), TITLE,
                    "The dropins support (bundle io.radflow.dropins) is not running.");
            return null;
        }
        ILog log = ILog.of(FrameworkUtil.getBundle(ReloadExtensionsHandler.class));
        try {
            List<Dropin> dropins = installer.reload();
            StringBuilder text = new StringBuilder("Folder: " + installer.dropinsFolder().describe() + "\n");
            installer.folderProblem().ifPresent(problem -> {
                text.append("\n").append(problem).append('\n');
                log.warn(problem);
            });
            for (Dropin dropin : dropins) {
                text.append("\n").append(dropin.status()).append("  ").append(dropin.jar().getFileName());
                if (!dropin.nodeTypes().isEmpty()) {
                    text.append("  (").append(String.join(", ", dropin.nodeTypes())).append(")");
                }
                dropin.problems().forEach(p -> {
                    text.append("\n    ").append(p);
                    log.warn(p);
                });
            }
            if (dropins.isEmpty()) {
                text.append("\nNo extension jars.");
            }
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), TITLE, text.toString());
        } catch (RuntimeException e) { // e.g. a preference that is not a path: reported, the studio goes on
            log.error("Reload Extensions failed: " + e.getMessage(), e);
            MessageDialog.openError(HandlerUtil.getActiveShell(event), TITLE, "Reload Extensions failed: "
                    + e.getMessage());
        } finally {
            context.ungetService(reference);
        }
        return null;
    }
}
