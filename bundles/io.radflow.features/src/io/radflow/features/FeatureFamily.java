package io.radflow.features;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.List;

/**
 * A family of features computed from one image and one ROI (PyRadiomics' feature class), with its
 * features registered explicitly. Implementations are stateless and thread-safe; shared coefficients are
 * computed once per {@link #compute} call.
 */
public interface FeatureFamily {

    /** The family key used in output keys, e.g. {@code firstorder} (PyRadiomics' feature class name). */
    String key();

    /** All features of the family in output order, deprecated ones included. */
    List<FeatureDefinition> features();

    /**
     * Computes every non-deprecated feature of the ROI.
     *
     * @throws IllegalArgumentException when the mask is empty or lies on another grid than the image
     */
    FeatureValues compute(Image3D image, Mask mask, FeatureSettings settings);
}
