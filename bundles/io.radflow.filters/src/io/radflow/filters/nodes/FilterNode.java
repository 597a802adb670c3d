package io.radflow.filters.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node applying one {@link ImageFilter} to every patient of a cohort. A subclass only builds the filter from its
 * parameters ({@link #filter(Parameters)}); parameter defaults are declared in plugin.xml only.
 *
 * <p>Parameters: {@code image} (the cohort file column to filter), optionally {@code mask} and {@code label} (the
 * ROI, for filters that need one; an absent or empty mask column is no mask), and the filter's own parameters.
 *
 * <p>Output {@code cohort}: the input cohort plus one file column per derived image, {@code <image>_<derived
 * name>} (e.g. {@code portal_wavelet-LLH}), pointing to gzip NRRD files written into
 * {@link ExecutionContext#workDirectory()} ({@code <patient>/<column>.nrrd}). A patient whose image cannot be
 * read or filtered is reported through {@link ExecutionContext#reportPatientFailure} and left out; the node fails
 * only when every patient fails.
 */
public abstract class FilterNode implements NodeImplementation {

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
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        Cohort cohort = inputs.get("cohort", Cohort.class);
        ImageFilter filter;
        String imageColumn;
        try {
            imageColumn = imageColumn(parameters);
            filter = filter(parameters);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        String maskColumn = parameters.getString("mask", "");
        int label = parameters.has("label") ? parameters.getInt("label") : 1;
        Path workDirectory;
        try {
            workDirectory = context.workDirectory();
        } catch (IOException e) {
            throw new NodeExecutionException("cannot create the folder for the filtered images: " + e.getMessage(), e);
        }
        List<Cohort.Patient> patients = new ArrayList<>();
        Set<String> newColumns = new LinkedHashSet<>();
        List<Cohort.Patient> all = cohort.patients();
        for (int i = 0; i < all.size(); i++) {
            context.checkCanceled();
            Cohort.Patient patient = all.get(i);
            context.progress((double) i / all.size(), "filtering patient " + patient.id() + " (" + filter.name() + ")");
            String field = imageColumn;
            try {
                Path imageFile = patient.file(imageColumn);
                field = imageFile.toString();
                context.recordInput(imageFile);
                Image3D image = ImageFiles.read(imageFile);
                Mask mask = null;
                if (!maskColumn.isBlank() && patient.files().containsKey(maskColumn)) {
                    Path maskFile = patient.file(maskColumn);
                    field = maskFile.toString();
                    context.recordInput(maskFile);
                    mask = Mask.ofLabel(ImageFiles.read(maskFile), label);
                    field = imageFile.toString();
                }
                Map<String, Path> files = new LinkedHashMap<>(patient.files());
                Path folder = workDirectory.resolve(patient.id().replaceAll("[^A-Za-z0-9._-]", "_"));
                Files.createDirectories(folder);
                for (FilteredImage derived : filter.apply(image, mask)) {
                    String column = imageColumn + "_" + derived.name();
                    Path file = folder.resolve(column + ".nrrd");
                    ImageFiles.write(derived.image(), file);
                    files.put(column, file);
                    newColumns.add(column);
                }
                patients.add(new Cohort.Patient(patient.id(), files));
            } catch (IOException | IllegalArgumentException e) {
                context.reportPatientFailure(patient.id(), field, e.getMessage());
            }
        }
        context.progress(1, "filtered " + patients.size() + " of " + all.size() + " patients");
        if (patients.isEmpty() && !all.isEmpty()) {
            throw new NodeExecutionException(filter.name() + " failed for all " + all.size() + " patients (see the patient failures)");
        }
        List<String> columns = new ArrayList<>(cohort.fileColumns());
        newColumns.stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        return Map.of("cohort", new Cohort(cohort.manifest(), patients, columns, cohort.clinical()));
    }
}
