package io.radflow.features.texture.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.texture.NgtdmFeatures;
import io.radflow.features.nodes.FeatureFamilyNode;

/**
 * Node {@code radflow.features.ngtdm}: NGTDM features ({@link NgtdmFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class NgtdmNode extends FeatureFamilyNode {

    private static final NgtdmFeatures FAMILY = new NgtdmFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
