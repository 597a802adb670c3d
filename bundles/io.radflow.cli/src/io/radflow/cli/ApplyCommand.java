package io.radflow.cli;

import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeStatus;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PatientFailure;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.TrainedPipeline;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.PipelineFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "apply", description = {"Apply a trained-model bundle (bundle create --trained) to a cohort: verifies "
        + "the bundle, runs the per-patient part of its pipeline on the cohort, scores it with the stored scalers, "
        + "selections, models and cut-points (nothing is fitted) and writes predictions.csv, the node outputs and "
        + "manifest.json to the output folder."})
final class ApplyCommand implements Callable<Integer> {

    /** Node type whose {@value #MANIFEST} parameter names the cohort. */
    static final String COHORT_NODE_TYPE = "radflow.io.cohort";
    static final String MANIFEST = "manifest";

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "BUNDLE.zip")
    private Path zip;

    @Option(names = "--cohort", required = true, paramLabel = "MANIFEST",
            description = "The cohort to score: a cohort manifest CSV, or builtin:demo.")
    private String cohort;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output folder; it must not exist or be empty.")
    private Path output;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $RADFLOW_CACHE or ~/.cache/radflow).")
    private Path cache;

    @Option(names = {"-q", "--quiet"}, description = "Print only one line per node.")
    private boolean quiet;

    @Override
    public Integer call() {
        NodeTypeRegistry registry = cli.registry.get();
        TrainedPipeline trained;
        try {
            if (Files.isDirectory(output)) {
                try (Stream<Path> files = Files.list(output)) {
                    if (files.findAny().isPresent()) {
                        cli.err.println("radflow-cli: output folder " + output + " is not empty; nothing is overwritten");
                        return ExitCodes.INVALID;
                    }
                }
            }
            trained = TrainedPipeline.open(zip, registry);
        } catch (IOException e) {
            cli.err.println("radflow-cli: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        String manifest = cohort.startsWith("builtin:") ? cohort : Path.of(cohort).toAbsolutePath().toString();
        List<Node> cohortNodes = trained.pipeline().getNodes().stream()
                .filter(n -> COHORT_NODE_TYPE.equals(n.getTypeId())).toList();
        if (cohortNodes.isEmpty()) {
            cli.err.println("radflow-cli: the pipeline of " + zip + " has no cohort node (" + COHORT_NODE_TYPE
                    + ") to point at --cohort");
            return ExitCodes.INVALID;
        }
        cohortNodes.forEach(n -> setParameter(n, MANIFEST, manifest));
        ConsoleMonitor monitor = new ConsoleMonitor(cli.out, quiet);
        try (CancelOnShutdown cancel = new CancelOnShutdown(monitor)) {
            TrainedPipeline.Applied applied = trained.apply(registry, new RunOptions(Path.of("").toAbsolutePath(),
                    cache != null ? cache : PipelineSource.defaultCache(), output, zip), monitor);
            for (NodeRunRecord node : applied.run().nodes()) {
                if (node.status() == NodeStatus.FAILED) {
                    cli.err.println("radflow-cli: node " + node.nodeId() + " (" + node.typeId() + ") failed: " + node.error());
                }
            }
            for (PatientFailure failure : applied.run().patientFailures()) {
                cli.err.println("radflow-cli: " + failure);
            }
            cli.out.println("Apply " + applied.run().status() + "; predictions of " + applied.predictions().rowCount()
                    + " patients in " + applied.file().toAbsolutePath());
            return ExitCodes.of(applied.run().status());
        } catch (PipelineValidationException | IllegalArgumentException e) {
            cli.err.println("radflow-cli: " + zip + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IOException e) {
            cli.err.println("radflow-cli: cannot write outputs: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
    }

    private static void setParameter(Node node, String key, String value) {
        for (Parameter p : node.getParameters()) {
            if (key.equals(p.getKey())) {
                p.setValue(value);
                return;
            }
        }
        Parameter p = PipelineFactory.eINSTANCE.createParameter();
        p.setKey(key);
        p.setValue(value);
        node.getParameters().add(p);
    }
}
