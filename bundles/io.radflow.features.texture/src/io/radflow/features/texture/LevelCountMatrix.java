package io.radflow.features.texture;

import java.util.Arrays;

/**
 * A count matrix {@code s(i, j)} by discretised grey level {@code i} (rows) and a second positive integer
 * {@code j} (columns): zone size (GLSZM), zone distance to the ROI edge (GLDZM) or dependence count
 * (NGLDM, GLDM). Only grey levels and column values that occur are kept, ascending (PyRadiomics deletes
 * empty rows and columns, IBSI's sums skip them), so {@link #level(int)} and {@link #column(int)} give the
 * values {@code i} and {@code j} of a row and column. Immutable.
 *
 * <p>Notation of the formulas: {@code N_s = \sum_{i,j} s(i,j)} (zones, or neighbourhoods), {@code N_v} the
 * number of ROI voxels the matrix was built from, {@code s_{i.} = \sum_j s(i,j)}, {@code s_{.j} = \sum_i s(i,j)},
 * {@code p(i,j) = s(i,j) / N_s}. The families name these formulas as their features.
 */
public final class LevelCountMatrix {

    private final int[] levels;
    private final int[] columns;
    private final double[] counts;
    private final double total;
    private final double voxelCount;
    private final double[] rowSums;
    private final double[] columnSums;

