package io.radflow.spark;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A per-patient port object in a form that travels between the Spark driver and its executors and
 * into checkpoint files: {@link Table}s and {@link Cohort}s, the port types of per-patient nodes.
 * Numbers are kept as doubles, so values arrive bit for bit.
 */
public sealed interface PortData extends Serializable permits PortData.TableData, PortData.CohortData {

    /** The serialisable form of {@code object}, or an exception naming its unsupported port type. */
    static PortData of(PortObject object) {
        if (object instanceof Table table) {
            return TableData.of(table);
        }
        if (object instanceof Cohort cohort) {
            return CohortData.of(cohort);
        }
        throw new IllegalArgumentException("port type " + object.portTypeId()
                + " cannot leave a Spark executor (per-patient nodes may output tables and cohorts only)");
    }

    /**
     * The per-patient parts joined in the given (cohort) order: table rows stacked, cohorts' patients
     * concatenated. Parts with no rows are left out; a column that is numeric in one part and text in
     * another becomes text.
     */
    static PortObject concat(List<PortData> parts) {
        if (parts.isEmpty()) {
            return new Table(List.of());
        }
        if (parts.get(0) instanceof CohortData) {
            return CohortData.concat(parts.stream().map(CohortData.class::cast).toList());
        }
        return TableData.concat(parts.stream().map(TableData.class::cast).toList()).toTable();
    }

    /** One column: {@code numbers} for a numeric column, else {@code texts}. */
    record ColumnData(String name, double[] numbers, String[] texts) implements Serializable {
        Column toColumn() {
            return numbers != null ? Column.numeric(name, numbers) : Column.text(name, texts);
        }

        int size() {
            return numbers != null ? numbers.length : texts.length;
        }

        String text(int row) {
            return numbers != null ? (Double.isNaN(numbers[row]) ? null : Column.formatNumber(numbers[row])) : texts[row];
        }
    }

    /** A table, column by column. */
    record TableData(List<ColumnData> columns) implements PortData {

        public TableData {
            columns = List.copyOf(columns);
        }

        static TableData of(Table table) {
            return new TableData(table.columns().stream().map(c -> {
                if (c.isNumeric()) {
                    return new ColumnData(c.name(), c.numbers(), null);
                }
                String[] texts = new String[c.size()];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = c.text(i).isEmpty() ? null : c.text(i);
                }
                return new ColumnData(c.name(), null, texts);
            }).toList());
        }

        /** Row {@code row} of {@code table} as a one-row table. */
        static TableData row(Table table, int row) {
            return new TableData(of(table).columns.stream().map(c -> c.numbers() != null
                    ? new ColumnData(c.name(), new double[] {c.numbers()[row]}, null)
                    : new ColumnData(c.name(), null, new String[] {c.texts()[row]})).toList());
        }

        int rowCount() {
            return columns.isEmpty() ? 0 : columns.get(0).size();
        }

        Table toTable() {
            return new Table(columns.stream().map(ColumnData::toColumn).toList());
        }

        static TableData concat(List<TableData> parts) {
            List<TableData> rows = parts.stream().filter(p -> p.rowCount() > 0).toList();
            if (rows.isEmpty()) {
                return parts.isEmpty() ? new TableData(List.of()) : parts.get(0);
            }
            List<String> names = rows.get(0).columns.stream().map(ColumnData::name).toList();
            int total = rows.stream().mapToInt(TableData::rowCount).sum();
            List<ColumnData> out = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                final int column = c;
                boolean numeric = rows.stream().allMatch(p -> p.columns.get(column).numbers() != null);
                double[] numbers = numeric ? new double[total] : null;
                String[] texts = numeric ? null : new String[total];
                int at = 0;
                for (TableData part : rows) {
                    List<String> partNames = part.columns.stream().map(ColumnData::name).toList();
                    if (!partNames.equals(names)) {
                        throw new IllegalStateException("per-patient tables differ in their columns: " + names + " and "
                                + partNames);
                    }
                    ColumnData data = part.columns.get(column);
                    for (int r = 0; r < data.size(); r++, at++) {
                        if (numeric) {
                            numbers[at] = data.numbers()[r];
                        } else {
                            texts[at] = data.text(r);
                        }
                    }
                }
                out.add(new ColumnData(names.get(c), numbers, texts));
            }
            return new TableData(out);
        }
    }

    /** One patient of a cohort: id and files by manifest column. */
    record PatientData(String id, Map<String, String> files) implements Serializable {
        public PatientData {
            files = new LinkedHashMap<>(files);
        }
    }

    /** A cohort: manifest path, patients, file columns and clinical table. */
    record CohortData(String manifest, List<PatientData> patients, List<String> fileColumns, TableData clinical)
            implements PortData {

        public CohortData {
            patients = List.copyOf(patients);
            fileColumns = List.copyOf(fileColumns);
        }

        static CohortData of(Cohort cohort) {
            return new CohortData(cohort.manifest() == null ? null : cohort.manifest().toString(),
                    cohort.patients().stream().map(CohortData::patient).toList(), cohort.fileColumns(),
                    TableData.of(cohort.clinical()));
        }

        /** Patient {@code index} of {@code cohort} as a one-patient cohort (its clinical row included). */
        static CohortData single(Cohort cohort, int index) {
            return new CohortData(cohort.manifest() == null ? null : cohort.manifest().toString(),
                    List.of(patient(cohort.patients().get(index))), cohort.fileColumns(), TableData.row(cohort.clinical(), index));
        }

        private static PatientData patient(Cohort.Patient p) {
            Map<String, String> files = new LinkedHashMap<>();
            p.files().forEach((column, file) -> files.put(column, file.toString()));
            return new PatientData(p.id(), files);
        }

        Cohort toCohort() {
            List<Cohort.Patient> list = new ArrayList<>();
            for (PatientData p : patients) {
                Map<String, Path> files = new LinkedHashMap<>();
                p.files().forEach((column, file) -> files.put(column, Path.of(file)));
                list.add(new Cohort.Patient(p.id(), files));
            }
            return new Cohort(manifest == null ? null : Path.of(manifest), list, fileColumns, clinical.toTable());
        }

        static Cohort concat(List<CohortData> parts) {
            List<CohortData> nonEmpty = parts.stream().filter(p -> !p.patients.isEmpty()).toList();
            if (nonEmpty.isEmpty()) {
                return parts.get(0).toCohort();
            }
            LinkedHashSet<String> fileColumns = new LinkedHashSet<>();
            List<PatientData> patients = new ArrayList<>();
            for (CohortData part : nonEmpty) {
                fileColumns.addAll(part.fileColumns);
                patients.addAll(part.patients);
            }
            return new CohortData(nonEmpty.get(0).manifest, patients, new ArrayList<>(fileColumns),
                    TableData.concat(nonEmpty.stream().map(CohortData::clinical).toList())).toCohort();
        }
    }
}
