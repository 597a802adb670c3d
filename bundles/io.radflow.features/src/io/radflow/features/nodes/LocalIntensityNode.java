package io.radflow.features.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.LocalIntensityFeatures;

/**
 * Node {@code radflow.features.localIntensity}: {@link LocalIntensityFeatures} for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output.
 */
public final class LocalIntensityNode extends FeatureFamilyNode {

    private static final LocalIntensityFeatures FAMILY = new LocalIntensityFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
