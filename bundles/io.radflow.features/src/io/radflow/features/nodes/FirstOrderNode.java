package io.radflow.features.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FirstOrderFeatures;

/**
 * Node {@code radflow.features.firstOrder}: PyRadiomics first-order features ({@link FirstOrderFeatures}) for
 * every patient of a cohort; see {@link FeatureFamilyNode} for parameters, failures and output. Ports and
 * parameter defaults are declared in this bundle's {@code plugin.xml}.
 */
public final class FirstOrderNode extends FeatureFamilyNode {

    private static final FirstOrderFeatures FAMILY = new FirstOrderFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
