package io.radflow.features.texture;

import java.util.ArrayList;
import java.util.List;

/**
 * The grey level run length matrices whose features {@link GlrlmFeatures} averages: one per direction
 * (PyRadiomics' default), one merged matrix, or one per slice (and direction) for IBSI's 2D aggregations.
 * Each is {@code N_g x N_r}: rows are the grey levels present in the ROI ({@link #greyLevels()}), columns the
 * run lengths that occur in any of the matrices ({@link #runLengths()}; PyRadiomics deletes the others), entries
 * the (weighted) number of runs, not normalised. Immutable; accessors return copies.
 */
public final class GlrlmMatrices {

    private final int[] greyLevels;
    private final int[] runLengths;
    private final List<double[]> matrices;
    private final List<String> labels;

    GlrlmMatrices(int[] greyLevels, int[] runLengths, List<double[]> matrices, List<String> labels) {
        this.greyLevels = greyLevels.clone();
        this.runLengths = runLengths.clone();
        this.matrices = List.copyOf(matrices);
        this.labels = List.copyOf(labels);
    }

    /** The grey levels of the rows and columns, ascending. */
    public int[] greyLevels() {
        return greyLevels.clone();
    }

    /** The run lengths of the columns, ascending. */
    public int[] runLengths() {
        return runLengths.clone();
    }

    /** Number of matrices. */
    public int count() {
        return matrices.size();
    }

    /** What matrix {@code k} covers, e.g. {@code direction (1, 0, 0)} or {@code slice 3}. */
    public String label(int k) {
        return labels.get(k);
    }

    /** Entry (i, j) of matrix {@code k}; {@code i} indexes {@link #greyLevels()}, {@code j} {@link #runLengths()}. */
    public double get(int k, int i, int j) {
        return matrices.get(k)[i * runLengths.length + j];
    }

    /** A copy of matrix {@code k}, row-major. */
    public double[] matrix(int k) {
        return matrices.get(k).clone();
    }

    /** All matrices (copies), in order. */
    public List<double[]> all() {
        List<double[]> out = new ArrayList<>();
        for (double[] m : matrices) {
            out.add(m.clone());
        }
        return out;
    }
}
