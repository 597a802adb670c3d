package io.radflow.filters.pyradiomics;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;

/** Small helpers shared by the PyRadiomics image types. */
final class Volumes {

    private Volumes() {
    }

    /** The largest absolute voxel value; rejects images whose voxels are all 0 (the range-preserving scalings divide by it). */
    static double maxAbs(Image3D image, String filter) {
        double max = 0;
        for (int i = 0; i < image.voxelCount(); i++) {
            max = Math.max(max, Math.abs(image.get(i)));
        }
        if (max == 0 || !Double.isFinite(max)) {
            throw new IllegalArgumentException(filter + ": the image's largest absolute value is " + max
                    + "; the filter scales by it and needs a finite, non-zero value");
        }
        return max;
    }

    /** Checks that {@code mask} lies on the grid of {@code image}. */
    static void requireSameGrid(Image3D image, Mask mask, String filter) {
        String mismatch = image.geometry().mismatch(mask.geometry(), Mask.GRID_TOLERANCE);
        if (mismatch != null) {
            throw new IllegalArgumentException(filter + ": the mask grid differs from the image grid: " + mismatch);
        }
    }

    /**
     * A number as Python's {@code str(float)} writes it (shortest repr, e.g. {@code 1.0}, {@code 0.5},
     * {@code 2.75}), used in PyRadiomics' derived image names. Values below 1e-4 or from 1e16 use Python's
     * exponent form ({@code 1e-05}).
     */
    static String pythonFloat(double value) {
        double a = Math.abs(value);
        if (a != 0 && (a < 1e-4 || a >= 1e16)) {
            java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros();
            String digits = d.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - d.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
