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
 * Pipeline > Reload Extensions: installs new, updates changed and removes deleted jars of the dropins folder
 * without a restart, then shows what is installed; problems also go to the error log. Pipeline editors opened
 * afterwards show the new node types in their palette.
 */
public final class ReloadExtensionsHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        BundleContext context = FrameworkUtil.getBundle(ReloadExtensionsHandler.class).getBundleContext();
        ServiceReference<DropinsInstaller> reference = context.getServiceReference(DropinsInstaller.class);
        DropinsInstaller installer = reference == null ? null : context.getService(reference);
        if (installer == null) {
            MessageDialog.openError(HandlerUtil.getActiveShell(event), "Reload Extensions",
                    "The dropins support (bundle io.radflow.dropins) is not running.");
            return null;
        }
        try {
            List<Dropin> dropins = installer.reload();
            StringBuilder text = new StringBuilder("Folder: " + installer.folder() + "\n");
            ILog log = ILog.of(FrameworkUtil.getBundle(ReloadExtensionsHandler.class));
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
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Reload Extensions", text.toString());
        } finally {
            context.ungetService(reference);
        }
        return null;
    }
}
