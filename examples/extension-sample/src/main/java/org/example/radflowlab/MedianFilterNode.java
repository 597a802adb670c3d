package org.example.radflowlab;

import io.radflow.core.node.Parameters;
import io.radflow.image.Image3D;
import io.radflow.image.nodes.CohortImageNode;

import java.nio.file.Path;
import java.util.Map;

/**
 * Node {@code org.example.radflowlab.median}: the {@link MedianFilter} on each patient's image; the image column of
 * the output cohort points to the filtered images. Ports and parameters are declared in {@code plugin.xml};
 * {@link CohortImageNode} runs the patient loop, writes the images and reports failing patients.
 */
public final class MedianFilterNode extends CohortImageNode {

    @Override
    protected String task() {
        return "median filtering";
    }

    @Override
    public void validate(Parameters parameters) {
        column(parameters, "image");
        int radius = parameters.getInt("radius");
        if (radius < 1 || radius > 5) {
            throw new IllegalArgumentException("parameter 'radius' must be 1 to 5 voxels, got " + radius);
        }
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters parameters) throws PatientFailure {
        String column = column(parameters, "image");
        Image3D image = files.read(column);
        Image3D filtered = files.check(column, () -> MedianFilter.apply(image, parameters.getInt("radius")));
        return Map.of(column, files.write(filtered, column));
    }
}
