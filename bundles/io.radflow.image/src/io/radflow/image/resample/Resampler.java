package io.radflow.image.resample;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.mask.LabelMaps;

/**
 * Resamples images and masks onto another voxel grid (SimpleITK's {@code ResampleImageFilter} with an identity
 * transform). Radflow's implementation is {@link GridResampler} (pure Java); another backend can implement this
 * interface later. Implementations are stateless and thread-safe.
 */
public interface Resampler {

    /** Tolerance of the partial-volume threshold comparison. */
    double THRESHOLD_SLACK = 1e-9;

    /**
     * The image evaluated at every voxel centre of {@code target}: each target voxel's world point is mapped to a
     * continuous index of the source grid and interpolated there.
     */
    Image3D resample(Image3D image, ImageGeometry target, Interpolator interpolator, Extrapolation extrapolation);

    /**
     * The mask on {@code target}: the 0/1 image interpolated with {@code how.interpolator()} and binarised with
     * {@code value >= how.threshold()} (IBSI-1 E8H9). The comparison allows {@value #THRESHOLD_SLACK} of rounding
     * error: a target voxel centre exactly on the ROI border interpolates to exactly the threshold in exact
     * arithmetic (e.g. IBSI's CT phantom at 2 mm from 3 mm slices), which floating point may miss by an ulp.
     */
    default Mask resample(Mask mask, ImageGeometry target, MaskInterpolation how, Extrapolation extrapolation) {
        Image3D fractions = resample(LabelMaps.toLabelMap(mask, 1), target, how.interpolator(), extrapolation);
        boolean[] inside = new boolean[target.voxelCount()];
        for (int i = 0; i < inside.length; i++) {
            inside[i] = fractions.get(i) >= how.threshold() - THRESHOLD_SLACK;
        }
        return new Mask(target, inside);
    }

    /**
     * A label map (e.g. liver = 1, tumour = 2) on {@code target}. With nearest neighbour the labels are resampled as
     * they are; otherwise each label is resampled as its own 0/1 mask and a target voxel takes the label with the
     * largest fraction among those reaching {@code how.threshold()} (0 when none does).
     */
    default Image3D resampleLabels(Image3D labelMap, ImageGeometry target, MaskInterpolation how,
            Extrapolation extrapolation) {
        if (how.interpolator() == Interpolator.NEAREST) {
            return resample(labelMap, target, Interpolator.NEAREST, extrapolation);
        }
        double[] out = new double[target.voxelCount()];
        double[] best = new double[out.length];
        for (int label : LabelMaps.labels(labelMap)) {
            Image3D fractions = resample(LabelMaps.toLabelMap(LabelMaps.select(labelMap, label), 1), target,
                    how.interpolator(), extrapolation);
            for (int i = 0; i < out.length; i++) {
                double f = fractions.get(i);
                if (f >= how.threshold() - THRESHOLD_SLACK && f > best[i]) {
                    out[i] = label;
                    best[i] = f;
                }
            }
        }
        return Image3D.wrap(target, out);
    }
}
