package io.radflow.cli;

import io.radflow.core.io.AtomicFiles;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineYaml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Write a pipeline as readable YAML (default) or as XMI.")
final class ExportCommand implements Callable<Integer> {

    enum Format {
        yaml, xmi
    }

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "PIPELINE")
    private Path pipelineFile;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml or xmi (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output, YAML only).")
    private Path output;

    @Override
    public Integer call() {
        try {
            Pipeline pipeline = PipelineSource.load(pipelineFile);
            if (format == Format.xmi) {
                if (output == null) {
                    cli.err.println("radflow-cli: export --format xmi needs --output FILE");
                    return ExitCodes.INVALID;
                }
                PipelineFiles.save(pipeline, output);
            } else if (output == null) {
                cli.out.print(PipelineYaml.toYaml(pipeline));
            } else {
                java.nio.file.Files.createDirectories(output.toAbsolutePath().getParent());
                AtomicFiles.writeString(output, PipelineYaml.toYaml(pipeline));
            }
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            cli.err.println("radflow-cli: export failed: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
