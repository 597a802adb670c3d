package io.radflow.image;

import java.util.Arrays;
import java.util.Locale;

/**
 * The voxel grid of a 3D image in LPS world coordinates, as ITK defines it: size in voxels,
 * origin (centre of voxel 0,0,0) in mm, spacing in mm and a 3x3 direction matrix whose columns are
 * the world directions of the i, j and k axes (row-major storage). Immutable.
 *
 * <p>World point of index (i,j,k): {@code origin + D * diag(spacing) * (i,j,k)}.
 */
public final class ImageGeometry {

    private final int[] size;
    private final double[] origin;
    private final double[] spacing;
    private final double[] direction;

    public ImageGeometry(int[] size, double[] origin, double[] spacing, double[] direction) {
        if (size.length != 3 || origin.length != 3 || spacing.length != 3 || direction.length != 9) {
            throw new IllegalArgumentException("Geometry needs 3 sizes, 3 origin values, 3 spacings and 9 direction values");
        }
        for (int axis = 0; axis < 3; axis++) {
            if (size[axis] <= 0) {
                throw new IllegalArgumentException("Size along axis " + axis + " must be positive, got " + size[axis]);
            }
            if (!(spacing[axis] > 0) || Double.isInfinite(spacing[axis])) {
                throw new IllegalArgumentException("Spacing along axis " + axis + " must be positive and finite, got " + spacing[axis]);
            }
        }
        this.size = size.clone();
        this.origin = origin.clone();
        this.spacing = spacing.clone();
        this.direction = direction.clone();
    }

    /** Axis-aligned geometry (identity direction). */
    public static ImageGeometry of(int sizeX, int sizeY, int sizeZ, double[] origin, double[] spacing) {
        return new ImageGeometry(new int[] {sizeX, sizeY, sizeZ}, origin, spacing,
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    public int sizeX() {
        return size[0];
    }

    public int sizeY() {
        return size[1];
    }

    public int sizeZ() {
        return size[2];
    }

    public int[] size() {
        return size.clone();
    }

    public double[] origin() {
        return origin.clone();
    }

    public double[] spacing() {
        return spacing.clone();
    }

    /** Row-major 3x3 direction matrix; column c is the world direction of index axis c. */
    public double[] direction() {
        return direction.clone();
    }

    public int voxelCount() {
        return size[0] * size[1] * size[2];
    }

    /** Linear index of (x, y, z); x runs fastest. */
    public int index(int x, int y, int z) {
        return x + size[0] * (y + size[1] * z);
    }

    /** Volume of one voxel in mm^3. */
    public double voxelVolume() {
        return spacing[0] * spacing[1] * spacing[2];
    }

    /** The LPS world point (mm) of continuous index (i, j, k). */
    public double[] indexToWorld(double i, double j, double k) {
        double[] scaled = {i * spacing[0], j * spacing[1], k * spacing[2]};
        double[] world = new double[3];
        for (int r = 0; r < 3; r++) {
            world[r] = origin[r] + direction[3 * r] * scaled[0] + direction[3 * r + 1] * scaled[1]
                    + direction[3 * r + 2] * scaled[2];
        }
        return world;
    }

    /**
     * Whether {@code other} has the same size and, within {@code tolerance} (mm for origin, relative
     * for spacing, absolute for direction cosines), the same origin, spacing and direction.
     */
    public boolean sameGrid(ImageGeometry other, double tolerance) {
        return mismatch(other, tolerance) == null;
    }

    /**
     * A sentence saying how {@code other} differs from this grid and by how much (the largest difference
     * against the tolerance), or {@code null} when it does not.
     */
    public String mismatch(ImageGeometry other, double tolerance) {
        if (!Arrays.equals(size, other.size)) {
            return "size " + Arrays.toString(other.size) + " differs from " + Arrays.toString(size);
        }
        double spacingExcess = 0;
        double originExcess = 0;
        double spacingDiff = 0;
        double originDiff = 0;
        for (int axis = 0; axis < 3; axis++) {
            double ds = Math.abs(spacing[axis] - other.spacing[axis]);
            double dor = Math.abs(origin[axis] - other.origin[axis]);
            spacingExcess = Math.max(spacingExcess, ds / (tolerance * spacing[axis]));
            originExcess = Math.max(originExcess, dor / (tolerance * Math.max(1, spacing[axis])));
            spacingDiff = Math.max(spacingDiff, ds);
            originDiff = Math.max(originDiff, dor);
        }
        if (spacingExcess > 1) {
            return String.format(Locale.ROOT, "spacing %s differs from %s by up to %.6g mm (tolerance %.3g relative)",
                    Arrays.toString(other.spacing), Arrays.toString(spacing), spacingDiff, tolerance);
        }
        if (originExcess > 1) {
            return String.format(Locale.ROOT, "origin %s differs from %s by up to %.6g mm along an axis (tolerance "
                    + "%.3g x max(1 mm, spacing))", Arrays.toString(other.origin), Arrays.toString(origin), originDiff, tolerance);
        }
        double directionDiff = 0;
        for (int i = 0; i < 9; i++) {
            directionDiff = Math.max(directionDiff, Math.abs(direction[i] - other.direction[i]));
        }
        if (directionDiff > tolerance) {
            return String.format(Locale.ROOT, "direction %s differs from %s by up to %.6g in a cosine (tolerance %.3g)",
                    Arrays.toString(other.direction), Arrays.toString(direction), directionDiff, tolerance);
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageGeometry g && Arrays.equals(size, g.size) && Arrays.equals(origin, g.origin)
                && Arrays.equals(spacing, g.spacing) && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(size) * 31 + Arrays.hashCode(spacing);
    }

    @Override
    public String toString() {
        return "size " + Arrays.toString(size) + ", spacing " + Arrays.toString(spacing) + ", origin "
                + Arrays.toString(origin) + ", direction " + Arrays.toString(direction);
    }
}
