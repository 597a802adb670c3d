package io.radflow.image.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.image.Image3D;
import io.radflow.image.preprocess.IntensityNormalisation;

import java.nio.file.Path;
import java.util.Map;

/**
 * Node {@code radflow.image.normalise}: z-score normalisation of each patient's whole image as PyRadiomics'
 * {@code normalize} does it ({@link IntensityNormalisation#zScore}: {@code normalizeScale}, optional
 * {@code removeOutliers}); the image column points to the normalised images.
 */
public final class NormaliseNode extends CohortImageNode {

    @Override
    protected String task() {
        return "normalisation";
    }

    @Override
    public void validate(Parameters p) {
        column(p, "image");
        if (!(p.getDouble("normalizeScale") > 0)) {
            throw new IllegalArgumentException("parameter 'normalizeScale' must be positive, got "
                    + p.getString("normalizeScale"));
        }
        if (p.has("removeOutliers") && !(p.getDouble("removeOutliers") > 0)) {
            throw new IllegalArgumentException("parameter 'removeOutliers' must be positive (standard deviations), got "
                    + p.getString("removeOutliers"));
        }
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters p) throws PatientFailure {
        String imageColumn = column(p, "image");
        Image3D image = files.read(imageColumn);
        Double outliers = p.has("removeOutliers") ? p.getDouble("removeOutliers") : null;
        Image3D normalised = files.check(imageColumn,
                () -> IntensityNormalisation.zScore(image, p.getDouble("normalizeScale"), outliers));
        return Map.of(imageColumn, files.write(normalised, imageColumn));
    }
}
