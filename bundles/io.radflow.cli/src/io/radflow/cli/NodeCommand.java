package io.radflow.cli;

import io.radflow.core.port.PortObject;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeStatus;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PatientFailure;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.engine.PortTypeInfo;
import io.radflow.pipeline.engine.RunOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "node", description = "Run one node type on files: inputs are read by their port type "
        + "(CSV tables, cohort manifests), outputs written to --out as CSV/JSON/PNG/SVG.")
final class NodeCommand implements Callable<Integer> {

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "TYPE", description = "Node type id, e.g. radflow.stats.univariateCox.")
    private String typeId;

    @Option(names = "--input", paramLabel = "PORT=FILE")
    private Map<String, Path> inputs = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "DIR")
    private Path out;

    @Option(names = "--cache", paramLabel = "DIR")
    private Path cache;

    @Override
    public Integer call() {
        NodeTypeRegistry registry = cli.registry.get();
        NodeType type = registry.nodeType(typeId).orElse(null);
        if (type == null) {
            cli.err.println("radflow-cli: unknown node type '" + typeId + "'; `radflow-cli list-nodes` shows the installed types");
            return ExitCodes.INVALID;
        }
        Map<String, PortObject> objects = new LinkedHashMap<>();
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            PortDescriptor port = type.input(input.getKey()).orElse(null);
            if (port == null) {
                cli.err.println("radflow-cli: " + typeId + " has no input '" + input.getKey() + "' (inputs: "
                        + type.inputs().stream().map(PortDescriptor::name).toList() + ")");
                return ExitCodes.INVALID;
            }
            PortTypeInfo portType = registry.portType(port.typeId()).orElse(null);
            if (portType == null || !portType.type().canRead()) {
                cli.err.println("radflow-cli: input '" + port.name() + "' has port type " + port.typeId()
                        + ", which cannot be read from a file");
                return ExitCodes.INVALID;
            }
            try {
                objects.put(port.name(), portType.type().read(input.getValue()));
            } catch (IOException | RuntimeException e) {
                cli.err.println("radflow-cli: input '" + port.name() + "': " + e.getMessage());
                return ExitCodes.INVALID;
            }
        }
        ConsoleMonitor monitor = new ConsoleMonitor(cli.out, false);
        NodeRunRecord record;
        try {
            record = new PipelineExecutor(registry).executeSingle(typeId, objects, parameters,
                    new RunOptions(Path.of("").toAbsolutePath(), cache != null ? cache : PipelineSource.defaultCache(), out),
                    monitor);
        } catch (IllegalArgumentException e) {
            cli.err.println("radflow-cli: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        for (PatientFailure failure : record.patientFailures()) {
            cli.err.println("radflow-cli: " + failure);
        }
        record.files().forEach((port, files) -> files.forEach(f -> cli.out.println("wrote " + f)));
        if (record.status() != NodeStatus.SUCCEEDED) {
            cli.err.println("radflow-cli: " + typeId + " " + record.status() + ": " + record.error());
            return ExitCodes.RUN_FAILED;
        }
        return record.patientFailures().isEmpty() ? ExitCodes.OK : ExitCodes.PATIENT_FAILURES;
    }

}
