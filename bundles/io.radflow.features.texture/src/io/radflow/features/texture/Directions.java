package io.radflow.features.texture;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour offsets of the texture families: one offset per direction (the opposite offset is the same
 * direction), in the order PyRadiomics generates its angles ({@code cmatrices.c build_angles}).
 *
 * <p>PyRadiomics orders the axes as numpy does, (z, y, x), and lists the offsets whose infinity-norm
 * (Chebyshev) length is one of the requested distances, descending lexicographically in (z, y, x) and keeping
 * the half whose first non-zero component is positive. For distance 1 that is 13 directions in 3D (the IBSI
 * 26-connected neighbourhood, each direction once) and 4 in-plane. {@link Direction} stores (dx, dy, dz).
 */
public final class Directions {

    /** Axis index of x, y and z in {@link Direction} and in {@link GreyLevelVolume}. */
    public static final int X = 0;
    public static final int Y = 1;
    public static final int Z = 2;

    private Directions() {
    }

    /** One neighbour offset in voxels. */
    public record Direction(int dx, int dy, int dz) {

        /** The offset along {@code axis} ({@link #X}, {@link #Y} or {@link #Z}). */
        public int along(int axis) {
            return axis == X ? dx : axis == Y ? dy : dz;
        }

        /** Chebyshev (infinity-norm) length in voxels. */
        public int chebyshev() {
            return Math.max(Math.abs(dx), Math.max(Math.abs(dy), Math.abs(dz)));
        }

        /** Length in mm under {@code norm} ({@code manhattan}, {@code euclidean}, {@code infinity}). */
        public double length(double[] spacing, String norm) {
            double x = Math.abs(dx) * spacing[X];
            double y = Math.abs(dy) * spacing[Y];
            double z = Math.abs(dz) * spacing[Z];
            return switch (norm) {
                case "manhattan" -> x + y + z;
                case "euclidean" -> Math.sqrt(x * x + y * y + z * z);
                case "infinity" -> Math.max(x, Math.max(y, z));
                default -> throw new IllegalArgumentException("Unknown norm '" + norm
                        + "'; use manhattan, euclidean or infinity");
            };
        }

        @Override
        public String toString() {
            return "(" + dx + ", " + dy + ", " + dz + ")";
        }
    }

    /**
     * The directions with Chebyshev length in {@code distances}, in PyRadiomics' order.
     *
     * @param distances  the distances (each at least 1)
     * @param fixedAxis  -1 for 3D, else the axis ({@link #X}, {@link #Y}, {@link #Z}) along which the offset
     *                   must be 0 (in-plane directions, PyRadiomics' {@code force2D})
     */
    public static List<Direction> of(List<Integer> distances, int fixedAxis) {
        if (distances.isEmpty()) {
            throw new IllegalArgumentException("distances must not be empty");
        }
        int max = 0;
        for (int d : distances) {
            if (d < 1) {
                throw new IllegalArgumentException("distances must be at least 1, got " + distances);
            }
            max = Math.max(max, d);
        }
        if (fixedAxis < -1 || fixedAxis > Z) {
            throw new IllegalArgumentException("fixed axis must be -1, 0, 1 or 2, got " + fixedAxis);
        }
        List<Direction> out = new ArrayList<>();
        for (int dz = max; dz >= -max; dz--) {
            for (int dy = max; dy >= -max; dy--) {
                for (int dx = max; dx >= -max; dx--) {
                    Direction d = new Direction(dx, dy, dz);
                    boolean positiveHalf = dz > 0 || (dz == 0 && (dy > 0 || (dy == 0 && dx > 0)));
                    if (positiveHalf && distances.contains(d.chebyshev()) && (fixedAxis < 0 || d.along(fixedAxis) == 0)) {
                        out.add(d);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The 13 directions of the 3D 26-neighbourhood (distance 1). */
    public static List<Direction> threeD() {
        return of(List.of(1), -1);
    }

    /** The 4 in-plane directions (distance 1) of slices across {@code sliceAxis}. */
    public static List<Direction> inPlane(int sliceAxis) {
        return of(List.of(1), sliceAxis);
    }

    /**
     * The axis across which PyRadiomics' {@code force2Ddimension} takes slices: numpy axis 0, 1, 2 is
     * z (axial), y (coronal), x (sagittal).
     */
    public static int axisOfForce2Ddimension(int force2Ddimension) {
        if (force2Ddimension < 0 || force2Ddimension > 2) {
            throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, got " + force2Ddimension);
        }
        return Z - force2Ddimension;
    }
}
