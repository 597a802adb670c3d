package io.radflow.features;

import java.util.Arrays;

/**
 * A small region whose intensities were already discretised, e.g. the kernel around one voxel in voxel-based
 * extraction: a box of voxels (x fastest, then y, then z) with the grey level and intensity of each. Grey levels
 * are {@code >= 1} inside the region and 0 outside. Discretisation happened before, on the whole ROI, so a
 * family that computes from this region must not discretise again. Immutable: arrays are copied in and out.
 */
public final class DiscretisedRegion {

    private final int[] size;
    private final double[] spacing;
    private final int[] levels;
    private final double[] intensities;
    private final boolean[] flatImageAxes;
    private final int voxelCount;

    /**
     * @param size          box size (x, y, z)
     * @param spacing       voxel spacing in mm (x, y, z)
     * @param levels        grey level of each box voxel: {@code >= 1} inside the region, 0 outside
     * @param intensities   intensity of each box voxel (only read where the level is {@code >= 1})
     * @param flatImageAxes per axis, whether the image the region comes from has one voxel along it (families
     *                      that skip such directions in segment-based extraction skip them here too)
     * @throws IllegalArgumentException when the arrays do not fit the size or a level is negative
     */
    public DiscretisedRegion(int[] size, double[] spacing, int[] levels, double[] intensities, boolean[] flatImageAxes) {
        if (size.length != 3 || spacing.length != 3 || flatImageAxes.length != 3) {
            throw new IllegalArgumentException("size, spacing and flatImageAxes need 3 entries (x, y, z)");
        }
        int n = size[0] * size[1] * size[2];
        if (levels.length != n || intensities.length != n) {
            throw new IllegalArgumentException("a box of " + Arrays.toString(size) + " needs " + n + " levels and "
                    + "intensities, got " + levels.length + " and " + intensities.length);
        }
        int count = 0;
        for (int level : levels) {
            if (level < 0) {
                throw new IllegalArgumentException("grey levels must be >= 1 inside the region and 0 outside, got " + level);
            }
            if (level > 0) {
                count++;
            }
        }
        this.size = size.clone();
        this.spacing = spacing.clone();
        this.levels = levels.clone();
        this.intensities = intensities.clone();
        this.flatImageAxes = flatImageAxes.clone();
        this.voxelCount = count;
    }

    /** Box size (x, y, z). */
    public int[] size() {
        return size.clone();
    }

    /** Voxel spacing in mm (x, y, z). */
    public double[] spacing() {
        return spacing.clone();
    }

    /** The grey level of every box voxel, x fastest; 0 outside the region. */
    public int[] levels() {
        return levels.clone();
    }

    /** Per axis (x, y, z), whether the source image has a single voxel along it. */
    public boolean[] flatImageAxes() {
        return flatImageAxes.clone();
    }

    /** Number of voxels in the region. */
    public int voxelCount() {
        return voxelCount;
    }

    /** The volume of one voxel in mm^3. */
    public double voxelVolume() {
        return spacing[0] * spacing[1] * spacing[2];
    }

    /** The intensities of the region's voxels, in box order. */
    public double[] regionIntensities() {
        double[] out = new double[voxelCount];
        int next = 0;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] > 0) {
                out[next++] = intensities[i];
            }
        }
        return out;
    }

    /** The grey levels of the region's voxels, in box order (matching {@link #regionIntensities()}). */
    public int[] regionLevels() {
        int[] out = new int[voxelCount];
        int next = 0;
        for (int level : levels) {
            if (level > 0) {
                out[next++] = level;
            }
        }
        return out;
    }
}
