package io.radflow.study.data;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature table aligned with a clinical table on {@value Cohort#PATIENT_ID}, with each row's train/test mark:
 * what every selector, scaler and model of a study reads. Immutable.
 *
 * <p><b>Train/test marks.</b> A {@link #SET} column with values {@value #TRAIN} and {@value #TEST}, written by the
 * split node ({@link TrainTestSplitNode}). It is read from the feature table when that has one, otherwise from the
 * clinical table through the patient id. Rows whose mark is missing (a patient absent from the clinical table, or an
 * empty cell) belong to neither set: they are reported once and never used for fitting, but they keep their place
 * in every output table.
 *
 * <p><b>Feature columns</b> are the numeric columns of the feature table other than {@value Cohort#PATIENT_ID} and
 * {@value #SET}.
 */
public final class StudyData {

    /** Name of the train/test column. */
    public static final String SET = "Set";
    /** Mark of a training row. */
    public static final String TRAIN = "train";
    /** Mark of a test row. */
    public static final String TEST = "test";

    private final Table features;
    private final Table clinical;
    private final String[] ids;
    private final String[] marks;
    private final int[] clinicalRow;

    private StudyData(Table features, Table clinical, String[] ids, String[] marks, int[] clinicalRow) {
        this.features = features;
        this.clinical = clinical;
        this.ids = ids;
        this.marks = marks;
        this.clinicalRow = clinicalRow;
    }

    /**
     * {@link #of(Table, Table, ExecutionContext)} with the clinical table of the optional input {@code clinicalPort}
     * ({@code null} when it is not connected).
     */
    public static StudyData of(Table features, NodeInputs inputs, String clinicalPort, ExecutionContext context)
            throws NodeExecutionException {
        return of(features, inputs.has(clinicalPort) ? inputs.get(clinicalPort, Table.class) : null, context);
    }

    /**
     * Aligns {@code features} with {@code clinical} (which may be {@code null} when the feature table carries the
     * marks itself).
     *
     * @throws NodeExecutionException when a table lacks {@value Cohort#PATIENT_ID}, has a duplicate patient, when no
     *         {@value #SET} column is found (the message says to connect a split node), or a mark is neither
     *         {@value #TRAIN} nor {@value #TEST}
     */
    public static StudyData of(Table features, Table clinical, ExecutionContext context) throws NodeExecutionException {
        Column featureIds = require(features, Cohort.PATIENT_ID, "features");
        Map<String, Integer> clinicalIndex = clinical == null ? Map.of() : index(clinical, "clinical");
        int n = features.rowCount();
        String[] ids = new String[n];
        int[] clinicalRow = new int[n];
        List<String> absent = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            ids[row] = featureIds.text(row);
            Integer c = clinicalIndex.get(ids[row]);
            clinicalRow[row] = c == null ? -1 : c;
            if (clinical != null && c == null) {
                absent.add(ids[row]);
            }
        }
        Column setColumn;
        boolean fromFeatures = features.hasColumn(SET);
        if (fromFeatures) {
            setColumn = features.column(SET);
        } else if (clinical != null && clinical.hasColumn(SET)) {
            setColumn = clinical.column(SET);
        } else {
            throw new NodeExecutionException("No '" + SET + "' column in the features" + (clinical == null ? "" : " or clinical")
                    + " table: connect a train/test split (radflow.study.split) upstream so that fitting uses the training"
                    + " rows only");
        }
        String[] marks = new String[n];
        int unmarked = 0;
        for (int row = 0; row < n; row++) {
            int source = fromFeatures ? row : clinicalRow[row];
            String mark = source < 0 ? "" : setColumn.text(source);
            if (mark.isEmpty()) {
                unmarked++;
                continue;
            }
            if (!mark.equals(TRAIN) && !mark.equals(TEST)) {
                throw new NodeExecutionException("Patient " + ids[row] + ": column '" + SET + "' must be '" + TRAIN + "' or '"
                        + TEST + "', got '" + mark + "'");
            }
            marks[row] = mark;
        }
        for (String id : absent) {
            context.reportPatientFailure(id, Cohort.PATIENT_ID, "not in the clinical table; left out of fitting");
        }
        if (unmarked > absent.size()) {
            context.log((unmarked - absent.size()) + " rows without a train/test mark are left out of fitting");
        }
        return new StudyData(features, clinical, ids, marks, clinicalRow);
    }

    /** Row index by patient id; fails on a missing id column or a duplicate id, naming the port. */
    public static Map<String, Integer> index(Table table, String port) throws NodeExecutionException {
        Column ids = require(table, Cohort.PATIENT_ID, port);
        Map<String, Integer> index = new HashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String id = ids.text(row);
            if (id.isEmpty()) {
                throw new NodeExecutionException("Input '" + port + "': row " + (row + 1) + " has an empty " + Cohort.PATIENT_ID);
            }
            if (index.put(id, row) != null) {
                throw new NodeExecutionException("Input '" + port + "': patient " + id + " appears more than once");
            }
        }
        return index;
    }

    /** The named column, or an exception naming the port and the columns present. */
    public static Column require(Table table, String column, String port) throws NodeExecutionException {
        if (!table.hasColumn(column)) {
            throw new NodeExecutionException("Input '" + port + "' has no column '" + column + "'; columns are "
                    + table.columnNames());
        }
        return table.column(column);
    }

    /** Numeric columns other than {@value Cohort#PATIENT_ID} and {@value #SET}, in table order. */
    public static List<String> featureColumns(Table table) {
        List<String> names = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.isNumeric() && !c.name().equals(Cohort.PATIENT_ID) && !c.name().equals(SET)) {
                names.add(c.name());
            }
        }
        return names;
    }

    public Table features() {
        return features;
    }

    public int rowCount() {
        return ids.length;
    }

    public String id(int row) {
        return ids[row];
    }

    /** {@value #TRAIN}, {@value #TEST} or {@code null} when the row has no mark. */
    public String mark(int row) {
        return marks[row];
    }

    /** Feature rows marked {@value #TRAIN}, increasing. */
    public int[] trainingRows() {
        return rows(TRAIN);
    }

    /** Feature rows marked {@value #TEST}, increasing. */
    public int[] testRows() {
        return rows(TEST);
    }

    /** Every row, increasing. */
    public int[] allRows() {
        int[] all = new int[ids.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private int[] rows(String mark) {
        return java.util.stream.IntStream.range(0, ids.length).filter(r -> mark.equals(marks[r])).toArray();
    }

    /** The feature columns of the feature table. */
    public List<String> featureNames() {
        return featureColumns(features);
    }

    /** Whether {@code name} is a column of the feature table or of the clinical table. */
    public boolean hasColumn(String name) {
        return features.hasColumn(name) || clinical != null && clinical.hasColumn(name);
    }

    /**
     * A column's cells at {@code rows} as numbers, taken from the feature table, else from the clinical table (NaN
     * for a patient without a clinical row or a missing cell).
     *
     * @throws NodeExecutionException when neither table has the column, or it is text
     */
    public double[] numbers(String column, int[] rows) throws NodeExecutionException {
        Column c = column(column);
        if (!c.isNumeric()) {
            throw new NodeExecutionException("Column '" + column + "' must be numeric but holds text (e.g. '"
                    + firstText(c) + "')");
        }
        boolean clinicalSide = !features.hasColumn(column);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int source = clinicalSide ? clinicalRow[rows[i]] : rows[i];
            out[i] = source < 0 ? Double.NaN : c.number(source);
        }
        return out;
    }

    /** A column's cells at {@code rows} as text ({@code ""} when missing), from the feature or clinical table. */
    public String[] texts(String column, int[] rows) throws NodeExecutionException {
        Column c = column(column);
        boolean clinicalSide = !features.hasColumn(column);
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int source = clinicalSide ? clinicalRow[rows[i]] : rows[i];
            out[i] = source < 0 ? "" : c.text(source);
        }
        return out;
    }

    /** Whether the column (feature table first, then clinical) is numeric. */
    public boolean isNumeric(String column) throws NodeExecutionException {
        return column(column).isNumeric();
    }

    private Column column(String name) throws NodeExecutionException {
        if (features.hasColumn(name)) {
            return features.column(name);
        }
        if (clinical != null && clinical.hasColumn(name)) {
            return clinical.column(name);
        }
        throw new NodeExecutionException("No column '" + name + "' in the features " + features.columnNames()
                + (clinical == null ? "" : " or clinical " + clinical.columnNames()) + " table");
    }

    private static String firstText(Column c) {
        for (int i = 0; i < c.size(); i++) {
            if (!c.text(i).isEmpty()) {
                return c.text(i);
            }
        }
        return "";
    }

    /** Patient ids at {@code rows}. */
    public String[] ids(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = ids[rows[i]];
        }
        return out;
    }

    /**
     * A table with every row of the feature table and the columns {@value Cohort#PATIENT_ID}, {@value #SET} (always,
     * so downstream nodes see the marks) and then {@code columns}.
     */
    public Table withColumns(List<String> columns) {
        List<Column> out = new ArrayList<>();
        out.add(features.column(Cohort.PATIENT_ID));
        out.add(setColumn());
        for (String name : columns) {
            out.add(features.column(name));
        }
        return new Table(out);
    }

    /** The marks as a {@value #SET} column (missing marks as empty cells). */
    public Column setColumn() {
        return Column.text(SET, marks);
    }
}
