package io.radflow.image.mask;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

/**
 * An axis-aligned box of voxel indices, both ends inclusive ({@code min <= index <= max} per axis), such as the
 * bounding box of a mask (PyRadiomics' {@code LabelShapeStatisticsImageFilter.GetBoundingBox} gives
 * {@code min} and {@code size = max - min + 1}). Immutable.
 */
public record BoundingBox(int minX, int minY, int minZ, int maxX, int maxY, int maxZ) {

    public BoundingBox {
        if (maxX < minX || maxY < minY || maxZ < minZ) {
            throw new IllegalArgumentException("empty bounding box [" + minX + ".." + maxX + ", " + minY + ".." + maxY
                    + ", " + minZ + ".." + maxZ + "]");
        }
    }

    /**
     * The smallest box holding every voxel of {@code mask}.
     *
     * @throws IllegalArgumentException when the mask is empty
     */
    public static BoundingBox of(Mask mask) {
        ImageGeometry g = mask.geometry();
        int nx = g.sizeX();
        int ny = g.sizeY();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        int n = g.voxelCount();
        for (int i = 0; i < n; i++) {
            if (mask.contains(i)) {
                int x = i % nx;
                int y = (i / nx) % ny;
                int z = i / (nx * ny);
                lo[0] = Math.min(lo[0], x);
                lo[1] = Math.min(lo[1], y);
                lo[2] = Math.min(lo[2], z);
                hi[0] = Math.max(hi[0], x);
                hi[1] = Math.max(hi[1], y);
                hi[2] = Math.max(hi[2], z);
            }
        }
        if (hi[0] < 0) {
            throw new IllegalArgumentException("The mask is empty: it has no bounding box");
        }
        return new BoundingBox(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
    }

    /** Lower corner {x, y, z}. */
    public int[] min() {
        return new int[] {minX, minY, minZ};
    }

    /** Upper corner {x, y, z} (inclusive). */
    public int[] max() {
        return new int[] {maxX, maxY, maxZ};
    }

    /** Extent in voxels {x, y, z}. */
    public int[] size() {
        return new int[] {maxX - minX + 1, maxY - minY + 1, maxZ - minZ + 1};
    }

    /** This box grown by {@code padding} voxels on every side and clipped to {@code grid}. */
    public BoundingBox padded(int padding, ImageGeometry grid) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must not be negative, got " + padding);
        }
        return new BoundingBox(Math.max(0, minX - padding), Math.max(0, minY - padding), Math.max(0, minZ - padding),
                Math.min(grid.sizeX() - 1, maxX + padding), Math.min(grid.sizeY() - 1, maxY + padding),
                Math.min(grid.sizeZ() - 1, maxZ + padding));
    }

    /** The grid of this box inside {@code grid}: same spacing and direction, origin at voxel {@code min}. */
    public ImageGeometry geometryIn(ImageGeometry grid) {
        if (maxX >= grid.sizeX() || maxY >= grid.sizeY() || maxZ >= grid.sizeZ()) {
            throw new IllegalArgumentException("bounding box " + this + " exceeds the grid " + grid);
        }
        int[] size = size();
        return new ImageGeometry(size, grid.indexToWorld(minX, minY, minZ), grid.spacing(), grid.direction());
    }

    /** The voxels of {@code image} inside this box, on the box's grid ({@link #geometryIn}). */
    public Image3D crop(Image3D image) {
        ImageGeometry target = geometryIn(image.geometry());
        double[] out = new double[target.voxelCount()];
        int k = 0;
        for (int z = minZ; z <= maxZ; z++) {
            for (int y = minY; y <= maxY; y++) {
                for (int x = minX; x <= maxX; x++) {
                    out[k++] = image.get(x, y, z);
                }
            }
        }
        return Image3D.wrap(target, out);
    }

    /** The voxels of {@code mask} inside this box, on the box's grid. */
    public Mask crop(Mask mask) {
        ImageGeometry g = mask.geometry();
        ImageGeometry target = geometryIn(g);
        boolean[] out = new boolean[target.voxelCount()];
        int k = 0;
        for (int z = minZ; z <= maxZ; z++) {
            for (int y = minY; y <= maxY; y++) {
                for (int x = minX; x <= maxX; x++) {
                    out[k++] = mask.contains(g.index(x, y, z));
                }
            }
        }
        return new Mask(target, out);
    }
}
