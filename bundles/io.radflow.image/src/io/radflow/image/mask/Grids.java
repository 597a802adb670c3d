package io.radflow.image.mask;

import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.Locale;

/**
 * Checks that two images or masks share one voxel grid, with error messages that say by how much they differ.
 */
public final class Grids {

    private Grids() {
    }

    /**
     * Throws when {@code other} is not on the grid {@code reference} (within {@link Mask#GRID_TOLERANCE}: mm for the
     * origin, relative for the spacing, absolute for direction cosines).
     *
     * @param what names the two objects for the message, e.g. "tumour mask and liver mask"
     * @throws IllegalArgumentException naming {@code what}, the differing property and the largest difference
     */
    public static void requireSameGrid(ImageGeometry reference, ImageGeometry other, String what) {
        String difference = difference(reference, other, Mask.GRID_TOLERANCE);
        if (difference != null) {
            throw new IllegalArgumentException("The grids of " + what + " differ: " + difference);
        }
    }

    /**
     * A sentence stating how {@code other} differs from {@code reference} with the size of the largest difference,
     * or {@code null} when they agree within {@code tolerance}.
     */
    public static String difference(ImageGeometry reference, ImageGeometry other, double tolerance) {
        String mismatch = reference.mismatch(other, tolerance);
        if (mismatch == null) {
            return null;
        }
        int[] s1 = reference.size();
        int[] s2 = other.size();
        double[] o1 = reference.origin();
        double[] o2 = other.origin();
        double[] sp1 = reference.spacing();
        double[] sp2 = other.spacing();
        double[] d1 = reference.direction();
        double[] d2 = other.direction();
        double origin = 0;
        double spacing = 0;
        double direction = 0;
        for (int a = 0; a < 3; a++) {
            origin = Math.max(origin, Math.abs(o1[a] - o2[a]));
            spacing = Math.max(spacing, Math.abs(sp1[a] - sp2[a]));
        }
        for (int i = 0; i < 9; i++) {
            direction = Math.max(direction, Math.abs(d1[i] - d2[i]));
        }
        return String.format(Locale.ROOT,
                "%s (size %dx%dx%d vs %dx%dx%d voxels; largest difference: origin %.6g mm, spacing %.6g mm, "
                        + "direction cosine %.6g)",
                mismatch, s1[0], s1[1], s1[2], s2[0], s2[1], s2[2], origin, spacing, direction);
    }
}
