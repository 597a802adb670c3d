package io.radflow.features.texture;

import java.util.ArrayList;
import java.util.List;

/**
 * The normalised grey level co-occurrence matrices whose features {@link GlcmFeatures} averages: one per
 * direction (PyRadiomics' default), one merged matrix, or one per slice (and direction) for IBSI's 2D
 * aggregations. Each is {@code N_g x N_g} over the grey levels present in the ROI ({@link #greyLevels()}),
 * row {@code i} = level of the centre voxel, column {@code j} = level of the neighbour, entries summing to 1.
 * Immutable; accessors return copies.
 */
public final class GlcmMatrices {

    private final int[] greyLevels;
    private final List<double[]> matrices;
    private final List<String> labels;

    GlcmMatrices(int[] greyLevels, List<double[]> matrices, List<String> labels) {
        this.greyLevels = greyLevels.clone();
        this.matrices = List.copyOf(matrices);
        this.labels = List.copyOf(labels);
    }

    /** The grey levels of the rows and columns, ascending. */
    public int[] greyLevels() {
        return greyLevels.clone();
    }

    /** Number of matrices. */
    public int count() {
        return matrices.size();
    }

    /** What matrix {@code k} covers, e.g. {@code direction (1, 0, 0)} or {@code slice 3}. */
    public String label(int k) {
        return labels.get(k);
    }

    /** Entry (i, j) of matrix {@code k}; {@code i}, {@code j} index {@link #greyLevels()}. */
    public double get(int k, int i, int j) {
        return matrices.get(k)[i * greyLevels.length + j];
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
