package io.radflow.features.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.IntensityVolumeHistogramFeatures;

/**
 * Node {@code radflow.features.intensityVolumeHistogram}: {@link IntensityVolumeHistogramFeatures} for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output.
 */
public final class IntensityVolumeHistogramNode extends FeatureFamilyNode {

    private static final IntensityVolumeHistogramFeatures FAMILY = new IntensityVolumeHistogramFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
