package io.radflow.image.resample;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.mask.BoundingBox;
import io.radflow.image.mask.Grids;
import io.radflow.image.mask.LabelMaps;

/**
 * PyRadiomics' resampling ({@code imageoperations.resampleImage}, settings {@code resampledPixelSpacing},
 * {@code interpolator}, {@code padDistance}, {@code label}): image and label map are resampled onto
 * {@link ResamplingGrid#pyRadiomics} (the ROI bounding box plus {@code padDistance} voxels, aligned to the input
 * origin), the image with the chosen interpolator and the label map with nearest neighbour, both as SimpleITK's
 * {@code ResampleImageFilter} does (0 outside the input grid, {@link Extrapolation#ZERO}). The output keeps the input
 * pixel type there: an image whose voxels are all integers (read from an integer file) is truncated toward zero
 * ({@link IntensityRounding#TOWARD_ZERO}). When the new spacing equals the image spacing (numpy {@code allclose}),
 * nothing is interpolated and both are only cropped to the bounding box plus {@code padDistance}
 * ({@code cropToTumorMask}).
 */
public final class PyRadiomicsResampling {

    /** PyRadiomics' default {@code padDistance}. */
    public static final int DEFAULT_PAD_DISTANCE = 5;

    /** The resampled image and label map, on the same grid. */
    public record Result(Image3D image, Image3D labelMap) {
    }

    private PyRadiomicsResampling() {
    }

    /**
     * Resamples {@code image} and {@code labelMap} (same grid) to {@code spacing} (mm; 0 keeps an axis).
     *
     * @throws IllegalArgumentException when the grids differ, the label is absent (listing the labels present) or the
     *                                  spacing is invalid
     */
    public static Result resample(Image3D image, Image3D labelMap, int label, double[] spacing,
            Interpolator interpolator, int padDistance, Resampler resampler) {
        Grids.requireSameGrid(image.geometry(), labelMap.geometry(), "the image and its mask");
        Mask roi = LabelMaps.select(labelMap, label);
        BoundingBox box = BoundingBox.of(roi);
        ImageGeometry target = ResamplingGrid.pyRadiomics(labelMap.geometry(), box, spacing, padDistance);
        if (allClose(image.geometry().spacing(), target.spacing())) {
            BoundingBox padded = box.padded(padDistance, image.geometry());
            return new Result(padded.crop(image), padded.crop(labelMap));
        }
        IntensityRounding rounding = isIntegerValued(image) ? IntensityRounding.TOWARD_ZERO : IntensityRounding.NONE;
        Image3D resampledImage = rounding.apply(resampler.resample(image, target, interpolator, Extrapolation.ZERO));
        Image3D resampledLabels = resampler.resample(labelMap, target, Interpolator.NEAREST, Extrapolation.ZERO);
        return new Result(resampledImage, resampledLabels);
    }

    /** numpy {@code allclose}: {@code |a - b| <= 1e-8 + 1e-5 |b|} per element. */
    static boolean allClose(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-8 + 1e-5 * Math.abs(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIntegerValued(Image3D image) {
        int n = image.voxelCount();
        for (int i = 0; i < n; i++) {
            double v = image.get(i);
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }
}
