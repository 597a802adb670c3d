package io.radflow.features.texture.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.texture.GldzmFeatures;
import io.radflow.features.nodes.FeatureFamilyNode;

/**
 * Node {@code radflow.features.gldzm}: GLDZM features ({@link GldzmFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class GldzmNode extends FeatureFamilyNode {

    private static final GldzmFeatures FAMILY = new GldzmFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
