package io.radflow.image.resample;

import io.radflow.image.Image3D;

/** What happens to interpolated intensities before they are stored. */
public enum IntensityRounding {

    /** Kept as computed. */
    NONE,

    /**
     * Rounded to the nearest integer (ties to even), as IBSI-1 asks for CT after interpolation ("Rounding image
     * intensities after interpolation", 68QD: Hounsfield units take no fractional values).
     */
    NEAREST,

    /**
     * Truncated toward zero, as ITK's {@code ResampleImageFilter} does when it casts an interpolated value to an
     * integer output pixel type ({@code static_cast}); SimpleITK resampling in PyRadiomics keeps the input pixel type,
     * so an int16 image is resampled this way.
     */
    TOWARD_ZERO;

    /** {@code image} with this rounding applied (the same instance for {@link #NONE}). */
    public Image3D apply(Image3D image) {
        if (this == NONE) {
            return image;
        }
        double[] v = image.voxels();
        for (int i = 0; i < v.length; i++) {
            v[i] = this == NEAREST ? Math.rint(v[i]) : (v[i] < 0 ? Math.ceil(v[i]) : Math.floor(v[i])) + 0.0;
        }
        return Image3D.wrap(image.geometry(), v);
    }
}
