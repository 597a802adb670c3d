package io.radflow.dropins.internal;

import io.radflow.dropins.Dropin;
import io.radflow.dropins.DropinsInstaller;
import io.radflow.pipeline.engine.ExtensionProblems;

import java.util.Hashtable;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Installs the dropins at start-up (the product starts this bundle before the applications) and registers the
 * {@link DropinsInstaller} as a service for "reload extensions". Problems go to the platform log (the studio's
 * error log and the console of {@code -consoleLog}); nothing here stops the product.
 */
public final class Activator implements BundleActivator {

    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        DropinsInstaller installer = new DropinsInstaller(context, DropinsInstaller.defaultFolder(context));
        registration = context.registerService(new String[] {DropinsInstaller.class.getName(),
                ExtensionProblems.class.getName()}, installer, new Hashtable<>());
        ILog log = ILog.of(context.getBundle());
        try {
            for (Dropin dropin : installer.reload()) {
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
