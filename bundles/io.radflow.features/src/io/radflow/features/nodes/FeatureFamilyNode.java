package io.radflow.features.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node that computes one {@link FeatureFamily} for every patient of a cohort. A family bundle declares
 * one node type per family in its {@code plugin.xml} with a subclass of this class as {@code class}; the
 * subclass only names its family ({@link #family()}).
 *
 * <p>Parameters: {@code image} and {@code mask} (cohort file columns), {@code imageType} (the first part of
 * the output keys, {@code original} by default, e.g. {@code wavelet-LLH} for a filtered image column), and
 * any of the family's {@link FeatureFamily#settings()} by their keys ({@code label}, {@code binWidth},
 * {@code distances} ...). A setting that the plugin.xml does not declare, or leaves empty, takes its default.
 *
 * <p>Per patient (in cohort order): reads the image and the label map, requires the same grid (within
 * {@link Mask#GRID_TOLERANCE}), selects {@code label} and computes the family. A patient whose files are
 * missing or unreadable, whose grids differ, whose mask is empty or lacks the label, or whose ROI the family
 * rejects is reported through {@link ExecutionContext#reportPatientFailure} and left out; the node fails only
 * when every patient fails.
 *
 * <p>Output {@code features}: column {@code PatientID} (text), then {@code <imageType>_<family>_<Name>} per
 * non-deprecated feature.
 */
public abstract class FeatureFamilyNode implements NodeImplementation {

    /** The family this node computes. */
    public abstract FeatureFamily family();

    @Override
    public void validate(Parameters parameters) {
        settings(parameters);
        for (String key : List.of("image", "mask")) {
            if (parameters.getString(key).isBlank()) {
                throw new IllegalArgumentException("parameter '" + key + "' (the cohort file column of the " + key
                        + ") is empty");
            }
        }
    }

    /** The family's settings taken from the parameters with the same keys. */
    public FeatureSettings settings(Parameters parameters) {
        FeatureSettings settings = FeatureSettings.defaults();
        List<Setting<?>> declared = new ArrayList<>(family().settings());
        if (!declared.contains(FeatureSettings.LABEL)) {
            declared.add(FeatureSettings.LABEL);
        }
        for (Setting<?> setting : declared) {
            if (parameters.has(setting.key())) {
                settings = settings.with(setting, parameters.getString(setting.key()));
            }
        }
        return settings;
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        Cohort cohort = inputs.get("cohort", Cohort.class);
        FeatureFamily family = family();
        FeatureSettings settings;
        try {
            validate(parameters);
            settings = settings(parameters);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        String imageColumn = parameters.getString("image");
        String maskColumn = parameters.getString("mask");
        String imageType = parameters.getString("imageType", "original");
        List<String> names = family.featureNames(settings);
        Table table = PatientFeatureTable.collect(cohort, family.key(), names, imageType, context,
                patient -> computePatient(patient, imageColumn, maskColumn, settings, family, context));
        return Map.of("features", table);
    }

    private static FeatureValues computePatient(Cohort.Patient patient, String imageColumn, String maskColumn,
            FeatureSettings settings, FeatureFamily family, ExecutionContext context) throws PatientFailure {
        Path imageFile = PatientImages.file(patient, imageColumn);
        Image3D image = PatientImages.read(imageFile, context);
        Mask mask = PatientImages.mask(patient, maskColumn, settings.label(), image, context);
        try {
            return family.compute(Roi.of(image, mask), settings);
        } catch (IllegalArgumentException e) {
            throw new PatientFailure(imageFile.toString(), e.getMessage());
        }
    }
}
