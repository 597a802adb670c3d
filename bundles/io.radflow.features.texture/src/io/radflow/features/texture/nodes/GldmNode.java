package io.radflow.features.texture.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.texture.GldmFeatures;
import io.radflow.features.nodes.FeatureFamilyNode;

/**
 * Node {@code radflow.features.gldm}: GLDM features ({@link GldmFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class GldmNode extends FeatureFamilyNode {

    private static final GldmFeatures FAMILY = new GldmFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
