package io.radflow.evaluation;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a result {@link Table} row by row: columns appear in the order they are first set; a column is
 * numeric when every value set in it is a number, else text; cells never set are missing. Not thread-safe;
 * used inside one node execution.
 */
final class ResultTable {

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Boolean> numeric = new LinkedHashMap<>();

    /** Starts a new row. */
    Row row() {
        Map<String, Object> cells = new LinkedHashMap<>();
        rows.add(cells);
        return new Row(cells);
    }

    Table build() {
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : numeric.entrySet()) {
            String name = e.getKey();
            if (e.getValue()) {
                double[] values = new double[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object v = rows.get(i).get(name);
                    values[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
                }
                columns.add(Column.numeric(name, values));
            } else {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object v = rows.get(i).get(name);
                    values[i] = v == null ? null
                            : v instanceof Number n ? Column.formatNumber(n.doubleValue()) : v.toString();
                }
                columns.add(Column.text(name, values));
            }
        }
        return new Table(columns);
    }

    /** One row under construction. */
    final class Row {
        private final Map<String, Object> cells;

        private Row(Map<String, Object> cells) {
            this.cells = cells;
        }

        Row put(String column, double value) {
            cells.put(column, value);
            numeric.merge(column, true, Boolean::logicalAnd);
            return this;
        }

        Row put(String column, String value) {
            cells.put(column, value);
            numeric.merge(column, value == null, Boolean::logicalAnd);
            return this;
        }
    }
}
