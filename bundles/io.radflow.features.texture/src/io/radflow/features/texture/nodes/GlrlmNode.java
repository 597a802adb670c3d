package io.radflow.features.texture.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.features.texture.GlrlmFeatures;

/**
 * Node {@code radflow.features.glrlm}: grey level run length matrix (GLRLM) features ({@link GlrlmFeatures}) for every patient of a
 * cohort; see {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are
 * declared in this bundle's {@code plugin.xml}.
 */
public final class GlrlmNode extends FeatureFamilyNode {

    private static final GlrlmFeatures FAMILY = new GlrlmFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
