package io.radflow.image.preprocess;

import io.radflow.image.Image3D;

/**
 * Z-score normalisation of a whole image as PyRadiomics does it ({@code imageoperations.normalizeImage}, settings
 * {@code normalize}, {@code normalizeScale}, {@code removeOutliers}; SimpleITK {@code Normalize}, i.e. ITK
 * {@code NormalizeImageFilter} with {@code StatisticsImageFilter}):
 *
 * <p>{@code f(x) = s * clip((x - mu) / sigma, -n, n)} where {@code mu} and {@code sigma} are the mean and the
 * standard deviation of <em>all</em> voxels of the image (not only the ROI), {@code sigma} with the {@code N - 1}
 * denominator as ITK's {@code StatisticsImageFilter} computes it, {@code n} = {@code removeOutliers} (no clipping when
 * absent: outliers are clipped after centring and scaling by sigma, before {@code s} is applied) and
 * {@code s} = {@code normalizeScale}.
 */
public final class IntensityNormalisation {

    private IntensityNormalisation() {
    }

    /**
     * The normalised image.
     *
     * @param scale          {@code normalizeScale} (PyRadiomics default 1), positive
     * @param removeOutliers {@code n} > 0, or {@code null} to keep outliers
     * @throws IllegalArgumentException when the image is constant or holds non-finite values, or the settings are out
     *                                  of range
     */
    public static Image3D zScore(Image3D image, double scale, Double removeOutliers) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("normalizeScale must be positive and finite, got " + scale);
        }
        if (removeOutliers != null && !(removeOutliers > 0)) {
            throw new IllegalArgumentException("removeOutliers must be positive (a number of standard deviations), got "
                    + removeOutliers);
        }
        double[] v = image.voxels();
        if (v.length < 2) {
            throw new IllegalArgumentException("Normalisation needs at least 2 voxels, the image has " + v.length);
        }
        double mean = 0;
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("Normalisation needs finite voxel values, found " + x);
            }
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sigma = Math.sqrt(ss / (v.length - 1));
        if (sigma == 0) {
            throw new IllegalArgumentException("The image is constant (every voxel " + mean
                    + "): its standard deviation is 0, so it cannot be normalised");
        }
        for (int i = 0; i < v.length; i++) {
            double z = (v[i] - mean) / sigma;
            if (removeOutliers != null) {
                z = Math.max(-removeOutliers, Math.min(removeOutliers, z));
            }
            v[i] = scale * z;
        }
        return Image3D.wrap(image.geometry(), v);
    }
}
