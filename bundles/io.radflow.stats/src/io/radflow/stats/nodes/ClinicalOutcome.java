package io.radflow.stats.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;

import java.util.HashMap;
import java.util.Map;

/**
 * Follow-up time and event (1 = event, 0 = censored) per patient, read from a clinical table with
 * a {@value Cohort#PATIENT_ID} column. Patients whose time is missing or negative or whose event is
 * missing or not 0/1 are kept out (and reported once through the execution context), so every
 * lookup that succeeds is valid survival data.
 */
final class ClinicalOutcome {

    private final Map<String, double[]> byPatient;
    private final int rows;

    private ClinicalOutcome(Map<String, double[]> byPatient, int rows) {
        this.byPatient = byPatient;
        this.rows = rows;
    }

    static ClinicalOutcome read(Table clinical, String timeColumn, String eventColumn, ExecutionContext context)
            throws NodeExecutionException {
        Column ids = requireColumn(clinical, Cohort.PATIENT_ID, "clinical", false);
        Column time = requireColumn(clinical, timeColumn, "clinical", true);
        Column event = requireColumn(clinical, eventColumn, "clinical", true);
        Map<String, double[]> map = new HashMap<>();
        for (int row = 0; row < clinical.rowCount(); row++) {
            String id = ids.text(row);
            if (id.isEmpty()) {
                context.log("clinical table: row " + (row + 1) + " has an empty " + Cohort.PATIENT_ID + "; skipped");
                continue;
            }
            if (map.containsKey(id)) {
                context.reportPatientFailure(id, Cohort.PATIENT_ID, "duplicate row in the clinical table; the first is used");
                continue;
            }
            double t = time.number(row);
            double e = event.number(row);
            if (Double.isNaN(t) || Double.isNaN(e)) {
                map.put(id, null);
                continue;
            }
            if (t < 0 || Double.isInfinite(t)) {
                context.reportPatientFailure(id, timeColumn, "time must be finite and >= 0, got " + t);
                map.put(id, null);
                continue;
            }
            if (e != 0 && e != 1) {
                context.reportPatientFailure(id, eventColumn, "event must be 0 (censored) or 1 (event), got " + e);
                map.put(id, null);
                continue;
            }
            map.put(id, new double[] {t, e});
        }
        return new ClinicalOutcome(map, clinical.rowCount());
    }

    /** {time, event} of the patient, or {@code null} when absent or incomplete. */
    double[] get(String patientId) {
        return byPatient.get(patientId);
    }

    int rows() {
        return rows;
    }

    static Column requireColumn(Table table, String name, String port, boolean numeric) throws NodeExecutionException {
        if (!table.hasColumn(name)) {
            throw new NodeExecutionException("Input '" + port + "' has no column '" + name + "'; columns are "
                    + table.columnNames());
        }
        Column column = table.column(name);
        if (numeric && !column.isNumeric()) {
            throw new NodeExecutionException("Column '" + name + "' of input '" + port + "' must be numeric");
        }
        return column;
    }
}
