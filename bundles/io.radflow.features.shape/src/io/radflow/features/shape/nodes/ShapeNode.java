package io.radflow.features.shape.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.features.shape.ShapeFeatures;

/**
 * Node {@code radflow.features.shape}: PyRadiomics 3D shape features ({@link ShapeFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class ShapeNode extends FeatureFamilyNode {

    private static final ShapeFeatures FAMILY = new ShapeFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
