package io.radflow.cli;

import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PatientFailure;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", description = "Run a pipeline; writes every node's outputs and manifest.json to the output folder.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "A .radflow (XMI) or .yaml pipeline file.")
    private Path pipelineFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<name>-<time>).")
    private Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $RADFLOW_CACHE or ~/.cache/radflow).")
    private Path cache;

    @Option(names = {"-q", "--quiet"}, description = "Print only one line per node.")
    private boolean quiet;

    @Override
    public Integer call() {
        Pipeline pipeline;
        NodeTypeRegistry registry = cli.registry.get();
        try {
            pipeline = PipelineSource.loadMigrated(pipelineFile, registry, cli.err);
        } catch (IOException | RuntimeException e) {
            cli.err.println("radflow-cli: cannot read pipeline: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        Path output = out != null ? out : Path.of("runs", pipeline.getName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ConsoleMonitor monitor = new ConsoleMonitor(cli.out, quiet);
        try (CancelOnShutdown cancel = new CancelOnShutdown(monitor)) {
            Path base = pipelineFile.toAbsolutePath().getParent();
            RunResult result = new PipelineExecutor(registry).execute(pipeline,
                    new RunOptions(base, cache != null ? cache : PipelineSource.defaultCache(), output, pipelineFile), monitor);
            for (PatientFailure failure : result.patientFailures()) {
                cli.err.println("radflow-cli: " + failure);
            }
            cli.out.println("Run " + result.status() + "; outputs and manifest in " + output.toAbsolutePath());
            return ExitCodes.of(result.status());
        } catch (PipelineValidationException e) {
            cli.err.println("radflow-cli: " + pipelineFile + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IOException e) {
            cli.err.println("radflow-cli: cannot write run outputs: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
    }
}
