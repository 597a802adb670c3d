package io.radflow.study.data;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Table} row by row, for the report and coefficient tables of nodes: declare the columns
 * ({@link #text}, {@link #number}), then {@link #add} one row at a time. Not thread-safe; one per table.
 */
public final class TableBuilder {

    private final List<String> names = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<Object>> cells = new ArrayList<>();

    /** Declares a text column. */
    public TableBuilder text(String name) {
        names.add(name);
        numeric.add(false);
        cells.add(new ArrayList<>());
        return this;
    }

    /** Declares a numeric column. */
    public TableBuilder number(String name) {
        names.add(name);
        numeric.add(true);
        cells.add(new ArrayList<>());
        return this;
    }

    /** Adds a row: one value per declared column (Number for numeric columns, anything for text; null = missing). */
    public TableBuilder add(Object... row) {
        if (row.length != names.size()) {
            throw new IllegalArgumentException("row has " + row.length + " cells, table has columns " + names);
        }
        for (int c = 0; c < row.length; c++) {
            cells.get(c).add(row[c]);
        }
        return this;
    }

    public Table build() {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            List<Object> values = cells.get(c);
            if (numeric.get(c)) {
                double[] v = new double[values.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = values.get(r) == null ? Double.NaN : ((Number) values.get(r)).doubleValue();
                }
                columns.add(Column.numeric(names.get(c), v));
            } else {
                String[] v = new String[values.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = values.get(r) == null ? null : String.valueOf(values.get(r));
                }
                columns.add(Column.text(names.get(c), v));
            }
        }
        return new Table(columns);
    }
}
