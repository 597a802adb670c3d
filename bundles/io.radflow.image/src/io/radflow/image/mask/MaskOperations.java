package io.radflow.image.mask;

import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

/**
 * Set operations, connected components, hole filling and mm-dilation of binary masks, for building regions of
 * interest from segmentations (e.g. liver parenchyma = liver minus tumour, a peritumoural ring). Stateless; every
 * operation returns a new mask on the grid of its input.
 *
 * <p>Operations that combine two masks require the same grid ({@link Grids#requireSameGrid}). {@code sliceWise}
 * variants work in each z-slice on its own (2D), with the in-plane connectivity (4 or 8) and in-plane distances.
 */
public final class MaskOperations {

    private MaskOperations() {
    }

    /** Voxels in {@code a} or {@code b}. */
    public static Mask union(Mask a, Mask b) {
        Grids.requireSameGrid(a.geometry(), b.geometry(), "the two masks of the union");
        boolean[] out = new boolean[a.geometry().voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.contains(i) || b.contains(i);
        }
        return new Mask(a.geometry(), out);
    }

    /** Voxels in both {@code a} and {@code b}. */
    public static Mask intersection(Mask a, Mask b) {
        Grids.requireSameGrid(a.geometry(), b.geometry(), "the two masks of the intersection");
        boolean[] out = new boolean[a.geometry().voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.contains(i) && b.contains(i);
        }
        return new Mask(a.geometry(), out);
    }

    /** Voxels in {@code a} but not in {@code b} (e.g. liver parenchyma = liver minus tumour). */
    public static Mask subtract(Mask a, Mask b) {
        Grids.requireSameGrid(a.geometry(), b.geometry(), "the mask and the mask subtracted from it");
        boolean[] out = new boolean[a.geometry().voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.contains(i) && !b.contains(i);
        }
        return new Mask(a.geometry(), out);
    }

    /**
     * Labels the connected components of {@code mask}: 0 outside, 1..n inside, numbered in voxel order of their first
     * voxel (x fastest). With {@code sliceWise}, components never cross slices.
     */
    public static int[] components(Mask mask, Connectivity connectivity, boolean sliceWise) {
        ImageGeometry g = mask.geometry();
        int nx = g.sizeX();
        int ny = g.sizeY();
        int nz = g.sizeZ();
        int[][] offsets = connectivity.offsets(sliceWise);
        int[] labels = new int[g.voxelCount()];
        int[] queue = new int[Math.max(1, mask.count())];
        int next = 0;
        for (int seed = 0; seed < labels.length; seed++) {
            if (!mask.contains(seed) || labels[seed] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            labels[seed] = next;
            while (head < tail) {
                int v = queue[head++];
                int x = v % nx;
                int y = (v / nx) % ny;
                int z = v / (nx * ny);
                for (int[] o : offsets) {
                    int xx = x + o[0];
                    int yy = y + o[1];
                    int zz = z + o[2];
                    if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) {
                        continue;
                    }
                    int w = xx + nx * (yy + ny * zz);
                    if (mask.contains(w) && labels[w] == 0) {
                        labels[w] = next;
                        queue[tail++] = w;
                    }
                }
            }
        }
        return labels;
    }

    /** Number of connected components. */
    public static int componentCount(Mask mask, Connectivity connectivity, boolean sliceWise) {
        int max = 0;
        for (int label : components(mask, connectivity, sliceWise)) {
            max = Math.max(max, label);
        }
        return max;
    }

