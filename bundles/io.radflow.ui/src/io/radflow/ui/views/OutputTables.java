package io.radflow.ui.views;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table a result view shows for an output: the table itself, or a cohort's patients with their files. */
final class OutputTables {

    private OutputTables() {
    }

    static Optional<Table> tableOf(PortObject object) {
        if (object instanceof Table t) {
            return Optional.of(t);
        }
        if (object instanceof Cohort c) {
            return Optional.of(patients(c));
        }
        return Optional.empty();
    }

    /** One row per patient: PatientID, the absolute path of each file column, then the clinical columns. */
    static Table patients(Cohort cohort) {
        List<Column> columns = new ArrayList<>();
        Table clinical = cohort.clinical();
        columns.add(clinical.column(Cohort.PATIENT_ID));
        for (String name : cohort.fileColumns()) {
            String[] cells = new String[cohort.patients().size()];
            for (int i = 0; i < cells.length; i++) {
                Path file = cohort.patients().get(i).files().get(name);
                cells[i] = file == null ? null : file.toAbsolutePath().toString();
            }
            columns.add(Column.text(name, cells));
        }
        for (Column c : clinical.columns()) {
            if (!c.name().equals(Cohort.PATIENT_ID)) {
                columns.add(c);
            }
        }
        return new Table(columns);
    }
}
