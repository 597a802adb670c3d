package io.radflow.testsupport;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.image.mask.LabelMaps;
import io.radflow.image.preprocess.Resegmentation;
import io.radflow.image.resample.Extrapolation;
import io.radflow.image.resample.GridResampler;
import io.radflow.image.resample.IntensityRounding;
import io.radflow.image.resample.Interpolator;
import io.radflow.image.resample.MaskInterpolation;
import io.radflow.image.resample.Resampler;
import io.radflow.image.resample.ResamplingGrid;

import java.io.IOException;
import java.util.List;

/**
 * The IBSI-1 CT phantom configurations A to E (IBSI-1 reference manual, chapter "Reference data sets"; the table in
 * the shared data README), built from Radflow's image preprocessing: the float32 HU image is rounded to integers (as
 * IBSI asks); A: no interpolation; B: 2 x 2 mm in-plane bilinear; C, D: 2 x 2 x 2 mm trilinear; E: 2 x 2 x 2 mm
 * tricubic B-spline; always "align grid centres", edge padding, intensities rounded after interpolation, ROI
 * trilinear with partial-volume threshold 0.5. Resegmentation: A, B [-500, 400] HU; C [-1000, 400]; D mean +- 3 sd;
 * E [-1000, 400], then mean +- 3 sd of what remains. Discretisation of texture and intensity histogram: A and C fixed
 * bin size 25 HU from the range's lower bound, B, D and E 32 bins; IVH: A, B, D the calibrated integer HU, C fixed
 * bin size 2.5 HU, E 1000 bins.
 */
public enum IbsiCtConfiguration {

    A(null, null, List.of(-500.0, 400.0), false, 25.0, null, null, null),
    B(new double[] {2, 2, 0}, Interpolator.LINEAR, List.of(-500.0, 400.0), false, null, 32, null, null),
    C(new double[] {2, 2, 2}, Interpolator.LINEAR, List.of(-1000.0, 400.0), false, 25.0, null, 2.5, null),
    D(new double[] {2, 2, 2}, Interpolator.LINEAR, null, true, null, 32, null, null),
    E(new double[] {2, 2, 2}, Interpolator.BSPLINE, List.of(-1000.0, 400.0), true, null, 32, null, 1000);

    private final double[] spacing;
    private final Interpolator interpolator;
    private final List<Double> range;
    private final boolean outlierFiltering;
    private final Double binWidth;
    private final Integer binCount;
    private final Double ivhBinWidth;
    private final Integer ivhBinCount;

    IbsiCtConfiguration(double[] spacing, Interpolator interpolator, List<Double> range, boolean outlierFiltering,
            Double binWidth, Integer binCount, Double ivhBinWidth, Integer ivhBinCount) {
        this.spacing = spacing;
        this.interpolator = interpolator;
        this.range = range;
        this.outlierFiltering = outlierFiltering;
        this.binWidth = binWidth;
        this.binCount = binCount;
        this.ivhBinWidth = ivhBinWidth;
        this.ivhBinCount = ivhBinCount;
    }

    /** One processing stage: the image and the intensity and morphological masks. */
    public record Stage(Image3D image, Mask intensity, Mask morphological) {
    }

    /** The stages IBSI's diagnostics rows describe (tags {@code ..._init_...}, {@code _interp_}, {@code _reseg_}). */
    public record Stages(Stage initial, Stage interpolated, Stage resegmented) {
    }

    /** The {@code dataset} column of the IBSI-1 reference table, e.g. {@code config_A}. */
    public String dataset() {
        return "config_" + name();
    }

    /** The resegmentation range in HU, or null (D filters outliers only). */
    public List<Double> range() {
        return range;
    }

    /** Fixed bin size (HU) of texture and intensity histogram, or null when {@link #binCount()} applies. */
    public Double binWidth() {
        return binWidth;
    }

    /** Fixed bin number of texture and intensity histogram, or null when {@link #binWidth()} applies. */
    public Integer binCount() {
        return binCount;
    }

    /** Fixed bin size of the intensity-volume histogram (C: 2.5 HU), or null. */
    public Double ivhBinWidth() {
        return ivhBinWidth;
    }

    /** Fixed bin number of the intensity-volume histogram (E: 1000), or null. */
    public Integer ivhBinCount() {
        return ivhBinCount;
    }

    /** The CT phantom image in HU, rounded to integers. */
    public static Image3D readImage() throws IOException {
        return IntensityRounding.NEAREST.apply(ImageFiles.read(
                ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz")));
    }

    /** The CT phantom's ROI (GTV-1). */
    public static Mask readMask() throws IOException {
        return LabelMaps.select(ImageFiles.read(
                ReferenceData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz")), 1);
    }

    /** Interpolates and resegments {@link #readImage()} and {@link #readMask()} as this configuration says. */
    public Stages preprocess(Image3D image, Mask mask) {
        Resampler resampler = new GridResampler();
        Stage initial = new Stage(image, mask, mask);
        Stage interpolated = initial;
        if (spacing != null) {
            ImageGeometry target = ResamplingGrid.alignCenters(image.geometry(), spacing);
            Image3D resampled = IntensityRounding.NEAREST.apply(
                    resampler.resample(image, target, interpolator, Extrapolation.EDGE));
            Mask roi = resampler.resample(mask, target, MaskInterpolation.LINEAR_HALF, Extrapolation.EDGE);
            interpolated = new Stage(resampled, roi, roi);
        }
        Image3D img = interpolated.image();
        Resegmentation.Result reseg;
        if (range != null) {
            reseg = Resegmentation.resegment(img, interpolated.intensity(), range, Resegmentation.Mode.ABSOLUTE);
            if (outlierFiltering) {
                reseg = reseg.then(img, List.of(-3.0, 3.0), Resegmentation.Mode.SIGMA);
            }
        } else {
            reseg = Resegmentation.resegment(img, interpolated.intensity(), List.of(-3.0, 3.0),
                    Resegmentation.Mode.SIGMA);
        }
        return new Stages(initial, interpolated, new Stage(img, reseg.intensity(), reseg.morphological()));
    }
}