    /**
     * The largest connected component (most voxels; on a tie the one whose first voxel comes first). With
     * {@code sliceWise}, the largest in-plane component of every slice (slices without voxels stay empty).
     *
     * @throws IllegalArgumentException when the mask is empty
     */
    public static Mask largestComponent(Mask mask, Connectivity connectivity, boolean sliceWise) {
        requireNotEmpty(mask, "largest connected component");
        int[] labels = components(mask, connectivity, sliceWise);
        int n = 0;
        for (int label : labels) {
            n = Math.max(n, label);
        }
        int[] sizes = new int[n + 1];
        for (int label : labels) {
            sizes[label]++;
        }
        boolean[] keep = new boolean[n + 1];
        if (sliceWise) {
            // the largest component of each slice (components never cross slices)
            ImageGeometry g = mask.geometry();
            int perSlice = g.sizeX() * g.sizeY();
            for (int z = 0; z < g.sizeZ(); z++) {
                int best = 0;
                for (int i = z * perSlice; i < (z + 1) * perSlice; i++) {
                    int label = labels[i];
                    if (label != 0 && (best == 0 || sizes[label] > sizes[best] || (sizes[label] == sizes[best] && label < best))) {
                        best = label;
                    }
                }
                keep[best] = best != 0;
            }
        } else {
            int best = 1;
            for (int label = 2; label <= n; label++) {
                if (sizes[label] > sizes[best]) {
                    best = label;
                }
            }
            keep[best] = true;
        }
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = keep[labels[i]] && labels[i] != 0;
        }
        return new Mask(mask.geometry(), out);
    }

    /**
     * Fills holes: background regions (face-connected: 6 neighbours, 4 in a slice) that do not touch the border of
     * the grid (of the slice, with {@code sliceWise}) become part of the mask. This is what
     * {@code scipy.ndimage.binary_fill_holes} and ITK's {@code BinaryFillholeImageFilter} (fully connected off) do.
     */
    public static Mask fillHoles(Mask mask, boolean sliceWise) {
        ImageGeometry g = mask.geometry();
        int nx = g.sizeX();
        int ny = g.sizeY();
        int nz = g.sizeZ();
        boolean[] background = new boolean[g.voxelCount()];
        for (int i = 0; i < background.length; i++) {
            background[i] = !mask.contains(i);
        }
        Mask outside = new Mask(g, background);
        int[] labels = components(outside, Connectivity.FACE, sliceWise);
        int n = 0;
        for (int label : labels) {
            n = Math.max(n, label);
        }
        boolean[] touchesBorder = new boolean[n + 1];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    boolean border = x == 0 || y == 0 || x == nx - 1 || y == ny - 1
                            || (!sliceWise && (z == 0 || z == nz - 1));
                    if (border) {
                        touchesBorder[labels[g.index(x, y, z)]] = true;
                    }
                }
            }
        }
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mask.contains(i) || !touchesBorder[labels[i]];
        }
        return new Mask(g, out);
    }

    /**
     * Euclidean dilation by {@code distanceMm}: every voxel whose centre lies within {@code distanceMm} of the centre
     * of a mask voxel, measured in mm on the (possibly anisotropic) grid, i.e. dilation with a mm-ellipsoid
     * structuring element of radii {@code distanceMm / spacing} voxels ({@link DistanceTransform}).
     *
     * @throws IllegalArgumentException when the mask is empty or the distance is negative or not finite
     */
    public static Mask dilate(Mask mask, double distanceMm, boolean sliceWise) {
        requireNotEmpty(mask, "dilation");
        if (!(distanceMm >= 0) || Double.isInfinite(distanceMm)) {
            throw new IllegalArgumentException("The dilation distance must be a non-negative number of mm, got "
                    + distanceMm);
        }
        double[] d2 = DistanceTransform.squaredDistances(mask, sliceWise);
        double limit = distanceMm * distanceMm * (1 + 1e-9) + 1e-12;
        boolean[] out = new boolean[d2.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = d2[i] <= limit;
        }
        return new Mask(mask.geometry(), out);
    }

    /**
     * A ring (shell) of {@code thicknessMm} around {@code mask}: the voxels within {@code thicknessMm} of the mask
     * ({@link #dilate}) that are not in it, intersected with {@code clipTo} when that is not {@code null} (e.g. the
     * peritumoural liver: ring around the tumour clipped to the liver).
     *
     * @throws IllegalArgumentException when the mask is empty, the thickness is not positive, or {@code clipTo} lies
     *                                  on another grid
     */
    public static Mask ring(Mask mask, double thicknessMm, Mask clipTo, boolean sliceWise) {
        if (!(thicknessMm > 0) || Double.isInfinite(thicknessMm)) {
            throw new IllegalArgumentException("The ring thickness must be a positive number of mm, got " + thicknessMm);
        }
        if (clipTo != null) {
            Grids.requireSameGrid(mask.geometry(), clipTo.geometry(), "the mask and the mask clipping its ring");
        }
        Mask ring = subtract(dilate(mask, thicknessMm, sliceWise), mask);
        return clipTo == null ? ring : intersection(ring, clipTo);
    }

    /**
     * Throws when {@code mask} is empty.
     *
     * @param operation names the operation for the message
     */
    public static void requireNotEmpty(Mask mask, String operation) {
        if (mask.count() == 0) {
            throw new IllegalArgumentException("The mask is empty (no voxel inside): " + operation + " needs at least one voxel");
        }
    }
}
