package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.nodes.CohortImageNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node applying one {@link ImageFilter} to every patient of a cohort. A subclass only builds the filter from its
 * parameters ({@link #filter(Parameters)}); parameter defaults are declared in plugin.xml only.
 *
 * <p>Parameters: {@code image} (the cohort file column to filter), optionally {@code mask} and {@code label} (the
 * ROI, for filters that need one; an absent or empty mask column is no mask), and the filter's own parameters.
 *
 * <p>Output {@code cohort}: the input cohort plus one file column per derived image, {@code <image>_<derived
 * name>} (e.g. {@code portal_wavelet-LLH}), pointing to gzip NRRD files written into
 * the node's work directory ({@code <patient>_<column>.nrrd}). The patient loop, progress, cancellation and failure
 * handling are {@link CohortImageNode}'s: a patient whose image cannot be read or filtered is reported and left out
 * (with its clinical row); the node fails only when every patient fails.
 */
public abstract class FilterNode extends CohortImageNode {

    /**
     * The filter configured by {@code parameters}.
     *
     * @throws IllegalArgumentException when a parameter is missing or invalid, naming it
     */
    protected abstract ImageFilter filter(Parameters parameters);

    @Override
    public void validate(Parameters parameters) {
        imageColumn(parameters);
        filter(parameters);
    }

    private static String imageColumn(Parameters parameters) {
        String column = parameters.getString("image", "");
        if (column.isBlank()) {
            throw new IllegalArgumentException("parameter 'image' (the cohort file column to filter) is empty");
        }
        return column;
    }

    @Override
    protected String task() {
        return "filtering";
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters parameters) throws PatientFailure {
        String imageColumn = imageColumn(parameters);
        ImageFilter filter = filter(parameters);
        Image3D image = files.read(imageColumn);
        String maskColumn = parameters.getString("mask", "");
        Mask mask = null;
        if (!maskColumn.isBlank() && files.patient().files().containsKey(maskColumn)) {
            int label = parameters.has("label") ? parameters.getInt("label") : 1;
            Image3D labels = files.read(maskColumn);
            mask = files.check(maskColumn, () -> Mask.ofLabel(labels, label));
        }
        Mask roi = mask;
        List<FilteredImage> derived = files.check(imageColumn, () -> filter.apply(image, roi));
        Map<String, Path> written = new LinkedHashMap<>();
        for (FilteredImage one : derived) {
            String column = imageColumn + "_" + one.name();
            written.put(column, files.write(one.image(), column));
        }
        return written;
    }
}
