package io.radflow.cli;

import io.radflow.pipeline.engine.NodeTypeRegistry;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code radflow-cli}: run, validate, list node types, export and import pipelines, and run a
 * single node on files. Usable without OSGi from tests: pass a registry supplier and streams.
 */
@Command(name = "radflow-cli", mixinStandardHelpOptions = true, version = "Radflow 0.1.0",
        description = "Radflow headless tool: runs radiomics pipelines (*.radflow) without the studio.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListNodesCommand.class, ExportCommand.class,
                ImportCommand.class, NodeCommand.class, ExtractCommand.class, ExtensionsCommand.class,
                BundleCommand.class, ApplyCommand.class})
public final class RadflowCli implements Runnable {

    final Supplier<NodeTypeRegistry> registry;
    final PrintStream out;
    final PrintStream err;

    private RadflowCli(Supplier<NodeTypeRegistry> registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        out.println(new CommandLine(this).getUsageMessage());
    }

    /** Parses {@code args}, runs the command and returns the exit code (see {@link ExitCodes}). */
    public static int execute(String[] args, Supplier<NodeTypeRegistry> registry, PrintStream out, PrintStream err) {
        RadflowCli root = new RadflowCli(registry, out, err);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.INVALID);
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("radflow-cli: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCodes.INVALID;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("radflow-cli: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.INVALID;
        });
        return commandLine.execute(args);
    }
}
