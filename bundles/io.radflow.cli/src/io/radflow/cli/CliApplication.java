package io.radflow.cli;

import io.radflow.pipeline.engine.NodeTypeRegistry;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application {@code io.radflow.cli.app} behind {@code radflow-cli}. Its return value is
 * the process exit code.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        return RadflowCli.execute(args == null ? new String[0] : args, NodeTypeRegistry::fromPlatform,
                System.out, System.err);
    }

    @Override
    public void stop() {
        // a running command is stopped through its cancellation flag (Ctrl-C)
    }
}
