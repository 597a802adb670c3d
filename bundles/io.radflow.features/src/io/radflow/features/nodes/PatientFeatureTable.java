package io.radflow.features.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.features.FeatureValues;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient loop of feature nodes: computes one row of features per patient (in cohort order) with progress
 * and cancellation, reports failed patients through {@link ExecutionContext#reportPatientFailure} and leaves
 * them out, and fails only when every patient fails.
 */
final class PatientFeatureTable {

    /** Computes one patient's features. */
    @FunctionalInterface
    interface PatientComputation {
        FeatureValues compute(Cohort.Patient patient) throws PatientFailure;
    }

    private PatientFeatureTable() {
    }

    /**
     * @return column {@code PatientID}, then {@code <imageType>_<familyKey>_<name>} for each name
     */
    static Table collect(Cohort cohort, String familyKey, List<String> names, String imageType,
            ExecutionContext context, PatientComputation computation)
            throws NodeExecutionException, CanceledExecutionException {
        List<Cohort.Patient> patients = cohort.patients();
        if (patients.isEmpty()) {
            throw new NodeExecutionException("The cohort " + cohort.manifest() + " has no patients");
        }
        List<String> ids = new ArrayList<>();
        List<FeatureValues> rows = new ArrayList<>();
        String lastFailure = null;
        for (int i = 0; i < patients.size(); i++) {
            context.checkCanceled();
            Cohort.Patient patient = patients.get(i);
            context.progress((double) i / patients.size(), familyKey + " features of patient " + patient.id());
            try {
                rows.add(computation.compute(patient));
                ids.add(patient.id());
            } catch (PatientFailure failure) {
                context.reportPatientFailure(patient.id(), failure.field(), failure.getMessage());
                lastFailure = "patient " + patient.id() + ": " + failure.field() + ": " + failure.getMessage();
            }
        }
        context.progress(1, familyKey + " features of " + rows.size() + " of " + patients.size() + " patients");
        if (rows.isEmpty()) {
            throw new NodeExecutionException(familyKey + " features failed for all " + patients.size()
                    + " patients; last failure: " + lastFailure);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(Cohort.PATIENT_ID, ids.toArray(String[]::new)));
        for (String name : names) {
            double[] values = new double[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.get(r).get(name);
            }
            columns.add(Column.numeric(FeatureValues.key(imageType, familyKey, name), values));
        }
        return new Table(columns);
    }
}
