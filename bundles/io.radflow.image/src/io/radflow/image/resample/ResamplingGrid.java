package io.radflow.image.resample;

import io.radflow.image.ImageGeometry;
import io.radflow.image.mask.BoundingBox;

import java.util.Arrays;

/**
 * Target grids for resampling to a new voxel spacing. A spacing of 0 (or NaN) on an axis keeps that axis as it is,
 * e.g. {@code {2, 2, 0}} for IBSI's 2D (in-plane) interpolation.
 */
public final class ResamplingGrid {

    private ResamplingGrid() {
    }

    /**
     * IBSI-1 "align grid centers" (3WE3), with the interpolation grid dimensions (026Q) and position (QCY4): per axis
     * with {@code n_a} voxels of spacing {@code s_a} and new spacing {@code s_b},
     * {@code n_b = ceil(n_a s_a / s_b)} and the new origin at continuous index
     * {@code x_b = (n_a - 1 - (s_b / s_a)(n_b - 1)) / 2} of the original grid, so both grids share their centre.
     * Direction unchanged.
     */
    public static ImageGeometry alignCenters(ImageGeometry grid, double[] spacing) {
        double[] s = effectiveSpacing(grid.spacing(), spacing);
        double[] old = grid.spacing();
        int[] size = grid.size();
        int[] newSize = new int[3];
        double[] originIndex = new double[3];
        for (int a = 0; a < 3; a++) {
            if (s[a] == old[a]) {
                newSize[a] = size[a];
                continue;
            }
            // guard against 90.000000001 -> 91 from binary fractions such as 0.977
            newSize[a] = (int) Math.ceil(size[a] * old[a] / s[a] - 1e-9);
            originIndex[a] = 0.5 * (size[a] - 1 - (s[a] / old[a]) * (newSize[a] - 1));
        }
        return new ImageGeometry(newSize, grid.indexToWorld(originIndex[0], originIndex[1], originIndex[2]), s,
                grid.direction());
    }

    /**
     * PyRadiomics' resampling grid ({@code imageoperations.resampleImage}): aligned to the input origin, covering the
     * ROI bounding box plus {@code padDistance} new voxels. Per axis, with bounding box lower index {@code L} and size
     * {@code B}, old spacing {@code s}, new spacing {@code s'} (kept as {@code s} where the box is one voxel thick) and
     * ratio {@code r = s / s'}: lower {@code l = max(0, floor((L - 0.5) r - pad))}, upper
     * {@code u = min(ceil(n r) - 1, ceil((L + B - 0.5) r + pad))}, new size {@code u - l + 1}, and origin at continuous
     * index {@code (s' - s) / (2 s) + l / r} of the mask grid.
     */
    public static ImageGeometry pyRadiomics(ImageGeometry maskGrid, BoundingBox box, double[] spacing, int padDistance) {
        if (padDistance < 0) {
            throw new IllegalArgumentException("padDistance must not be negative, got " + padDistance);
        }
        double[] old = maskGrid.spacing();
        double[] s = effectiveSpacing(old, spacing);
        int[] lower = box.min();
        int[] boxSize = box.size();
        int[] size = maskGrid.size();
        int[] newSize = new int[3];
        double[] originIndex = new double[3];
        for (int a = 0; a < 3; a++) {
            if (boxSize[a] == 1) {
                s[a] = old[a]; // PyRadiomics does not resample along an axis the ROI spans with one slice
            }
            double ratio = old[a] / s[a];
            double lo = Math.max(0, Math.floor((lower[a] - 0.5) * ratio - padDistance));
            double hi = Math.min(Math.ceil(size[a] * ratio) - 1,
                    Math.ceil((lower[a] + boxSize[a] - 0.5) * ratio + padDistance));
            newSize[a] = (int) (hi - lo + 1);
            originIndex[a] = 0.5 * (s[a] - old[a]) / old[a] + lo / ratio;
        }
        return new ImageGeometry(newSize, maskGrid.indexToWorld(originIndex[0], originIndex[1], originIndex[2]), s,
                maskGrid.direction());
    }

    /** {@code requested} with 0 or NaN entries replaced by {@code original}; validates the rest. */
    static double[] effectiveSpacing(double[] original, double[] requested) {
        if (requested == null || requested.length != 3) {
            throw new IllegalArgumentException("The new spacing needs 3 values (x, y, z in mm), got "
                    + Arrays.toString(requested));
        }
        double[] s = new double[3];
        for (int a = 0; a < 3; a++) {
            double v = requested[a];
            if (v == 0 || Double.isNaN(v)) {
                s[a] = original[a];
            } else if (v < 0 || Double.isInfinite(v)) {
                throw new IllegalArgumentException("The new spacing must be positive (or 0 to keep an axis), got "
                        + Arrays.toString(requested));
            } else {
                s[a] = v;
            }
        }
        return s;
    }
}
