package io.radflow.cli;

import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineBundle;
import io.radflow.pipeline.engine.TrainedPipeline;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bundle", description = {"Pipeline bundles (zip): the pipeline, its PyRadiomics parameters, the node "
        + "types and versions it needs and a models/ folder, all under SHA-256 checksums."})
final class BundleCommand {

    @ParentCommand
    private RadflowCli cli;

    @Command(name = "create", description = "Write a bundle of a pipeline.")
    int create(@Parameters(paramLabel = "PIPELINE") Path pipelineFile,
            @Option(names = {"-o", "--output"}, required = true, paramLabel = "BUNDLE.zip") Path output,
            @Option(names = "--models", paramLabel = "DIR",
                    description = "Folder of trained models to carry under models/ (one folder per node id).") Path models,
            @Option(names = "--trained", paramLabel = "RUN_DIR", description = "Output folder of a finished run of the "
                    + "pipeline: the trained state of its scalers, selectors, models, cut-points and nomograms goes under "
                    + "models/<node id>/, for radflow-cli apply.") Path trained) {
        try {
            NodeTypeRegistry registry = cli.registry.get();
            Pipeline pipeline = trained == null ? PipelineSource.load(pipelineFile)
                    : PipelineSource.loadMigrated(pipelineFile, registry, cli.err); // as the run resolved it
            Map<String, byte[]> files = new LinkedHashMap<>();
            try {
                files.put("parameters/pyradiomics.yaml", new PyRadiomicsExchange(registry).export(pipeline).toYaml()
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                cli.err.println("radflow-cli: note: no parameters/pyradiomics.yaml: " + e.getMessage());
            }
            if (models != null) {
                if (!Files.isDirectory(models)) {
                    throw new IOException(models + ": no such folder of models");
                }
                try (Stream<Path> walk = Files.walk(models)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        files.put(PipelineBundle.MODELS + models.relativize(file).toString().replace('\\', '/'),
                                Files.readAllBytes(file));
                    }
                }
            }
            if (trained != null) {
                Map<String, byte[]> states = TrainedPipeline.stateFiles(pipeline, registry, trained);
                for (String name : states.keySet()) {
                    if (files.containsKey(name)) {
                        throw new IOException("--models and --trained both give " + name);
                    }
                }
                files.putAll(states);
            }
            PipelineBundle.create(output, pipeline, registry, files, "radflow-cli 0.1.0");
            cli.out.println("Bundle " + output + ": " + PipelineBundle.PIPELINE + ", " + files.size() + " further file(s)");
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            cli.err.println("radflow-cli: bundle create failed: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    @Command(name = "verify", description = "Check a bundle's checksums and the node types it needs; writes nothing.")
    int verify(@Parameters(paramLabel = "BUNDLE.zip") Path zip) {
        return print(zip, PipelineBundle.verify(zip, cli.registry.get()));
    }

    @Command(name = "extract", description = "Verify, then write the bundle's files into a folder (never overwrites).")
    int extract(@Parameters(paramLabel = "BUNDLE.zip") Path zip,
            @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR") Path folder) {
        try {
            PipelineBundle.Report report = PipelineBundle.extract(zip, cli.registry.get(), folder);
            print(zip, report);
            cli.out.println("Extracted into " + folder.toAbsolutePath()
                    + (report.ok() ? "" : "; install the missing node types before running the pipeline"));
            return ExitCodes.OK;
        } catch (IOException e) {
            cli.err.println("radflow-cli: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    private int print(Path zip, PipelineBundle.Report report) {
        report.warnings().forEach(w -> cli.out.println("warning: " + w));
        report.errors().forEach(e -> cli.err.println("error: " + e));
        List<String> missing = report.missingNodeTypes();
        cli.out.println(zip + (report.ok() ? ": OK" : ": NOT OK (" + report.errors().size() + " error(s)"
                + (missing.isEmpty() ? "" : "; missing node types: " + String.join(", ", missing)) + ")"));
        return report.ok() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
