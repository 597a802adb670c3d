package io.radflow.features.nodes;

/** One patient failed in a node; {@code field} is the file (or column) at fault. */
final class PatientFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    PatientFailure(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
