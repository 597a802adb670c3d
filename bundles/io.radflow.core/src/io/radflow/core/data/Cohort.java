package io.radflow.core.data;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A study cohort read from a CSV manifest: one row per patient, a {@value #PATIENT_ID} column,
 * one column per image or mask file (relative paths resolve against the manifest's folder) and
 * any number of clinical columns. Images are not loaded here; nodes load them per patient, so one
 * unreadable file fails only that patient.
 */
public final class Cohort implements PortObject {

    /** Name of the patient id column in the manifest and in every per-patient table Radflow writes. */
    public static final String PATIENT_ID = "PatientID";

    /** One patient: its id and its files by manifest column (e.g. "portal" -> portal.nii.gz). */
    public record Patient(String id, Map<String, Path> files) {
        public Patient {
            files = Map.copyOf(files);
        }

        /** The file of {@code column}, or an exception naming the patient and column. */
        public Path file(String column) {
            Path file = files.get(column);
            if (file == null) {
                throw new IllegalArgumentException("Patient " + id + ": no file in column '" + column
                        + "' (columns with files: " + files.keySet() + ")");
            }
            return file;
        }
    }

    private final Path manifest;
    private final List<Patient> patients;
    private final List<String> fileColumns;
    private final Table clinical;

    public Cohort(Path manifest, List<Patient> patients, List<String> fileColumns, Table clinical) {
        this.manifest = manifest;
        this.patients = List.copyOf(patients);
        this.fileColumns = List.copyOf(fileColumns);
        this.clinical = clinical;
    }

    /**
     * Reads a manifest. Columns whose cells name image files (.nii, .nii.gz, .nrrd, .nhdr, .mha,
     * .mhd, .dcm) or existing folders (DICOM series) are file columns; all other columns are clinical.
     * Relative paths resolve against the manifest's folder.
     */
    public static Cohort read(Path manifest) throws IOException {
        Table table = Table.readCsv(manifest);
        if (!table.hasColumn(PATIENT_ID)) {
            throw new IOException(manifest + ": the manifest has no '" + PATIENT_ID + "' column (columns: "
                    + table.columnNames() + ")");
        }
        Path base = manifest.toAbsolutePath().getParent();
        List<String> fileColumns = new ArrayList<>();
        List<Column> clinicalColumns = new ArrayList<>();
        for (Column column : table.columns()) {
            if (!column.isNumeric() && !column.name().equals(PATIENT_ID) && isFileColumn(column, base)) {
                fileColumns.add(column.name());
            } else {
                clinicalColumns.add(column);
            }
        }
        Column ids = table.column(PATIENT_ID);
        List<Patient> patients = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String id = ids.text(row);
            if (id.isEmpty()) {
                throw new IOException(manifest + ": line " + (row + 2) + " has an empty " + PATIENT_ID);
            }
            Map<String, Path> files = new LinkedHashMap<>();
            for (String name : fileColumns) {
                String cell = table.column(name).text(row);
                if (!cell.isEmpty()) {
                    files.put(name, base.resolve(cell).normalize());
                }
            }
            patients.add(new Patient(id, files));
        }
        List<Column> clinical = new ArrayList<>();
        clinical.add(Column.text(PATIENT_ID, textOf(ids, table.rowCount())));
        for (Column column : clinicalColumns) {
            if (!column.name().equals(PATIENT_ID)) {
                clinical.add(column);
            }
        }
        return new Cohort(manifest, patients, fileColumns, new Table(clinical));
    }

    private static String[] textOf(Column column, int rows) {
        String[] out = new String[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = column.text(i);
        }
        return out;
    }

    private static boolean isFileColumn(Column column, Path base) {
        boolean any = false;
        for (int row = 0; row < column.size(); row++) {
            String cell = column.text(row).toLowerCase(Locale.ROOT);
            if (cell.isEmpty()) {
                continue;
            }
            boolean imageFile = cell.endsWith(".nii") || cell.endsWith(".nii.gz") || cell.endsWith(".nrrd")
                    || cell.endsWith(".nhdr") || cell.endsWith(".mha") || cell.endsWith(".mhd") || cell.endsWith(".dcm");
            if (!imageFile && !Files.isDirectory(base.resolve(column.text(row)))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    public Path manifest() {
        return manifest;
    }

    public List<Patient> patients() {
        return patients;
    }

    public List<String> fileColumns() {
        return fileColumns;
    }

    /** Clinical columns, first column {@value #PATIENT_ID}, one row per patient in manifest order. */
    public Table clinical() {
        return clinical;
    }

    @Override
    public String portTypeId() {
        return PortTypes.COHORT;
    }

    @Override
    public String summary() {
        return patients.size() + " patients, files " + fileColumns + ", " + (clinical.columnCount() - 1)
                + " clinical columns";
    }

    @Override
    public List<Path> write(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        List<Column> columns = new ArrayList<>();
        columns.add(clinical.column(PATIENT_ID));
        for (String name : fileColumns) {
            String[] cells = new String[patients.size()];
            for (int i = 0; i < cells.length; i++) {
                Path file = patients.get(i).files().get(name);
                cells[i] = file == null ? null : file.toAbsolutePath().toString();
            }
            columns.add(Column.text(name, cells));
        }
        for (Column column : clinical.columns()) {
            if (!column.name().equals(PATIENT_ID)) {
                columns.add(column);
            }
        }
        Path file = directory.resolve(baseName + ".csv");
        new Table(columns).writeCsv(file);
        return List.of(file);
    }
}
