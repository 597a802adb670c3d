package io.radflow.filters.ibsi2;

import java.util.Locale;

/**
 * How the responses of a filter to rotated copies of the image (or to rotated kernels) are combined into one
 * rotation-invariant response map (IBSI-2 reference manual, sections on rotation invariance and
 * pooling): not at all (the kernel as given), the voxel-wise maximum, or the voxel-wise mean.
 */
public enum Pooling {
    NONE, MAX, AVERAGE;

    /** {@code none}, {@code max} or {@code average}/{@code mean} (any case). */
    public static Pooling parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none", "" -> NONE;
            case "max", "maximum" -> MAX;
            case "average", "mean" -> AVERAGE;
            default -> throw new IllegalArgumentException("pooling '" + text + "' is unknown; use none, max or average");
        };
    }
}
