package io.radflow.cli;

import io.radflow.dropins.Dropin;
import io.radflow.dropins.DropinsInstaller;

import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "extensions", description = {"Third-party bundles in the dropins folder (system property radflow.dropins, "
        + "default <installation>/dropins).",
        "list: the jars with their state, node types and problems; reload: install new, update changed and remove "
                + "deleted jars now, then list."})
final class ExtensionsCommand implements Callable<Integer> {

    enum Action {
        list, reload
    }

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "list|reload", description = "list or reload")
    private Action action;

    @Override
    public Integer call() {
        Bundle bundle = FrameworkUtil.getBundle(ExtensionsCommand.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        ServiceReference<DropinsInstaller> reference = context == null ? null
                : context.getServiceReference(DropinsInstaller.class);
        DropinsInstaller installer = reference == null ? null : context.getService(reference);
        if (installer == null) {
            cli.err.println("radflow-cli: extensions: the dropins support (bundle io.radflow.dropins) is not running");
            return ExitCodes.INVALID;
        }
        try {
            List<Dropin> dropins = action == Action.reload ? installer.reload() : installer.dropins();
            print(installer, dropins);
            return ExitCodes.OK;
        } finally {
            context.ungetService(reference);
        }
    }

    private void print(DropinsInstaller installer, List<Dropin> dropins) {
        cli.out.println("Dropins folder: " + installer.folder() + (dropins.isEmpty() ? " (no jars)" : ""));
        for (Dropin dropin : dropins) {
            cli.out.println("  " + dropin.status() + "  " + dropin.jar().getFileName()
                    + (dropin.symbolicName() == null ? "" : "  " + dropin.displayName())
                    + (dropin.nodeTypes().isEmpty() ? "" : "  node types: " + String.join(", ", dropin.nodeTypes())));
            dropin.problems().forEach(p -> cli.out.println("    problem: " + p));
        }
        long problems = dropins.stream().mapToLong(d -> d.problems().size()).sum();
        cli.out.println(dropins.size() + " jar(s), " + problems + " problem(s)");
    }
}
