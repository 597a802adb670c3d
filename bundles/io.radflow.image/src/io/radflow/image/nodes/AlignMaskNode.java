package io.radflow.image.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.mask.Grids;
import io.radflow.image.mask.LabelMaps;
import io.radflow.image.resample.Extrapolation;
import io.radflow.image.resample.GridResampler;
import io.radflow.image.resample.Interpolator;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;

/**
 * Node {@code radflow.image.alignMask}: puts each patient's mask (label map) on the grid of its image. A mask already
 * on the image grid (within {@link Mask#GRID_TOLERANCE}) is passed on unchanged; any other is resampled with nearest
 * neighbour (labels kept; 0 outside the mask's grid). A patient fails when a label of the mask is lost on the image
 * grid (e.g. the mask lies outside the image), the message saying which and how the grids differ.
 */
public final class AlignMaskNode extends CohortImageNode {

    @Override
    protected String task() {
        return "mask alignment";
    }

    @Override
    public void validate(Parameters p) {
        column(p, "image");
        column(p, "mask");
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters p) throws PatientFailure {
        String maskColumn = column(p, "mask");
        Image3D image = files.read(column(p, "image"));
        Image3D labels = files.read(maskColumn);
        String difference = Grids.difference(image.geometry(), labels.geometry(), Mask.GRID_TOLERANCE);
        if (difference == null) {
            return Map.of();
        }
        Image3D aligned = new GridResampler().resample(labels, image.geometry(), Interpolator.NEAREST, Extrapolation.ZERO);
        SortedSet<Integer> before = files.check(maskColumn, () -> LabelMaps.labels(labels));
        SortedSet<Integer> after = LabelMaps.labels(aligned);
        if (!after.containsAll(before)) {
            Path file = files.file(maskColumn);
            throw new PatientFailure(file.toString(), file + ": labels " + before + " became " + after
                    + " on the image grid (does the mask cover the image?); the mask grid differs from the image: "
                    + difference);
        }
        return Map.of(maskColumn, files.write(aligned, maskColumn));
    }
}
