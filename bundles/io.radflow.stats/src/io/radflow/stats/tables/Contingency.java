package io.radflow.stats.tables;

/** A validated contingency table with its margins. */
record Contingency(double[][] counts, double[] rowTotals, double[] columnTotals, double total) {

    static Contingency of(double[][] counts) {
        if (counts == null || counts.length < 2) {
            throw new IllegalArgumentException("a contingency table needs at least 2 rows");
        }
        int c = counts[0].length;
        if (c < 2) {
            throw new IllegalArgumentException("a contingency table needs at least 2 columns");
        }
        double[] rows = new double[counts.length];
        double[] cols = new double[c];
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != c) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + counts[i].length + " cells, row 1 has "
                        + c);
            }
            for (int j = 0; j < c; j++) {
                double v = counts[i][j];
                if (!Double.isFinite(v) || v < 0) {
                    throw new IllegalArgumentException("count at row " + (i + 1) + ", column " + (j + 1)
                            + " must be a finite non-negative number, got " + v);
                }
                rows[i] += v;
                cols[j] += v;
                total += v;
            }
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 0) {
                throw new IllegalArgumentException("row " + (i + 1) + " of the table is empty (total 0)");
            }
        }
        for (int j = 0; j < c; j++) {
            if (cols[j] == 0) {
                throw new IllegalArgumentException("column " + (j + 1) + " of the table is empty (total 0)");
            }
        }
        return new Contingency(counts, rows, cols, total);
    }

    int rows() {
        return rowTotals.length;
    }

    int columns() {
        return columnTotals.length;
    }

    double[][] expected() {
        double[][] e = new double[rows()][columns()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                e[i][j] = rowTotals[i] * columnTotals[j] / total;
            }
        }
        return e;
    }
}
