package io.radflow.evaluation;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of an input table that one evaluation node analyses: the columns named by its parameters, restricted
 * to one value of the set column when the node's {@code set} parameter is given (e.g. {@code test}), with the
 * rows that miss a value in any of those columns dropped (complete cases). The number of dropped rows is kept
 * ({@link #dropped()}, written into every result table as {@code excluded}) and logged once, per column.
 * Immutable.
 */
public final class EvaluationData {

    private final String node;
    private final Map<String, Column> columns;
    private final String[] ids;
    private final int dropped;

    private EvaluationData(String node, Map<String, Column> columns, String[] ids, int dropped) {
        this.node = node;
        this.columns = columns;
        this.ids = ids;
        this.dropped = dropped;
    }

    /** Starts a selection from {@code table} for the node named {@code node} (used in messages). */
    public static Builder from(String node, Table table, Parameters parameters, ExecutionContext context) {
        return new Builder(node, table, parameters, context);
    }

    /** Number of rows analysed. */
    public int size() {
        return ids.length;
    }

    /** Rows of the (set-filtered) input left out because a chosen column had no value. */
    public int dropped() {
        return dropped;
    }

    /** Patient ids ({@value Cohort#PATIENT_ID} when the table has it, else "row 1", "row 2", ... of the input). */
    public String[] ids() {
        return ids.clone();
    }

    /** Whether a selected column holds numbers. */
    public boolean isNumeric(String column) {
        return selected(column).isNumeric();
    }

    /** Values of a selected numeric column. */
    public double[] numbers(String column) {
        return selected(column).numbers();
    }

    /** Values of a selected column as text (numbers in shortest form). */
    public String[] texts(String column) {
        Column c = selected(column);
        String[] out = new String[ids.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.text(i);
        }
        return out;
    }

    /**
     * A selected column as a 0/1 outcome.
     *
     * @throws NodeExecutionException naming the column and the patient of a value other than 0 or 1
     */
    public double[] binary(String column) throws NodeExecutionException {
        double[] y = numbers(column);
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new NodeExecutionException(node + ": column '" + column + "' must hold 0 or 1; " + ids[i]
                        + " has " + Column.formatNumber(y[i]));
            }
        }
        return y;
    }

    /**
     * A selected column as predicted probabilities.
     *
     * @param hint appended to the message, e.g. how to declare a linear predictor instead
     * @throws NodeExecutionException naming the column and the patient of a value outside [0, 1]
     */
    public double[] probabilities(String column, String hint) throws NodeExecutionException {
        double[] p = numbers(column);
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new NodeExecutionException(node + ": column '" + column + "' must hold probabilities in [0, 1]; "
                        + ids[i] + " has " + Column.formatNumber(p[i]) + hint);
            }
        }
        return p;
    }

    /** Number of ones in a 0/1 column. */
    public int positives(String column) throws NodeExecutionException {
        int count = 0;
        for (double v : binary(column)) {
            count += v == 1 ? 1 : 0;
        }
        return count;
    }

    /**
     * Survival data of the selected time and event (0/1) columns, grouped by {@code group} when it is not null.
     *
     * @throws NodeExecutionException naming the column and patient of a negative time or non-0/1 event
     */
    public SurvivalData survival(String time, String event, String group) throws NodeExecutionException {
        double[] t = numbers(time);
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || Double.isInfinite(t[i])) {
                throw new NodeExecutionException(node + ": column '" + time + "' must hold times >= 0; " + ids[i]
                        + " has " + t[i]);
            }
        }
        return SurvivalData.ofNumeric(t, binary(event), group == null ? null : texts(group));
    }

    /** The rows whose {@code column} text equals {@code level}, as a new selection (nothing further dropped). */
    public EvaluationData subset(String column, String level) {
        String[] values = texts(column);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(level)) {
                keep.add(i);
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Column> subset = new LinkedHashMap<>();
        columns.forEach((name, c) -> subset.put(name, pick(c, rows)));
        String[] subIds = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            subIds[i] = ids[rows[i]];
        }
        return new EvaluationData(node, subset, subIds, 0);
    }

    private Column selected(String column) {
        Column c = columns.get(column);
        if (c == null) {
            throw new IllegalStateException(node + ": column '" + column + "' was not selected");
        }
        return c;
    }

    private static Column pick(Column column, int[] rows) {
        if (column.isNumeric()) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = column.number(rows[i]);
            }
            return Column.numeric(column.name(), out);
        }
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = column.text(rows[i]);
        }
        return Column.text(column.name(), out);
    }

    /** Collects the columns a node needs, then {@link #build()}s the selection. */
    public static final class Builder {

        private final String node;
        private final Table table;
        private final Parameters parameters;
        private final ExecutionContext context;
        private final Map<String, Boolean> wanted = new LinkedHashMap<>();
        private final Map<String, String> parameterOf = new LinkedHashMap<>();
        private final java.util.Set<String> optional = new java.util.HashSet<>();

        private Builder(String node, Table table, Parameters parameters, ExecutionContext context) {
            this.node = node;
            this.table = table;
            this.parameters = parameters;
            this.context = context;
        }

        /** Adds numeric columns named by parameter {@code key}. */
        public Builder numeric(String key, List<String> names) {
            for (String name : names) {
                add(key, name, true);
            }
            return this;
        }

        /** Adds a numeric column named by parameter {@code key}. */
        public Builder numeric(String key, String name) {
            return add(key, name, true);
        }

        /** Adds a column of any type (read as text) named by parameter {@code key}. */
        public Builder any(String key, String name) {
            return add(key, name, false);
        }

        /**
         * Adds a column of any type named by parameter {@code key} whose missing values do not drop the row (the
         * caller counts them, e.g. a Table 1 variable).
         */
        public Builder optional(String key, String name) {
            if (!wanted.containsKey(name)) {
                optional.add(name);
            }
            wanted.putIfAbsent(name, false);
            parameterOf.putIfAbsent(name, key);
            return this;
        }

        private Builder add(String key, String name, boolean numeric) {
            optional.remove(name);
            wanted.merge(name, numeric, Boolean::logicalOr);
            parameterOf.putIfAbsent(name, key);
            return this;
        }

        /**
         * Checks the columns, applies the set filter and drops incomplete rows.
         *
         * @throws NodeExecutionException for an unknown column (naming it and listing the table's columns), a
         *         text column where numbers are needed, or no complete row
         */
        public EvaluationData build() throws NodeExecutionException {
            for (Map.Entry<String, Boolean> e : wanted.entrySet()) {
                Column column = require(e.getKey(), parameterOf.get(e.getKey()));
                if (e.getValue() && !column.isNumeric()) {
                    throw new NodeExecutionException(node + ": column '" + e.getKey() + "' (parameter '"
                            + parameterOf.get(e.getKey()) + "') must be numeric, but it holds text");
                }
            }
            String setValue = parameters.getString(EvaluationNode.P_SET, "").trim();
            Column set = null;
            if (!setValue.isEmpty()) {
                set = require(parameters.getString(EvaluationNode.P_SET_COLUMN, "set"), EvaluationNode.P_SET_COLUMN);
            }
            Column idColumn = table.hasColumn(Cohort.PATIENT_ID) ? table.column(Cohort.PATIENT_ID) : null;
            List<Integer> keep = new ArrayList<>();
            Map<String, Integer> missingPerColumn = new LinkedHashMap<>();
            int inSet = 0;
            for (int row = 0; row < table.rowCount(); row++) {
                if (set != null && !set.text(row).trim().equals(setValue)) {
                    continue;
                }
                inSet++;
                boolean complete = true;
                for (String name : wanted.keySet()) {
                    if (optional.contains(name)) {
                        continue;
                    }
                    Column c = table.column(name);
                    boolean missing = c.isNumeric() ? Double.isNaN(c.number(row)) : c.text(row).isBlank();
                    if (missing) {
                        missingPerColumn.merge(name, 1, Integer::sum);
                        complete = false;
                    }
                }
                if (complete) {
                    keep.add(row);
                }
            }
            int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
            int dropped = inSet - rows.length;
            String scope = set == null ? "" : " of set '" + setValue + "'";
            if (dropped > 0) {
                context.log(node + ": " + dropped + " of " + inSet + " rows" + scope
                        + " dropped for missing values (missing per column: " + missingPerColumn + ")");
            }
            if (rows.length == 0) {
                throw new NodeExecutionException(node + ": no complete row" + scope + " in columns " + wanted.keySet()
                        + " (" + inSet + " rows" + scope + ", " + dropped + " with missing values)");
            }
            Map<String, Column> selected = new LinkedHashMap<>();
            for (String name : wanted.keySet()) {
                selected.put(name, pick(table.column(name), rows));
            }
            String[] ids = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                String id = idColumn == null ? "" : idColumn.text(rows[i]);
                ids[i] = id.isEmpty() ? "row " + (rows[i] + 1) : id;
            }
            return new EvaluationData(node, selected, ids, dropped);
        }

        private Column require(String name, String key) throws NodeExecutionException {
            if (name == null || name.isBlank()) {
                throw new NodeExecutionException(node + ": parameter '" + key + "' names no column");
            }
            if (!table.hasColumn(name)) {
                throw new NodeExecutionException(node + ": parameter '" + key + "' names column '" + name
                        + "', which the input table does not have; its columns are " + table.columnNames());
            }
            return table.column(name);
        }
    }
}
