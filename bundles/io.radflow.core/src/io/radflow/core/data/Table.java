package io.radflow.core.data;

import io.radflow.core.io.AtomicFiles;
import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table of named columns of equal length: features per patient, clinical data,
 * coefficient tables. Column order is kept; names are unique.
 */
public final class Table implements PortObject {

    private final Map<String, Column> columns;
    private final int rowCount;

    public Table(List<Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column column : columns) {
            if (column.size() != rows) {
                throw new IllegalArgumentException("Column '" + column.name() + "' has " + column.size()
                        + " rows, expected " + rows);
            }
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("Duplicate column '" + column.name() + "'");
            }
        }
        this.columns = Collections.unmodifiableMap(byName);
        this.rowCount = rows;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** The named column, or an exception that names the missing column and the ones present. */
    public Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("No column '" + name + "' in table; columns are " + columns.keySet());
        }
        return column;
    }

    /** Index of the first row whose {@code keyColumn} cell equals {@code key}, or -1. */
    public int findRow(String keyColumn, String key) {
        Column column = column(keyColumn);
        for (int row = 0; row < rowCount; row++) {
            if (column.text(row).equals(key)) {
                return row;
            }
        }
        return -1;
    }

    @Override
    public String portTypeId() {
        return PortTypes.TABLE;
    }

    @Override
    public String summary() {
        return rowCount + " rows x " + columns.size() + " columns";
    }

    /** Tables of at most this many rows (result tables, not per-patient tables) give {@link #metrics()}. */
    public static final int MAX_METRIC_ROWS = 50;

    /**
     * Every numeric cell of a table of at most {@value #MAX_METRIC_ROWS} rows (coefficient, ranking and evaluation
     * tables), named {@code [rowKey].column}, the row key being the row's first text cell (a feature or statistic
     * name), else its 1-based number; a one-row table names its cells {@code .column}. Empty for larger tables.
     */
    @Override
    public Map<String, Double> metrics() {
        if (rowCount > MAX_METRIC_ROWS) {
            return Map.of();
        }
        Column key = columns.values().stream().filter(c -> !c.isNumeric()).findFirst().orElse(null);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int row = 0; row < rowCount; row++) {
            String rowName = rowCount == 1 ? "" : "[" + (key == null ? Integer.toString(row + 1) : key.text(row)) + "]";
            for (Column c : columns.values()) {
                if (c.isNumeric()) {
                    out.put(rowName + "." + c.name(), c.number(row));
                }
            }
        }
        return out;
    }

    @Override
    public List<Path> write(Path directory, String baseName) throws IOException {
        Path file = directory.resolve(baseName + ".csv");
        writeCsv(file);
        return List.of(file);
    }

    /**
     * Writes the table as RFC 4180 CSV with a header row (missing values as empty cells), replacing
     * {@code file} only once the whole table is written.
     */
    public void writeCsv(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, this::writeCsv);
    }

    /** Writes the table as UTF-8 CSV to {@code stream} (which stays open). */
    public void writeCsv(OutputStream stream) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.write(Csv.formatRow(columnNames()));
        out.write('\n');
        List<Column> cols = columns();
        List<String> cells = new ArrayList<>(cols.size());
        for (int row = 0; row < rowCount; row++) {
            cells.clear();
            for (Column column : cols) {
                cells.add(column.text(row));
            }
            out.write(Csv.formatRow(cells));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * Reads a CSV file with a header row. A column whose non-missing cells all parse as numbers
     * becomes numeric; empty cells and {@code NA} are missing values.
     *
     * @throws IOException naming the file and line of a malformed row
     */
    public static Table readCsv(Path file) throws IOException {
        List<List<String>> rows = Csv.read(file);
        if (rows.isEmpty()) {
            throw new IOException(file + ": empty CSV file (no header row)");
        }
        List<String> header = rows.get(0);
        List<Column> columns = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            String[] cells = new String[rows.size() - 1];
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.size() != header.size()) {
                    throw new IOException(file + ": line " + (r + 1) + " has " + row.size() + " cells, header has "
                            + header.size());
                }
                String cell = row.get(c).trim();
                cells[r - 1] = cell.isEmpty() || cell.equals("NA") ? null : cell;
            }
            columns.add(parseColumn(header.get(c).trim(), cells));
        }
        return new Table(columns);
    }

    private static Column parseColumn(String name, String[] cells) {
        double[] numbers = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                numbers[i] = Double.NaN;
                continue;
            }
            try {
                numbers[i] = Double.parseDouble(cells[i]);
            } catch (NumberFormatException notNumeric) {
                return Column.text(name, cells);
            }
        }
        return Column.numeric(name, numbers);
    }

    /** A new table with the rows at the given 0-based indices, in that order (e.g. the patients that passed a step). */
    public Table rows(List<Integer> indices) {
        List<Column> out = new ArrayList<>();
        for (Column column : columns.values()) {
            if (column.isNumeric()) {
                double[] values = new double[indices.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = column.number(indices.get(r));
                }
                out.add(Column.numeric(column.name(), values));
            } else {
                String[] values = new String[indices.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = column.text(indices.get(r));
                }
                out.add(Column.text(column.name(), values));
            }
        }
        return new Table(out);
    }

    /** A new table with the given columns appended (or replaced when a name already exists). */
    public Table withColumns(List<Column> extra) {
        Map<String, Column> merged = new LinkedHashMap<>(columns);
        for (Column column : extra) {
            merged.put(column.name(), column);
        }
        return new Table(new ArrayList<>(merged.values()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Table t && columns().equals(t.columns());
    }

    @Override
    public int hashCode() {
        return columns().hashCode();
    }
}
