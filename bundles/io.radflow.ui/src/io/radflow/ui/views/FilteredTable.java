package io.radflow.ui.views;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a {@link Table} as a result view shows them: filtered (a row stays when any cell contains
 * the filter text, ignoring case; several words separated by spaces must all match somewhere in the row)
 * and sorted by one column (numbers numerically with missing values last in both directions, text
 * ignoring case; ties keep the table order). Exports the visible rows as CSV. Not thread-safe: one per view.
 */
public final class FilteredTable {

    private final Table table;
    private String filter = "";
    private int sortColumn = -1;
    private boolean ascending = true;
    private int[] rows;

    public FilteredTable(Table table) {
        this.table = table;
        update();
    }

    public Table table() {
        return table;
    }

    /** Keeps the rows that contain every word of {@code text} (blank: all rows). */
    public void setFilter(String text) {
        filter = text == null ? "" : text.trim();
        update();
    }

    /** Sorts by column {@code column} (-1: table order). */
    public void setSort(int column, boolean ascendingOrder) {
        if (column < -1 || column >= table.columnCount()) {
            throw new IllegalArgumentException("no column " + column + " (table has " + table.columnCount() + ")");
        }
        sortColumn = column;
        ascending = ascendingOrder;
        update();
    }

    public int sortColumn() {
        return sortColumn;
    }

    public boolean ascending() {
        return ascending;
    }

    /** Indices into the table of the visible rows, in display order. */
    public int[] rows() {
        return rows.clone();
    }

    public int rowCount() {
        return rows.length;
    }

    /** The text of visible row {@code row}, column {@code column}. */
    public String cell(int row, int column) {
        return table.columns().get(column).text(rows[row]);
    }

    /** The visible rows as a new table (same columns). */
    public Table visibleTable() {
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.isNumeric()) {
                double[] values = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    values[i] = c.number(rows[i]);
                }
                columns.add(Column.numeric(c.name(), values));
            } else {
                String[] values = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    String text = c.text(rows[i]);
                    values[i] = text.isEmpty() ? null : text;
                }
                columns.add(Column.text(c.name(), values));
            }
        }
        return new Table(columns);
    }

    /** Writes the visible rows as CSV (atomically). */
    public void writeCsv(Path file) throws IOException {
        visibleTable().writeCsv(file);
    }

    private void update() {
        List<Column> columns = table.columns();
        String[] words = filter.isEmpty() ? new String[0] : filter.toLowerCase(Locale.ROOT).split("\\s+");
        List<Integer> kept = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (matches(columns, row, words)) {
                kept.add(row);
            }
        }
        if (sortColumn >= 0) {
            Column c = columns.get(sortColumn);
            Comparator<Integer> order;
            if (c.isNumeric()) {
                Comparator<Integer> byValue = Comparator.comparingDouble(c::number);
                Comparator<Integer> directed = ascending ? byValue : byValue.reversed();
                order = Comparator.<Integer, Boolean>comparing(r -> Double.isNaN(c.number(r))).thenComparing(
                        (a, b) -> Double.isNaN(c.number(a)) ? 0 : directed.compare(a, b));
            } else {
                Comparator<Integer> byText = Comparator.comparing(r -> c.text(r).toLowerCase(Locale.ROOT));
                order = ascending ? byText : byText.reversed();
            }
            kept.sort(order); // List.sort is stable: ties keep the table order
        }
        rows = kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean matches(List<Column> columns, int row, String[] words) {
        for (String word : words) {
            boolean found = false;
            for (Column c : columns) {
                if (c.text(row).toLowerCase(Locale.ROOT).contains(word)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