    private LevelCountMatrix(int[] levels, int[] columns, double[] counts, double voxelCount) {
        this.levels = levels;
        this.columns = columns;
        this.counts = counts;
        this.voxelCount = voxelCount;
        this.rowSums = new double[levels.length];
        this.columnSums = new double[columns.length];
        double t = 0;
        for (int r = 0; r < levels.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                double v = counts[r * columns.length + c];
                rowSums[r] += v;
                columnSums[c] += v;
                t += v;
            }
        }
        this.total = t;
    }

    /**
     * A matrix from {@code n} entries: entry {@code k} adds 1 at grey level {@code levelOf[k]} and column value
     * {@code columnOf[k]} (both >= 1).
     *
     * @param voxelCount {@code N_v}, the ROI voxels the entries describe
     */
    public static LevelCountMatrix ofEntries(int[] levelOf, int[] columnOf, int n, long voxelCount) {
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            if (levelOf[k] < 1 || columnOf[k] < 1) {
                throw new IllegalArgumentException("grey level and column value must be >= 1, got " + levelOf[k]
                        + ", " + columnOf[k]);
            }
            keys[k] = ((long) levelOf[k] << 32) | columnOf[k];
        }
        Arrays.sort(keys);
        int[] lv = new int[n];
        int[] cv = new int[n];
        for (int k = 0; k < n; k++) {
            lv[k] = (int) (keys[k] >>> 32);
            cv[k] = (int) keys[k];
        }
        int[] levels = distinctSorted(lv);
        int[] columns = distinctSorted(cv);
        double[] counts = new double[levels.length * columns.length];
        for (int k = 0; k < n; k++) {
            int r = Arrays.binarySearch(levels, lv[k]);
            int c = Arrays.binarySearch(columns, cv[k]);
            counts[r * columns.length + c]++;
        }
        return new LevelCountMatrix(levels, columns, counts, voxelCount);
    }

    /**
     * A matrix from dense counts {@code dense[i][j]} for grey level {@code i} and column value {@code j} (index 0
     * unused); empty rows and columns are dropped.
     */
    public static LevelCountMatrix ofDense(long[][] dense, long voxelCount) {
        int maxColumn = 0;
        for (long[] row : dense) {
            maxColumn = Math.max(maxColumn, row.length);
        }
        boolean[] rowUsed = new boolean[dense.length];
        boolean[] colUsed = new boolean[maxColumn];
        for (int i = 1; i < dense.length; i++) {
            for (int j = 1; j < dense[i].length; j++) {
                if (dense[i][j] != 0) {
                    rowUsed[i] = true;
                    colUsed[j] = true;
                }
            }
        }
        int[] levels = indices(rowUsed);
        int[] columns = indices(colUsed);
        double[] counts = new double[levels.length * columns.length];
        for (int r = 0; r < levels.length; r++) {
            long[] row = dense[levels[r]];
            for (int c = 0; c < columns.length; c++) {
                counts[r * columns.length + c] = columns[c] < row.length ? row[columns[c]] : 0;
            }
        }
        return new LevelCountMatrix(levels, columns, counts, voxelCount);
    }

    private static int[] distinctSorted(int[] sorted) {
        int[] copy = sorted.clone();
        Arrays.sort(copy);
        return Arrays.stream(copy).distinct().toArray();
    }

    private static int[] indices(boolean[] used) {
        int n = 0;
        int[] out = new int[used.length];
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Number of rows (grey levels present). */
    public int rows() {
        return levels.length;
    }

    /** Number of columns (column values present). */
    public int columns() {
        return columns.length;
    }

    /** Grey level {@code i} of row {@code r}. */
    public int level(int r) {
        return levels[r];
    }

    /** Column value {@code j} of column {@code c}. */
    public int column(int c) {
        return columns[c];
    }

    /** The grey levels of the rows, ascending. */
    public int[] levels() {
        return levels.clone();
    }

    /** The column values, ascending. */
    public int[] columnValues() {
        return columns.clone();
    }

    /** The count in row {@code r}, column {@code c}. */
    public double count(int r, int c) {
        return counts[r * columns.length + c];
    }

    /** The counts as rows by columns. */
    public double[][] toArray() {
        double[][] out = new double[levels.length][];
        for (int r = 0; r < levels.length; r++) {
            out[r] = Arrays.copyOfRange(counts, r * columns.length, (r + 1) * columns.length);
        }
        return out;
    }

    /** {@code N_s}: the sum of all counts (zones, or neighbourhoods). */
    public double total() {
        return total;
    }

    /** {@code N_v}: the ROI voxels the matrix was built from. */
    public double voxelCount() {
        return voxelCount;
    }

    /** {@code \frac{1}{N_s} \sum_j s_{.j} / j^2}. */
    public double smallColumnEmphasis() {
        double s = 0;
        for (int c = 0; c < columns.length; c++) {
            s += columnSums[c] / ((double) columns[c] * columns[c]);
        }
        return s / total;
    }

    /** {@code \frac{1}{N_s} \sum_j j^2 s_{.j}}. */
    public double largeColumnEmphasis() {
        double s = 0;
        for (int c = 0; c < columns.length; c++) {
            s += columnSums[c] * columns[c] * (double) columns[c];
        }
        return s / total;
    }

    /** {@code \frac{1}{N_s} \sum_i s_{i.} / i^2}. */
    public double lowGreyLevelEmphasis() {
        double s = 0;
        for (int r = 0; r < levels.length; r++) {
            s += rowSums[r] / ((double) levels[r] * levels[r]);
        }
        return s / total;
    }

    /** {@code \frac{1}{N_s} \sum_i i^2 s_{i.}}. */
    public double highGreyLevelEmphasis() {
        double s = 0;
        for (int r = 0; r < levels.length; r++) {
            s += rowSums[r] * levels[r] * (double) levels[r];
        }
        return s / total;
    }

    /**
     * {@code \frac{1}{N_s} \sum_{i,j} s(i,j) i^{2a} j^{2b}} with exponents {@code a, b} in {-1, 1}: the four
     * joint emphases (small/large column, low/high grey level).
     */
    public double jointEmphasis(int greyExponent, int columnExponent) {
        double s = 0;
        for (int r = 0; r < levels.length; r++) {
            double i2 = Math.pow((double) levels[r] * levels[r], greyExponent);
            for (int c = 0; c < columns.length; c++) {
                double v = counts[r * columns.length + c];
                if (v != 0) {
                    s += v * i2 * Math.pow((double) columns[c] * columns[c], columnExponent);
                }
            }
        }
        return s / total;
    }

    /** {@code \frac{1}{N_s} \sum_i s_{i.}^2}. */
    public double greyLevelNonUniformity() {
        return sumOfSquares(rowSums) / total;
    }

    /** {@code \frac{1}{N_s^2} \sum_i s_{i.}^2}. */
    public double greyLevelNonUniformityNormalized() {
        return sumOfSquares(rowSums) / (total * total);
    }

    /** {@code \frac{1}{N_s} \sum_j s_{.j}^2}. */
    public double columnNonUniformity() {
        return sumOfSquares(columnSums) / total;
    }

    /** {@code \frac{1}{N_s^2} \sum_j s_{.j}^2}. */
    public double columnNonUniformityNormalized() {
        return sumOfSquares(columnSums) / (total * total);
    }

    /** {@code N_s / N_v}. */
    public double percentage() {
        return total / voxelCount;
    }

    /** {@code \sum_{i,j} (i - \mu)^2 p(i,j)} with {@code \mu = \sum_{i,j} i p(i,j)}. */
    public double greyLevelVariance() {
        return variance(levels, rowSums);
    }

    /** {@code \sum_{i,j} (j - \mu)^2 p(i,j)} with {@code \mu = \sum_{i,j} j p(i,j)}. */
    public double columnVariance() {
        return variance(columns, columnSums);
    }

    /**
     * {@code -\sum_{i,j} p(i,j) \log_2 (p(i,j) + \epsilon)} over the non-zero {@code p(i,j)}; PyRadiomics adds
     * {@code \epsilon = 2.2e-16} (numpy's {@code spacing(1)}), IBSI uses {@code \epsilon = 0}.
     */
    public double entropy(double epsilon) {
        double h = 0;
        for (double v : counts) {
            if (v != 0) {
                double p = v / total;
                h -= p * Math.log(p + epsilon) / Math.log(2);
            }
        }
        return h;
    }

    /** {@code \sum_{i,j} p(i,j)^2}. */
    public double energy() {
        double e = 0;
        for (double v : counts) {
            e += (v / total) * (v / total);
        }
        return e;
    }

    private double variance(int[] values, double[] marginal) {
        double mean = 0;
        for (int k = 0; k < values.length; k++) {
            mean += values[k] * marginal[k] / total;
        }
        double var = 0;
        for (int k = 0; k < values.length; k++) {
            var += (values[k] - mean) * (values[k] - mean) * marginal[k] / total;
        }
        return var;
    }

    private static double sumOfSquares(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "LevelCountMatrix[" + levels.length + " grey levels x " + columns.length + " columns, N_s=" + total
                + ", N_v=" + voxelCount + "]";
    }
}
