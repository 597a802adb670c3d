package io.radflow.features.texture.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.features.texture.GlcmFeatures;

/**
 * Node {@code radflow.features.glcm}: grey level co-occurrence matrix (GLCM) features ({@link GlcmFeatures}) for every patient of a
 * cohort; see {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are
 * declared in this bundle's {@code plugin.xml}.
 */
public final class GlcmNode extends FeatureFamilyNode {

    private static final GlcmFeatures FAMILY = new GlcmFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
