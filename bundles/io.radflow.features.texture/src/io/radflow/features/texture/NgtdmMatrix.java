package io.radflow.features.texture;

import java.util.Arrays;

/**
 * A neighbourhood grey tone difference matrix (IBSI-1 3.10; PyRadiomics {@code P_ngtdm}): for each grey level
 * {@code i} present, the number {@code n_i} of voxels counted and the sum {@code s_i = \sum |i - \bar X_k|} of
 * the absolute differences between the voxel's grey level and the mean grey level {@code \bar X_k} of its
 * neighbours in the ROI (centre excluded). Rows with {@code n_i = 0} are dropped. Immutable.
 *
 * <p>A voxel without any neighbour in the ROI ({@code W_k = 0}) has no valid neighbourhood: IBSI does not count
 * it; PyRadiomics' C code counts it in {@code n_i} with a difference of 0 ({@link #compute} takes the choice).
 */
public final class NgtdmMatrix {

    private final int[] levels;
    private final double[] n;
    private final double[] s;
    private final double counted;

    private NgtdmMatrix(int[] levels, double[] n, double[] s) {
        this.levels = levels;
        this.n = n;
        this.s = s;
        double total = 0;
        for (double v : n) {
            total += v;
        }
        this.counted = total;
    }

    /**
     * The NGTDM of {@code volume} in one pass over its ROI voxels.
     *
     * @param neighbourhood            the neighbours of a voxel (IBSI: Chebyshev distance 1)
     * @param countVoxelsWithoutNeighbours PyRadiomics' choice (true) or IBSI's (false), see the class comment
     */
    public static NgtdmMatrix compute(GreyLevelVolume volume, Neighbourhood neighbourhood,
            boolean countVoxelsWithoutNeighbours) {
        Neighbourhood.Padded padded = neighbourhood.pad(volume);
        int[] levels = padded.values();
        int[] offsets = padded.linearOffsets();
        int maxLevel = volume.maxLevel();
        double[] count = new double[maxLevel + 1];
        double[] sum = new double[maxLevel + 1];
        for (int z = 0; z < volume.sizeZ(); z++) {
            for (int y = 0; y < volume.sizeY(); y++) {
                int p = padded.index(0, y, z);
                for (int x = 0; x < volume.sizeX(); x++, p++) {
                    int gl = levels[p];
                    if (gl <= 0) {
                        continue;
                    }
                    int neighbours = 0;
                    long total = 0;
                    for (int o : offsets) {
                        int l = levels[p + o];
                        if (l > 0) {
                            neighbours++;
                            total += l;
                        }
                    }
                    if (neighbours > 0) {
                        count[gl]++;
                        sum[gl] += Math.abs(gl - (double) total / neighbours);
                    } else if (countVoxelsWithoutNeighbours) {
                        count[gl]++;
                    }
                }
            }
        }
        int rows = 0;
        for (double c : count) {
            if (c > 0) {
                rows++;
            }
        }
        int[] present = new int[rows];
        double[] n = new double[rows];
        double[] s = new double[rows];
        int r = 0;
        for (int i = 1; i <= maxLevel; i++) {
            if (count[i] > 0) {
                present[r] = i;
                n[r] = count[i];
                s[r] = sum[i];
                r++;
            }
        }
        return new NgtdmMatrix(present, n, s);
    }

    /** Number of rows (grey levels with {@code n_i > 0}). */
    public int rows() {
        return levels.length;
    }

    /** The grey levels {@code i} of the rows, ascending. */
    public int[] levels() {
        return levels.clone();
    }

    /** {@code n_i} of each row. */
    public double[] counts() {
        return n.clone();
    }

    /** {@code s_i} of each row. */
    public double[] differences() {
        return s.clone();
    }

    /** {@code N_{v,c} = \sum n_i}: the voxels counted. */
    public double counted() {
        return counted;
    }

    /** {@code N_{g,p}}: the number of grey levels with {@code p_i > 0}. */
    public int presentLevels() {
        return levels.length;
    }

    /** {@code p_i = n_i / N_{v,c}} of each row. */
    public double[] probabilities() {
        double[] p = new double[n.length];
        for (int r = 0; r < p.length; r++) {
            p[r] = n[r] / counted;
        }
        return p;
    }

    /** Rows as PyRadiomics stores them: {@code {n_i, s_i, i}}. */
    public double[][] toArray() {
        double[][] out = new double[levels.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = new double[] {n[r], s[r], levels[r]};
        }
        return out;
    }

    @Override
    public String toString() {
        return "NgtdmMatrix[levels=" + Arrays.toString(levels) + ", n=" + Arrays.toString(n) + ", s="
                + Arrays.toString(s) + "]";
    }
}
