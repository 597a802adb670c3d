package io.radflow.image.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.mask.LabelMaps;
import io.radflow.image.preprocess.Resegmentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.image.resegment}: resegments the ROI ({@code label} of the mask) by intensity
 * ({@link Resegmentation}: {@code resegmentRange} [min] or [min, max], {@code resegmentMode} absolute, relative or
 * sigma) and writes the <em>intensity mask</em> (voxels kept, with value {@code label}) to the file column
 * {@code intensityMask}; the mask column (the morphological mask) and the image stay as they are.
 */
public final class ResegmentNode extends CohortImageNode {

    @Override
    protected String task() {
        return "resegmentation";
    }

    @Override
    public void validate(Parameters p) {
        column(p, "image");
        column(p, "mask");
        column(p, "intensityMask");
        int n = numbers(p, "resegmentRange").length;
        if (n < 1 || n > 2) {
            throw new IllegalArgumentException("parameter 'resegmentRange' needs 1 or 2 numbers ([min] or [min, max]), got '"
                    + p.getString("resegmentRange", "") + "'");
        }
        Resegmentation.Mode.parse(p.getString("resegmentMode"));
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters p) throws PatientFailure {
        String imageColumn = column(p, "image");
        String maskColumn = column(p, "mask");
        int label = p.getInt("label");
        List<Double> range = new ArrayList<>();
        for (double v : numbers(p, "resegmentRange")) {
            range.add(v);
        }
        Resegmentation.Mode mode = Resegmentation.Mode.parse(p.getString("resegmentMode"));
        Image3D image = files.read(imageColumn);
        Image3D labels = files.read(maskColumn);
        Mask roi = files.check(maskColumn, () -> LabelMaps.select(labels, label));
        Resegmentation.Result result = files.check(maskColumn, () -> Resegmentation.resegment(image, roi, range, mode));
        String output = column(p, "intensityMask");
        return Map.of(output, files.write(LabelMaps.toLabelMap(result.intensity(), label), output));
    }
}
