package io.radflow.features.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.features.RelativeIntensityFeatures;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.features.relativeIntensity}: {@link RelativeIntensityFeatures} of an ROI (e.g. the
 * tumour, label 2) against a reference region (e.g. the liver parenchyma, label 1) of the same image, for every
 * patient. Parameters: {@code image}, {@code mask} and {@code label} of the ROI, {@code referenceMask} and
 * {@code referenceLabel} of the reference (a cohort column, possibly the same label map), {@code percentiles}
 * (e.g. {@code [10, 50, 90]}) and {@code imageType}. Failures per patient as in {@link FeatureFamilyNode}.
 */
public final class RelativeIntensityNode implements NodeImplementation {

    private static final Setting<List<Double>> PERCENTILES = Setting.ofDoubleList("percentiles", List.of(10.0, 50.0, 90.0),
            "Reference percentiles");

    @Override
    public void validate(Parameters parameters) {
        features(parameters);
        for (String key : List.of("image", "mask", "referenceMask")) {
            if (parameters.getString(key).isBlank()) {
                throw new IllegalArgumentException("parameter '" + key + "' (a cohort file column) is empty");
            }
        }
    }

    private static RelativeIntensityFeatures features(Parameters parameters) {
        return new RelativeIntensityFeatures(PERCENTILES.convert(parameters.getString("percentiles")));
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        RelativeIntensityFeatures features;
        try {
            validate(parameters);
            features = features(parameters);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        String imageColumn = parameters.getString("image");
        int label = parameters.getInt("label");
        int referenceLabel = parameters.getInt("referenceLabel");
        return Map.of("features", PatientFeatureTable.collect(inputs.get("cohort", Cohort.class),
                RelativeIntensityFeatures.KEY, features.names(), parameters.getString("imageType", "original"), context,
                patient -> {
                    Path imageFile = PatientImages.file(patient, imageColumn);
                    Image3D image = PatientImages.read(imageFile, context);
                    Mask roi = PatientImages.mask(patient, parameters.getString("mask"), label, image, context);
                    Mask reference = PatientImages.mask(patient, parameters.getString("referenceMask"), referenceLabel,
                            image, context);
                    try {
                        return features.compute(image, roi, reference);
                    } catch (IllegalArgumentException e) {
                        throw new PatientFailure(imageFile.toString(), e.getMessage());
                    }
                }));
    }
}
