package io.radflow.dropins.internal;

import io.radflow.dropins.Dropin;
import io.radflow.dropins.DropinsFolder;
import io.radflow.dropins.DropinsInstaller;
import io.radflow.pipeline.engine.ExtensionProblems;

import java.util.Hashtable;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Installs the dropins at start-up (the product starts this bundle before the applications) and registers the
 * {@link DropinsInstaller} as a service for "reload extensions". Problems go to the platform log (the studio's
 * error log and the console of {@code -consoleLog}); nothing here stops the product.
 */
public final class Activator implements BundleActivator {

    private static final String NO_REGISTRY_CACHE = "eclipse.noRegistryCache";

    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        DropinsInstaller installer;
        ILog log = ILog.of(context.getBundle());
        try {
            // the folder is chosen again on every reload: a changed preference takes effect on "Reload extensions"
            installer = new DropinsInstaller(context, () -> DropinsFolder.configured(context));
        } catch (RuntimeException e) {
            log.error("Radflow dropins: " + e.getMessage(), e);
            return;
        }
        registration = context.registerService(new String[] {DropinsInstaller.class.getName(),
                ExtensionProblems.class.getName()}, installer, new Hashtable<>());
        try {
            if (installer.hasDropins() && Platform.getExtensionRegistry() == null) {
                // The registry starts after this bundle; from its cache it would not see the bundles installed here
                // (nor notice removed ones), so it reads every plugin.xml this time. Read from the framework
                // configuration, which Equinox backs with the system properties.
                System.setProperty(NO_REGISTRY_CACHE, "true");
            }
            // installs and resolves now, so the extension registry sees the bundles when it starts; node types are
            // checked on first use, so only install problems can be logged here
            List<Dropin> dropins = installer.reload();
            installer.folderProblem().ifPresent(log::warn);
            for (Dropin dropin : dropins) {
                dropin.problems().forEach(log::warn);
            }
        } catch (RuntimeException e) {
            log.error("Radflow dropins in " + installer.folder() + " could not be loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(BundleContext context) {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
