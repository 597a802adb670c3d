package io.radflow.pipeline.engine;

import io.radflow.core.port.PortObject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What happened to one node in a run.
 *
 * @param outputs      objects on the output ports (empty unless SUCCEEDED)
 * @param files        files written for the outputs, by port name
 * @param error        why the node failed, skipped or was canceled; {@code null} when it succeeded
 */
public record NodeRunRecord(String nodeId, String typeId, String typeVersion, String contributor,
        Map<String, String> parameters, NodeStatus status, long durationMillis, Map<String, PortObject> outputs,
        Map<String, List<Path>> files, String error, List<PatientFailure> patientFailures) {

    public NodeRunRecord {
        parameters = Map.copyOf(parameters);
        outputs = Map.copyOf(outputs);
        files = Map.copyOf(files);
        patientFailures = List.copyOf(patientFailures);
    }
}
