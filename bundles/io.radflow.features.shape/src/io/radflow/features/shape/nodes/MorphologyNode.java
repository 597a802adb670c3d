package io.radflow.features.shape.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.features.shape.MorphologyFeatures;

/**
 * Node {@code radflow.features.morphology}: IBSI-1 morphological features ({@link MorphologyFeatures}) for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output. Ports and parameter defaults are declared in
 * this bundle's {@code plugin.xml}.
 */
public final class MorphologyNode extends FeatureFamilyNode {

    private static final MorphologyFeatures FAMILY = new MorphologyFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
