package io.radflow.pipeline.engine;

import io.radflow.core.port.PortObject;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happened to one node in a run. The maps iterate in key order (port and parameter names), so the run
 * manifest lists them the same way in every JVM.
 *
 * @param outputs      objects on the output ports (empty unless SUCCEEDED)
 * @param files        files written for the outputs, by port name
 * @param error        why the node failed, skipped or was canceled; {@code null} when it succeeded
 */
public record NodeRunRecord(String nodeId, String typeId, String typeVersion, String contributor,
        Map<String, String> parameters, NodeStatus status, long durationMillis, Map<String, PortObject> outputs,
        Map<String, List<Path>> files, String error, List<PatientFailure> patientFailures) {

    public NodeRunRecord {
        parameters = sorted(parameters);
        outputs = sorted(outputs);
        files = sorted(files);
        patientFailures = List.copyOf(patientFailures);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        SortedMap<String, V> copy = new TreeMap<>(map);
        copy.values().forEach(Objects::requireNonNull);
        return Collections.unmodifiableSortedMap(copy);
    }
}
