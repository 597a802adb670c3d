package io.radflow.image.resample;

/** What a resampler returns at target voxels whose centre falls outside the source grid. */
public enum Extrapolation {

    /**
     * As ITK's {@code ResampleImageFilter} (SimpleITK, PyRadiomics): a target point whose continuous source index lies
     * outside {@code [-0.5, n - 0.5)} on any axis gets the default pixel value 0; points inside are interpolated
     * (linear and nearest clamp to the edge voxels, the B-spline mirrors its coefficients).
     */
    ZERO,

    /**
     * As IBSI-1 recommends for the interpolation grid (026Q: "padding the original grid with the intensities at the
     * boundary"): the continuous source index is clamped to {@code [0, n - 1]} per axis, so points outside take the
     * value at the nearest boundary position.
     */
    EDGE
}
