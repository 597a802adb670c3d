package io.radflow.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the per-patient nodes produced for one patient on an executor.
 *
 * @param index          the patient's position in the cohort (results are joined in this order)
 * @param patientId      the patient's id
 * @param checkpointKey  content hash of the patient's inputs and the per-patient part of the pipeline
 * @param fromCheckpoint whether the result was read from a checkpoint instead of computed
 * @param outputs        node id to port name to output
 * @param failures       patient failures reported by the nodes, or the task's own failure
 * @param nodeErrors     node id to the error of a node that failed as a whole on this patient
 * @param inputs         input files the nodes recorded (absolute paths)
 * @param millis         computing time on the executor (0 for a checkpoint)
 */
public record PatientResult(int index, String patientId, String checkpointKey, boolean fromCheckpoint,
        Map<String, Map<String, PortData>> outputs, List<Failure> failures, Map<String, String> nodeErrors,
        List<String> inputs, long millis) implements Serializable {

    public PatientResult {
        Map<String, Map<String, PortData>> copy = new LinkedHashMap<>();
        outputs.forEach((node, ports) -> copy.put(node, new LinkedHashMap<>(ports)));
        outputs = copy;
        failures = List.copyOf(failures);
        nodeErrors = new LinkedHashMap<>(nodeErrors);
        inputs = List.copyOf(inputs);
    }

    /** A patient failure as {@link io.radflow.pipeline.engine.PatientFailure} records it. */
    public record Failure(String nodeId, String patientId, String field, String message) implements Serializable {
    }

    /** Whether every per-patient node succeeded without patient failures (only then is it checkpointed). */
    public boolean complete() {
        return failures.isEmpty() && nodeErrors.isEmpty();
    }
}
