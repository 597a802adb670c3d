package io.radflow.cli;

import io.radflow.features.extraction.ExtractionParameters;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = {"Convert a YAML pipeline back to a .radflow (XMI) file, or turn a PyRadiomics "
        + "parameter file into an extraction pipeline (--format pyradiomics): a cohort node feeding one feature node "
        + "per enabled family."})
final class ImportCommand implements Callable<Integer> {

    enum Format {
        pipeline, pyradiomics
    }

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "YAML")
    private Path yamlFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.radflow|FILE.yaml")
    private Path output;

    @Option(names = "--format", defaultValue = "pipeline",
            description = "pipeline (a Radflow YAML pipeline) or pyradiomics (a parameter file); default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--manifest", defaultValue = "cohort.csv", paramLabel = "COHORT.csv",
            description = "With --format pyradiomics: the cohort manifest of the cohort node (default: ${DEFAULT-VALUE}).")
    private String manifest;

    @Override
    public Integer call() {
        try {
            if (format == Format.pyradiomics) {
                String name = yamlFile.getFileName().toString().replaceAll("\\.(ya?ml|json)$", "");
                PyRadiomicsExchange.Imported imported = new PyRadiomicsExchange(cli.registry.get())
                        .importParameters(ExtractionParameters.read(yamlFile), name, manifest);
                imported.notes().forEach(n -> cli.err.println("radflow-cli: " + yamlFile + ": note: " + n));
                PipelineFiles.save(imported.pipeline(), output);
            } else {
                PipelineFiles.save(PipelineSource.load(yamlFile), output);
            }
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            cli.err.println("radflow-cli: import failed: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
