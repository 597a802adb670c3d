package io.radflow.filters.ibsi2;

import java.util.ArrayList;
import java.util.List;

/**
 * A right-angle rotation of the voxel grid: a signed permutation matrix {@code R} with determinant +1,
 * {@code (R p)_a = sign_a p_{permutation_a}}. IBSI-2 (reference manual, rotation invariance) pools a filter's responses
 * over the 24 such rotations of 3D space, or over the 4 rotations in the i-j plane for 2D filters.
 *
 * <p>Rotating the image by {@code R}, filtering with kernel {@code K} and rotating back equals filtering the
 * original image with {@code K(R p)}; for a separable kernel {@code K(p) = prod_a k_a(p_a)} that is
 * {@code prod_a k_a(sign_a p_{permutation_a})}: the 1D kernel of axis {@code a} moves to axis
 * {@code permutation_a}, reversed where {@code sign_a = -1}. All four padding modes commute with axis flips and
 * permutations, so no image needs to be rotated.
 *
 * @param permutation the source axis of each row, a permutation of 0, 1, 2
 * @param signs       +1 or -1 per row
 */
public record AxisRotation(int[] permutation, int[] signs) {

    public AxisRotation {
        permutation = permutation.clone();
        signs = signs.clone();
        if (permutation.length != 3 || signs.length != 3 || determinant(permutation, signs) != 1) {
            throw new IllegalArgumentException("a rotation needs a permutation of 0, 1, 2 and signs giving determinant +1");
        }
    }

    @Override
    public int[] permutation() {
        return permutation.clone();
    }

    @Override
    public int[] signs() {
        return signs.clone();
    }

    /** The 24 rotations of 3D space that map the grid onto itself; the identity first. */
    public static List<AxisRotation> all3D() {
        List<AxisRotation> out = new ArrayList<>();
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            for (int s = 0; s < 8; s++) {
                int[] signs = {(s & 1) == 0 ? 1 : -1, (s & 2) == 0 ? 1 : -1, (s & 4) == 0 ? 1 : -1};
                if (determinant(p, signs) == 1) {
                    out.add(new AxisRotation(p, signs));
                }
            }
        }
        return out;
    }

    /** The 4 rotations in the i-j plane (k unchanged): by 0, 90, 180 and 270 degrees. */
    public static List<AxisRotation> inPlane() {
        return List.of(new AxisRotation(new int[] {0, 1, 2}, new int[] {1, 1, 1}),
                new AxisRotation(new int[] {1, 0, 2}, new int[] {-1, 1, 1}),
                new AxisRotation(new int[] {0, 1, 2}, new int[] {-1, -1, 1}),
                new AxisRotation(new int[] {1, 0, 2}, new int[] {1, -1, 1}));
    }

    /** {@link #inPlane()} for 2D filters, {@link #all3D()} for 3D. */
    public static List<AxisRotation> of(FilterDimensions dimensions) {
        return dimensions == FilterDimensions.TWO_D ? inPlane() : all3D();
    }

    private static int determinant(int[] p, int[] signs) {
        boolean[] seen = new boolean[3];
        for (int a : p) {
            if (a < 0 || a > 2 || seen[a]) {
                return 0;
            }
            seen[a] = true;
        }
        int inversions = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (p[i] > p[j]) {
                    inversions++;
                }
            }
        }
        return (inversions % 2 == 0 ? 1 : -1) * signs[0] * signs[1] * signs[2];
    }
}
