package io.radflow.features.texture.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.texture.GlszmFeatures;
import io.radflow.features.nodes.FeatureFamilyNode;

/**
 * Node {@code radflow.features.glszm}: GLSZM features ({@link GlszmFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class GlszmNode extends FeatureFamilyNode {

    private static final GlszmFeatures FAMILY = new GlszmFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
