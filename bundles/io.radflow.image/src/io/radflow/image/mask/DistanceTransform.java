package io.radflow.image.mask;

import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

/**
 * The exact Euclidean distance transform in millimetres on anisotropic grids: for every voxel, the distance between
 * its centre and the centre of the nearest mask voxel, {@code d(p) = min_{q in M} sqrt(sum_a (s_a (p_a - q_a))^2)}
 * with spacing {@code s_a} (0 inside the mask).
 *
 * <p>Separable algorithm of Felzenszwalb and Huttenlocher (Distance transforms of sampled functions, Theory of
 * Computing 8, 2012): the squared distance is the lower envelope of parabolas {@code (s (p - q))^2 + f(q)}, computed
 * along x, then y, then z, in O(N). Voxel grids are treated as axis-aligned in index space (the direction matrix does
 * not change distances, since it is orthonormal).
 */
public final class DistanceTransform {

    /** Stands for "no mask voxel on this line yet"; large but far from overflow when squared distances are added. */
    private static final double FAR = 1e30;

    private DistanceTransform() {
    }

    /**
     * Squared distances (mm^2) from each voxel centre to the nearest voxel of {@code mask}; with {@code sliceWise},
     * distances within each z-slice only (2D).
     *
     * @throws IllegalArgumentException when the mask is empty
     */
    public static double[] squaredDistances(Mask mask, boolean sliceWise) {
        if (mask.count() == 0) {
            throw new IllegalArgumentException("The mask is empty: distances to it are undefined");
        }
        ImageGeometry g = mask.geometry();
        int nx = g.sizeX();
        int ny = g.sizeY();
        int nz = g.sizeZ();
        double[] s = g.spacing();
        double[] d = new double[g.voxelCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = mask.contains(i) ? 0 : FAR;
        }
        int longest = Math.max(nx, Math.max(ny, nz));
        double[] f = new double[longest];
        double[] out = new double[longest];
        int[] v = new int[longest];
        double[] z = new double[longest + 1];
        // along x
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int base = nx * (j + ny * k);
                transformLine(d, base, 1, nx, s[0], f, out, v, z);
            }
        }
        // along y
        for (int k = 0; k < nz; k++) {
            for (int i = 0; i < nx; i++) {
                transformLine(d, i + nx * ny * k, nx, ny, s[1], f, out, v, z);
            }
        }
        if (!sliceWise) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    transformLine(d, i + nx * j, nx * ny, nz, s[2], f, out, v, z);
                }
            }
        }
        if (sliceWise) {
            // slices without any mask voxel keep FAR: report them as infinitely far
            for (int i = 0; i < d.length; i++) {
                if (d[i] >= FAR / 2) {
                    d[i] = Double.POSITIVE_INFINITY;
                }
            }
        }
        return d;
    }

    /** Where the parabolas rooted at p and q (p < q) intersect, in index units. */
    private static double intersection(double[] f, int p, int q, double s2) {
        return ((f[q] + s2 * q * q) - (f[p] + s2 * p * p)) / (2 * s2 * (q - p));
    }

    /** One 1D pass over {@code n} values of {@code d} starting at {@code start} with {@code stride}. */
    private static void transformLine(double[] d, int start, int stride, int n, double spacing, double[] f,
            double[] out, int[] v, double[] z) {
        for (int q = 0; q < n; q++) {
            f[q] = d[start + q * stride];
        }
        double s2 = spacing * spacing;
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            // z[0] is -infinity, so k never drops below 0
            double intersection = intersection(f, v[k], q, s2);
            while (intersection <= z[k]) {
                k--;
                intersection = intersection(f, v[k], q, s2);
            }
            k++;
            v[k] = q;
            z[k] = intersection;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double delta = q - v[k];
            out[q] = s2 * delta * delta + f[v[k]];
        }
        for (int q = 0; q < n; q++) {
            d[start + q * stride] = Math.min(out[q], FAR);
        }
    }
}
