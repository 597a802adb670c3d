package io.radflow.pipeline.engine;

/** One patient that a node could not process; the rest of the cohort went on. */
public record PatientFailure(String nodeId, String patientId, String field, String message) {

    @Override
    public String toString() {
        return "patient " + patientId + " in node " + nodeId + " (" + field + "): " + message;
    }
}
