package io.radflow.pipeline.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a pipeline run: per-node records in execution order, all patient failures and the
 * run manifest (when an output folder was given).
 */
public record RunResult(RunStatus status, List<NodeRunRecord> nodes, List<PatientFailure> patientFailures,
        Path manifest) {

    public RunResult {
        nodes = List.copyOf(nodes);
        patientFailures = List.copyOf(patientFailures);
    }

    public Optional<NodeRunRecord> node(String nodeId) {
        return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
    }
}
