package io.radflow.features.texture.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.texture.NgldmFeatures;
import io.radflow.features.nodes.FeatureFamilyNode;

/**
 * Node {@code radflow.features.ngldm}: NGLDM features ({@link NgldmFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class NgldmNode extends FeatureFamilyNode {

    private static final NgldmFeatures FAMILY = new NgldmFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
