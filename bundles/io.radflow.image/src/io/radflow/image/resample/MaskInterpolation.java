package io.radflow.image.resample;

/**
 * How a binary mask is resampled (IBSI-1 "Partial volume effects in the ROI mask", E8H9): the mask is interpolated
 * as an image of 0 and 1 and the result binarised with the partial-volume threshold {@code delta}:
 * {@code R_j = 1 if R_interp,j >= delta, else 0}.
 *
 * @param interpolator the interpolator of the 0/1 image
 * @param threshold    the partial-volume threshold {@code delta} in (0, 1]
 */
public record MaskInterpolation(Interpolator interpolator, double threshold) {

    /** Nearest neighbour (no partial volume; what PyRadiomics uses for masks). */
    public static final MaskInterpolation NEAREST = new MaskInterpolation(Interpolator.NEAREST, 0.5);

    /** Trilinear with IBSI's common threshold 0.5. */
    public static final MaskInterpolation LINEAR_HALF = linear(0.5);

    public MaskInterpolation {
        if (interpolator == null) {
            throw new IllegalArgumentException("A mask interpolation needs an interpolator");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("The partial-volume threshold must lie in (0, 1], got " + threshold);
        }
    }

    /** Trilinear interpolation with partial-volume threshold {@code threshold}. */
    public static MaskInterpolation linear(double threshold) {
        return new MaskInterpolation(Interpolator.LINEAR, threshold);
    }
}
