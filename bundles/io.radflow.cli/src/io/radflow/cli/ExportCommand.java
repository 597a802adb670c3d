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

@Command(name = "export", description = {"Write a pipeline as readable YAML (default), as XMI, or its feature nodes "
        + "as a PyRadiomics parameter file (--format pyradiomics)."})
final class ExportCommand implements Callable<Integer> {

    enum Format {
        yaml, xmi, pyradiomics
    }

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "PIPELINE")
    private Path pipelineFile;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml, xmi or pyradiomics (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output; needed for xmi).")
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
            } else {
                String text = format == Format.pyradiomics
                        ? new PyRadiomicsExchange(cli.registry.get()).export(pipeline).toYaml()
                        : PipelineYaml.toYaml(pipeline);
                if (output == null) {
                    cli.out.print(text);
                } else {
                    java.nio.file.Files.createDirectories(output.toAbsolutePath().getParent());
                    AtomicFiles.writeString(output, text);
                }
            }
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            cli.err.println("radflow-cli: export failed: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
