package io.radflow.cli;

import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = "Convert a YAML pipeline back to a .radflow (XMI) file.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "YAML")
    private Path yamlFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.radflow")
    private Path output;

    @Override
    public Integer call() {
        try {
            PipelineFiles.save(PipelineSource.load(yamlFile), output);
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            cli.err.println("radflow-cli: import failed: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
