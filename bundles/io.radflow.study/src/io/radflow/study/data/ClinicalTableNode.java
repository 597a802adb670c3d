package io.radflow.study.data;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Csv;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Node {@code radflow.study.clinicalTable}: reads a clinical CSV (header row, one row per patient, a
 * {@value Cohort#PATIENT_ID} column) into a typed table.
 *
 * <ul>
 * <li>Missing values: cells equal (after trimming) to one of {@value #P_MISSING} (comma-separated; an empty cell is
 * always missing) become NaN in numeric columns and empty in text columns.</li>
 * <li>Types: {@value #P_TYPES} ({@code column:numeric} or {@code column:categorical}, comma-separated) fixes a column's
 * type; other columns are numeric when every non-missing cell parses as a number, else categorical. A cell of a
 * declared numeric column that is no number fails the node, naming file, line and column.</li>
 * <li>Complete cases: rows with a missing value in one of the {@value #P_REQUIRED} columns are dropped and each is
 * reported as a patient failure.</li>
 * </ul>
 * Outputs: {@value #OUT_TABLE} and {@value #OUT_REPORT} (column, type, n, missing, levels: the sorted categories,
 * or min..max of a numeric column).
 */
public final class ClinicalTableNode implements NodeImplementation {

    public static final String OUT_TABLE = "table";
    public static final String OUT_REPORT = "report";
    public static final String P_FILE = "file";
    public static final String P_TYPES = "types";
    public static final String P_MISSING = "missing";
    public static final String P_REQUIRED = "required";

    @Override
    public void validate(Parameters parameters) {
        types(parameters.getString(P_TYPES, ""));
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Path file = context.baseDirectory() == null ? Path.of(parameters.getString(P_FILE))
                : context.baseDirectory().resolve(parameters.getString(P_FILE)).normalize();
        if (!Files.isRegularFile(file)) {
            throw new NodeExecutionException("Clinical table " + file + " does not exist (parameter '" + P_FILE + "')");
        }
        List<List<String>> rows;
        try {
            rows = Csv.read(file);
        } catch (IOException e) {
            throw new NodeExecutionException("Cannot read clinical table " + file + ": " + e.getMessage(), e);
        }
        context.recordInput(file);
        if (rows.isEmpty()) {
            throw new NodeExecutionException(file + ": empty file (no header row)");
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        if (!header.contains(Cohort.PATIENT_ID)) {
            throw new NodeExecutionException(file + ": no '" + Cohort.PATIENT_ID + "' column (columns: " + header + ")");
        }
        Map<String, String> types = types(parameters.getString(P_TYPES, ""));
        for (String column : types.keySet()) {
            if (!header.contains(column)) {
                throw new NodeExecutionException(file + ": parameter '" + P_TYPES + "' names column '" + column
                        + "', which the file does not have (columns: " + header + ")");
            }
        }
        List<String> missingTokens = new ArrayList<>(TrainTestSplitNode.list(parameters.getString(P_MISSING, "")));
        int n = rows.size() - 1;
        String[][] cells = new String[header.size()][n];
        for (int r = 1; r <= n; r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new NodeExecutionException(file + ": line " + (r + 1) + " has " + row.size() + " cells, the header has "
                        + header.size());
            }
            for (int c = 0; c < header.size(); c++) {
                String cell = row.get(c).trim();
                cells[c][r - 1] = cell.isEmpty() || missingTokens.contains(cell) ? null : cell;
            }
        }
        List<String> required = TrainTestSplitNode.list(parameters.getString(P_REQUIRED, ""));
        for (String column : required) {
            if (!header.contains(column)) {
                throw new NodeExecutionException(file + ": required column '" + column + "' is not in the file (columns: "
                        + header + ")");
            }
        }
        int idColumn = header.indexOf(Cohort.PATIENT_ID);
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int r = 0; r < n; r++) {
            keep[r] = true;
            for (String column : required) {
                if (cells[header.indexOf(column)][r] == null) {
                    context.reportPatientFailure(cells[idColumn][r] == null ? "line " + (r + 2) : cells[idColumn][r], column,
                            "missing value in a required column; row dropped");
                    keep[r] = false;
                    break;
                }
            }
            kept += keep[r] ? 1 : 0;
        }
        List<Column> columns = new ArrayList<>();
        TableBuilder report = new TableBuilder().text("column").text("type").number("n").number("missing").text("levels");
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            String[] values = new String[kept];
            for (int r = 0, k = 0; r < n; r++) {
                if (keep[r]) {
                    values[k++] = cells[c][r];
                }
            }
            String declared = name.equals(Cohort.PATIENT_ID) ? "categorical" : types.get(name);
            Column column = typed(name, values, declared, file);
            columns.add(column);
            report.add(name, column.isNumeric() ? "numeric" : "categorical", kept, missing(values), levels(column));
        }
        Table table = new Table(columns);
        StudyData.index(table, OUT_TABLE);
        context.log("clinical table " + file.getFileName() + ": " + kept + " of " + n + " rows, " + header.size() + " columns");
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_TABLE, table);
        out.put(OUT_REPORT, report.build());
        return out;
    }

    private static Column typed(String name, String[] values, String declared, Path file) throws NodeExecutionException {
        if ("categorical".equals(declared)) {
            return Column.text(name, values);
        }
        double[] numbers = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                numbers[i] = Double.NaN;
                continue;
            }
            try {
                numbers[i] = Double.parseDouble(values[i]);
            } catch (NumberFormatException e) {
                if ("numeric".equals(declared)) {
                    throw new NodeExecutionException(file + ": column '" + name + "' is declared numeric but holds '"
                            + values[i] + "'");
                }
                return Column.text(name, values);
            }
        }
        return Column.numeric(name, numbers);
    }

    private static int missing(String[] values) {
        int count = 0;
        for (String v : values) {
            count += v == null ? 1 : 0;
        }
        return count;
    }

    private static String levels(Column column) {
        if (column.isNumeric()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : column.numbers()) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            return lo > hi ? "" : Column.formatNumber(lo) + ".." + Column.formatNumber(hi);
        }
        if (column.name().equals(Cohort.PATIENT_ID)) {
            return "";
        }
        TreeSet<String> levels = new TreeSet<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.text(i).isEmpty()) {
                levels.add(column.text(i));
            }
        }
        return String.join("|", levels);
    }

    /** Parses {@code col:numeric,col:categorical}. */
    static Map<String, String> types(String text) {
        Map<String, String> types = new HashMap<>();
        for (String entry : TrainTestSplitNode.list(text)) {
            int colon = entry.lastIndexOf(':');
            String type = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (colon <= 0 || !(type.equals("numeric") || type.equals("categorical"))) {
                throw new IllegalArgumentException("parameter '" + P_TYPES + "': '" + entry
                        + "' is not column:numeric or column:categorical");
            }
            types.put(entry.substring(0, colon).trim(), type);
        }
        return types;
    }
}
