package io.radflow.features.shape.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.features.shape.Shape2DFeatures;

/**
 * Node {@code radflow.features.shape2D}: PyRadiomics 2D shape features of a one-slice ROI ({@link Shape2DFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class Shape2DNode extends FeatureFamilyNode {

    private static final Shape2DFeatures FAMILY = new Shape2DFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
