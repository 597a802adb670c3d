package io.radflow.features.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.IntensityHistogramFeatures;

/**
 * Node {@code radflow.features.intensityHistogram}: {@link IntensityHistogramFeatures} for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output.
 */
public final class IntensityHistogramNode extends FeatureFamilyNode {

    private static final IntensityHistogramFeatures FAMILY = new IntensityHistogramFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
