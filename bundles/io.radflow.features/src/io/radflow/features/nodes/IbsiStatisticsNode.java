package io.radflow.features.nodes;

import io.radflow.features.FeatureFamily;
import io.radflow.features.IbsiStatistics;

/**
 * Node {@code radflow.features.statistics}: {@link IbsiStatistics} for every patient of a cohort; see
 * {@link FeatureFamilyNode} for parameters, failures and output.
 */
public final class IbsiStatisticsNode extends FeatureFamilyNode {

    private static final IbsiStatistics FAMILY = new IbsiStatistics();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
