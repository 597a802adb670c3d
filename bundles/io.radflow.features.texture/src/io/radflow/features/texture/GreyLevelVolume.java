package io.radflow.features.texture;

import io.radflow.features.Discretisation;
import io.radflow.features.DiscretisedRegion;
import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.Arrays;

/**
 * The discretised ROI that every texture family starts from: the intensity mask's bounding box, with the
 * grey level (bin index, 1-based) of each ROI voxel and 0 outside the ROI. Discretisation follows the
 * convention of the settings ({@link Discretisation#discretise(double[], FeatureSettings)}). Immutable.
 *
 * <p>Voxels are stored x fastest, then y, then z, like {@link io.radflow.image.Image3D}; {@code x, y, z}
 * are indices within the box.
 */
public final class GreyLevelVolume {

    private final int sizeX;
    private final int sizeY;
    private final int sizeZ;
    private final int[] origin;
    private final double[] spacing;
    private final int[] levels;
    private final int[] greyLevels;
    private final int voxelCount;

    private GreyLevelVolume(int[] size, int[] origin, double[] spacing, int[] levels) {
        this.sizeX = size[0];
        this.sizeY = size[1];
        this.sizeZ = size[2];
        this.origin = origin;
        this.spacing = spacing;
        this.levels = levels;
        int[] present = Arrays.stream(levels).filter(l -> l > 0).distinct().sorted().toArray();
        this.greyLevels = present;
        this.voxelCount = (int) Arrays.stream(levels).filter(l -> l > 0).count();
    }

    /** Discretises the intensities of {@code roi} (its intensity mask) and crops to their bounding box. */
    public static GreyLevelVolume of(Roi roi, FeatureSettings settings) {
        Mask mask = roi.intensity();
        ImageGeometry g = mask.geometry();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        int nx = g.sizeX();
        int nxy = nx * g.sizeY();
        int n = g.voxelCount();
        for (int i = 0; i < n; i++) {
            if (mask.contains(i)) {
                int x = i % nx;
                int y = (i / nx) % g.sizeY();
                int z = i / nxy;
                lo[0] = Math.min(lo[0], x);
                lo[1] = Math.min(lo[1], y);
                lo[2] = Math.min(lo[2], z);
                hi[0] = Math.max(hi[0], x);
                hi[1] = Math.max(hi[1], y);
                hi[2] = Math.max(hi[2], z);
            }
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        int[] bins = Discretisation.discretise(roi.intensities(), settings);
        int[] levels = new int[size[0] * size[1] * size[2]];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (mask.contains(i)) {
                int x = i % nx;
                int y = (i / nx) % g.sizeY();
                int z = i / nxy;
                levels[(x - lo[0]) + size[0] * ((y - lo[1]) + size[1] * (z - lo[2]))] = bins[next++];
            }
        }
        return new GreyLevelVolume(size, lo, g.spacing(), levels);
    }

    /** A volume from explicit levels (0 = outside), e.g. for tests; {@code levels} is copied. */
    public static GreyLevelVolume of(int sizeX, int sizeY, int sizeZ, double[] spacing, int[] levels) {
        if (levels.length != sizeX * sizeY * sizeZ) {
            throw new IllegalArgumentException("levels has " + levels.length + " entries, size needs " + sizeX * sizeY * sizeZ);
        }
        for (int l : levels) {
            if (l < 0) {
                throw new IllegalArgumentException("grey levels must be >= 1 inside the ROI and 0 outside, got " + l);
            }
        }
        return new GreyLevelVolume(new int[] {sizeX, sizeY, sizeZ}, new int[3], spacing.clone(), levels.clone());
    }

    /** The grey levels of a region discretised beforehand (e.g. a voxel-based kernel), not discretised again. */
    public static GreyLevelVolume of(DiscretisedRegion region) {
        int[] size = region.size();
        return new GreyLevelVolume(size, new int[3], region.spacing(), region.levels());
    }

    public int sizeX() {
        return sizeX;
    }

    public int sizeY() {
        return sizeY;
    }

    public int sizeZ() {
        return sizeZ;
    }

    /** Index of the box's first voxel in the image grid. */
    public int[] origin() {
        return origin.clone();
    }

    /** Voxel spacing in mm (x, y, z). */
    public double[] spacing() {
        return spacing.clone();
    }

    /** The grey level at {@code (x, y, z)} of the box; 0 outside the ROI or outside the box. */
    public int level(int x, int y, int z) {
        if (x < 0 || y < 0 || z < 0 || x >= sizeX || y >= sizeY || z >= sizeZ) {
            return 0;
        }
        return levels[x + sizeX * (y + sizeY * z)];
    }

    /** The grey levels present in the ROI, ascending. */
    public int[] greyLevels() {
        return greyLevels.clone();
    }

    /** The highest grey level present (PyRadiomics' {@code Ng} before empty levels are removed). */
    public int maxLevel() {
        return greyLevels.length == 0 ? 0 : greyLevels[greyLevels.length - 1];
    }

    /** Number of ROI voxels. */
    public int voxelCount() {
        return voxelCount;
    }

    /** A copy of the levels of the box, x fastest. */
    public int[] levels() {
        return levels.clone();
    }
}
