package io.radflow.image;

/**
 * An immutable scalar 3D image: a geometry and one double per voxel (x fastest, then y, then z).
 * Label maps (masks) are images too; {@link Mask} selects one label of them.
 */
public final class Image3D {

    private final ImageGeometry geometry;
    private final double[] voxels;

    /** Wraps a copy of {@code voxels}. */
    public Image3D(ImageGeometry geometry, double[] voxels) {
        this(geometry, voxels.clone(), true);
    }

    private Image3D(ImageGeometry geometry, double[] voxels, boolean owned) {
        if (voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("Image has " + voxels.length + " voxels, geometry needs " + geometry.voxelCount());
        }
        this.geometry = geometry;
        this.voxels = voxels;
    }

    /** Takes ownership of {@code voxels} without copying; the caller must not change the array afterwards. */
    public static Image3D wrap(ImageGeometry geometry, double[] voxels) {
        return new Image3D(geometry, voxels, true);
    }

    public ImageGeometry geometry() {
        return geometry;
    }

    public double get(int index) {
        return voxels[index];
    }

    public double get(int x, int y, int z) {
        return voxels[geometry.index(x, y, z)];
    }

    /** A copy of all voxel values. */
    public double[] voxels() {
        return voxels.clone();
    }

    public int voxelCount() {
        return voxels.length;
    }
}
