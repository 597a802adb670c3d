package io.radflow.features.shape;

import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

/**
 * A binary mask cropped to the bounding box of its voxels and padded by one empty voxel on every side (as
 * PyRadiomics pads before marching cubes), with the direction-free voxel spacing (mm). Immutable.
 *
 * <p>Coordinates inside are relative to the padded box: voxel {@code (x, y, z)} of the box is voxel
 * {@code (x + offset[0] - 1, ...)} of the original grid.
 */
final class CroppedMask {

    private final boolean[] inside;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int[] offset;
    private final double[] spacing;
    private final int count;

    private CroppedMask(boolean[] inside, int nx, int ny, int nz, int[] offset, double[] spacing, int count) {
        this.inside = inside;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.offset = offset;
        this.spacing = spacing;
        this.count = count;
    }

    /**
     * Crops {@code mask}.
     *
     * @throws IllegalArgumentException when the mask is empty
     */
    static CroppedMask of(Mask mask) {
        ImageGeometry g = mask.geometry();
        int sx = g.sizeX();
        int sy = g.sizeY();
        int sz = g.sizeZ();
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {-1, -1, -1};
        int v = 0;
        for (int z = 0; z < sz; z++) {
            for (int y = 0; y < sy; y++) {
                for (int x = 0; x < sx; x++, v++) {
                    if (mask.contains(v)) {
                        min[0] = Math.min(min[0], x);
                        max[0] = Math.max(max[0], x);
                        min[1] = Math.min(min[1], y);
                        max[1] = Math.max(max[1], y);
                        min[2] = Math.min(min[2], z);
                        max[2] = Math.max(max[2], z);
                    }
                }
            }
        }
        if (max[0] < 0) {
            throw new IllegalArgumentException("The mask is empty: shape features need at least one voxel");
        }
        int nx = max[0] - min[0] + 3;
        int ny = max[1] - min[1] + 3;
        int nz = max[2] - min[2] + 3;
        boolean[] inside = new boolean[nx * ny * nz];
        int count = 0;
        for (int z = min[2]; z <= max[2]; z++) {
            for (int y = min[1]; y <= max[1]; y++) {
                for (int x = min[0]; x <= max[0]; x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        inside[(x - min[0] + 1) + nx * ((y - min[1] + 1) + ny * (z - min[2] + 1))] = true;
                        count++;
                    }
                }
            }
        }
        return new CroppedMask(inside, nx, ny, nz, min, g.spacing(), count);
    }

    /** The padded box size along x. */
    int nx() {
        return nx;
    }

    int ny() {
        return ny;
    }

    int nz() {
        return nz;
    }

    /** Voxel spacing (x, y, z) in mm, without the direction matrix. */
    double[] spacing() {
        return spacing.clone();
    }

    double spacing(int axis) {
        return spacing[axis];
    }

    /** Number of voxels inside. */
    int count() {
        return count;
    }

    /** Whether box voxel {@code (x, y, z)} is inside; outside the box is outside. */
    boolean inside(int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz && inside[x + nx * (y + ny * z)];
    }

    /** Whether box voxel with linear index {@code i} (x fastest) is inside. */
    boolean inside(int i) {
        return inside[i];
    }

    /** The original-grid index along {@code axis} of box coordinate {@code c}. */
    int toGrid(int axis, int c) {
        return c + offset[axis] - 1;
    }
}
