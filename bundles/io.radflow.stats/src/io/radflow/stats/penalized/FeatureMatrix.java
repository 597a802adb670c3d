package io.radflow.stats.penalized;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable numeric design matrix (rows = subjects, columns = named features) for penalised
 * regression. Values are held column by column, the layout coordinate descent reads.
 *
 * <p>Validation: every row has the same length, names are distinct and as many as the columns, and no
 * value is NaN or infinite; an error names the 1-based row and the column.
 */
public final class FeatureMatrix implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final double[][] columns;
    private final int rows;

    private FeatureMatrix(List<String> names, double[][] columns, int rows) {
        this.names = names;
        this.columns = columns;
        this.rows = rows;
    }

    /** A matrix from row-major values with columns named {@code x1 ... xp}. */
    public static FeatureMatrix of(double[][] rowMajor) {
        int p = rowMajor.length == 0 ? 0 : rowMajor[0].length;
        List<String> names = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            names.add("x" + (j + 1));
        }
        return of(rowMajor, names);
    }

    /**
     * A matrix from row-major values ({@code rowMajor[i][j]} = subject i, feature j).
     *
     * @throws IllegalArgumentException for ragged rows, a name count that differs from the column count,
     *         duplicate names, or a NaN/infinite value (naming row and column)
     */
    public static FeatureMatrix of(double[][] rowMajor, List<String> names) {
        int n = rowMajor.length;
        if (n == 0) {
            throw new IllegalArgumentException("The feature matrix has no rows");
        }
        int p = names.size();
        if (p == 0) {
            throw new IllegalArgumentException("The feature matrix has no columns");
        }
        if (names.stream().distinct().count() != p) {
            throw new IllegalArgumentException("Feature names are not distinct: " + names);
        }
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            double[] row = rowMajor[i];
            if (row == null || row.length != p) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + (row == null ? 0 : row.length)
                        + " values but there are " + p + " feature names");
            }
            for (int j = 0; j < p; j++) {
                double v = row[j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + (i + 1) + ", feature '" + names.get(j) + "': value is "
                            + (Double.isNaN(v) ? "NaN (missing)" : "infinite") + "; impute or drop it first");
                }
                cols[j][i] = v;
            }
        }
        return new FeatureMatrix(List.copyOf(names), cols, n);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns.length;
    }

    public List<String> names() {
        return names;
    }

    public double value(int row, int column) {
        return columns[column][row];
    }

    /** A copy of one column. */
    public double[] column(int column) {
        return columns[column].clone();
    }

    /** A copy of one row. */
    public double[] row(int row) {
        double[] out = new double[columns.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = columns[j][row];
        }
        return out;
    }

    /** The rows {@code selected} (in that order) as a new matrix with the same names. */
    public FeatureMatrix subsetRows(int[] selected) {
        double[][] cols = new double[columns.length][selected.length];
        for (int j = 0; j < columns.length; j++) {
            double[] src = columns[j];
            double[] dst = cols[j];
            for (int i = 0; i < selected.length; i++) {
                dst[i] = src[selected[i]];
            }
        }
        return new FeatureMatrix(names, cols, selected.length);
    }

    /** The column array itself, for the solvers of this package (never modified there). */
    double[] columnView(int column) {
        return columns[column];
    }
}
