package io.radflow.features;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;

/**
 * The input of a feature family: an image (already preprocessed: resampled, normalised) and its region of
 * interest as two masks on the image's grid, as IBSI distinguishes them. The <b>morphological mask</b> is
 * the ROI before resegmentation (shape features use it); the <b>intensity mask</b> is the ROI after
 * resegmentation (intensity and texture features use it). Without resegmentation both are the same.
 *
 * @param image        the image
 * @param morphological the ROI used for morphology (shape) features
 * @param intensity    the ROI used for intensity, histogram and texture features
 */
public record Roi(Image3D image, Mask morphological, Mask intensity) {

    public Roi {
        check(image, morphological, "morphological");
        check(image, intensity, "intensity");
    }

    /** An ROI whose morphological and intensity masks are the same (no resegmentation). */
    public static Roi of(Image3D image, Mask mask) {
        return new Roi(image, mask, mask);
    }

    /** The image values inside the intensity mask, in voxel order. */
    public double[] intensities() {
        return intensity.valuesOf(image);
    }

    private static void check(Image3D image, Mask mask, String which) {
        String mismatch = image.geometry().mismatch(mask.geometry(), Mask.GRID_TOLERANCE);
        if (mismatch != null) {
            throw new IllegalArgumentException("The " + which + " mask grid differs from the image grid: " + mismatch);
        }
        if (mask.count() == 0) {
            throw new IllegalArgumentException("The " + which + " mask is empty");
        }
    }
}
