package io.radflow.image.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.mask.Grids;
import io.radflow.image.resample.Extrapolation;
import io.radflow.image.resample.GridResampler;
import io.radflow.image.resample.IntensityRounding;
import io.radflow.image.resample.Interpolator;
import io.radflow.image.resample.MaskInterpolation;
import io.radflow.image.resample.PyRadiomicsResampling;
import io.radflow.image.resample.Resampler;
import io.radflow.image.resample.ResamplingGrid;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node {@code radflow.image.resample}: resamples each patient's image (and label map, when a mask column is given)
 * to {@code resampledPixelSpacing}.
 *
 * <p>{@code grid = ibsi}: IBSI-1 "align grid centers" ({@link ResamplingGrid#alignCenters}), edge padding, the image
 * with {@code interpolator} and rounded to integers when {@code round} is set (IBSI 68QD, CT), the label map with
 * {@code maskInterpolation} (nearest, or linear with {@code partialVolumeThreshold}, IBSI E8H9).
 * {@code grid = pyradiomics}: PyRadiomics' {@code resampleImage} ({@link PyRadiomicsResampling}: bounding box of
 * {@code label} plus {@code padDistance}, label map nearest neighbour); needs the mask.
 */
public final class ResampleNode extends CohortImageNode {

    @Override
    protected String task() {
        return "resampling";
    }

    @Override
    public void validate(Parameters p) {
        column(p, "image");
        double[] spacing = numbers(p, "resampledPixelSpacing");
        if (spacing.length != 3) {
            throw new IllegalArgumentException("parameter 'resampledPixelSpacing' needs 3 values (x, y, z in mm; 0 keeps "
                    + "an axis), got '" + p.getString("resampledPixelSpacing", "") + "'");
        }
        Interpolator.parse(p.getString("interpolator"));
        Interpolator.parse(p.getString("maskInterpolation"));
        String grid = p.getString("grid");
        if (!grid.equals("ibsi") && !grid.equals("pyradiomics")) {
            throw new IllegalArgumentException("parameter 'grid' must be ibsi or pyradiomics, got '" + grid + "'");
        }
        if (grid.equals("pyradiomics") && p.getString("mask", "").isBlank()) {
            throw new IllegalArgumentException("parameter 'mask' is needed with grid = pyradiomics (the grid covers "
                    + "the ROI's bounding box)");
        }
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters p) throws PatientFailure {
        String imageColumn = column(p, "image");
        String maskColumn = p.getString("mask", "").trim();
        double[] spacing = numbers(p, "resampledPixelSpacing");
        Interpolator interpolator = Interpolator.parse(p.getString("interpolator"));
        Resampler resampler = new GridResampler();
        Image3D image = files.read(imageColumn);
        Image3D labels = maskColumn.isEmpty() ? null : files.read(maskColumn);
        if (labels != null) {
            Image3D l = labels;
            files.check(maskColumn, () -> {
                Grids.requireSameGrid(image.geometry(), l.geometry(), "the image and the mask (resample "
                        + "the mask onto the image grid first, node radflow.image.alignMask)");
                return null;
            });
        }
        Image3D outImage;
        Image3D outLabels;
        if (p.getString("grid").equals("pyradiomics")) {
            PyRadiomicsResampling.Result r = files.check(maskColumn, () -> PyRadiomicsResampling.resample(image, labels,
                    p.getInt("label"), spacing, interpolator, p.getInt("padDistance"), resampler));
            outImage = r.image();
            outLabels = r.labelMap();
        } else {
            ImageGeometry target = files.check(imageColumn, () -> ResamplingGrid.alignCenters(image.geometry(), spacing));
            IntensityRounding rounding = p.getBoolean("round") ? IntensityRounding.NEAREST : IntensityRounding.NONE;
            outImage = files.check(imageColumn, () -> rounding.apply(
                    resampler.resample(image, target, interpolator, Extrapolation.EDGE)));
            MaskInterpolation how = new MaskInterpolation(Interpolator.parse(p.getString("maskInterpolation")),
                    p.getDouble("partialVolumeThreshold"));
            outLabels = labels == null ? null
                    : files.check(maskColumn, () -> resampler.resampleLabels(labels, target, how, Extrapolation.EDGE));
        }
        Map<String, Path> changed = new LinkedHashMap<>();
        changed.put(imageColumn, files.write(outImage, imageColumn));
        if (outLabels != null) {
            changed.put(maskColumn, files.write(outLabels, maskColumn));
        }
        return changed;
    }
}
