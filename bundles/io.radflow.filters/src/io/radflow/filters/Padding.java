package io.radflow.filters;

/**
 * How a filter sees the image beyond its borders (IBSI-2 reference manual, "Boundary conditions"). For a line
 * {@code a b c d} of length n:
 * <ul>
 * <li>{@link #CONSTANT}: zero ({@code 0 0 | a b c d | 0 0}); SciPy {@code constant} with cval 0;</li>
 * <li>{@link #NEAREST}: the edge value repeated ({@code a a | a b c d | d d}); SciPy {@code nearest};</li>
 * <li>{@link #PERIODIC}: the line repeated ({@code c d | a b c d | a b}); SciPy {@code wrap}, PyWavelets
 * {@code periodization} for lines of even length;</li>
 * <li>{@link #MIRROR}: mirrored with the edge voxel repeated ({@code b a | a b c d | d c}); SciPy
 * {@code reflect}, NumPy {@code symmetric}. IBSI-2 calls this mirror; a whole-sample mirror ({@code c b | a b
 * c d | c b}) is a different mode and fails IBSI-2 test 2.b.</li>
 * </ul>
 */
public enum Padding {
    CONSTANT, NEAREST, PERIODIC, MIRROR;

    /**
     * The index inside {@code [0, n)} whose value stands at position {@code i} of the padded line, or -1 when
     * the value there is the constant 0 ({@link #CONSTANT} outside the line). Works for any overhang, also
     * beyond one line length.
     */
    public int index(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (this) {
            case CONSTANT -> -1;
            case NEAREST -> i < 0 ? 0 : n - 1;
            case PERIODIC -> Math.floorMod(i, n);
            case MIRROR -> {
                int m = Math.floorMod(i, 2 * n);
                yield m < n ? m : 2 * n - 1 - m;
            }
        };
    }

    /** The mode by its IBSI/SciPy name ({@code constant}/{@code zero}, {@code nearest}, {@code periodic}/{@code wrap}, {@code mirror}/{@code reflect}/{@code symmetric}). */
    public static Padding parse(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "constant", "zero", "zeros" -> CONSTANT;
            case "nearest", "edge", "replicate" -> NEAREST;
            case "periodic", "wrap", "circular" -> PERIODIC;
            case "mirror", "reflect", "symmetric" -> MIRROR;
            default -> throw new IllegalArgumentException("padding '" + name
                    + "' is unknown; use constant (zero), nearest, periodic or mirror");
        };
    }
}
