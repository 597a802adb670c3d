package io.radflow.filters.ibsi2;

import java.util.Locale;

/**
 * Whether an IBSI-2 filter works in 3D or slice by slice in 2D (IBSI-2 reference manual, on filter
 * dimensionality). 2D filters act in the i-j plane of every k slice, the axial plane of an axial acquisition.
 */
public enum FilterDimensions {
    TWO_D, THREE_D;

    /** {@code 2D} or {@code 3D}, as derived image names end. */
    public String label() {
        return this == TWO_D ? "2D" : "3D";
    }

    /** The volume axes a kernel spans: {0, 1} or {0, 1, 2}. */
    int[] axes() {
        return this == TWO_D ? new int[] {0, 1} : new int[] {0, 1, 2};
    }

    /** {@code 2D}/{@code 3D} (any case, also {@code 2}, {@code 3}). */
    public static FilterDimensions parse(String text) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "2D", "2" -> TWO_D;
            case "3D", "3" -> THREE_D;
            default -> throw new IllegalArgumentException("dimensions '" + text + "' are unknown; use 2D or 3D");
        };
    }
}
