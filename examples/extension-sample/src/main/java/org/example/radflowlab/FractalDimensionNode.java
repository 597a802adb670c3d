package org.example.radflowlab;

import io.radflow.features.FeatureFamily;
import io.radflow.features.nodes.FeatureFamilyNode;

/**
 * Node {@code org.example.radflowlab.fractal}: {@link FractalDimensionFeatures} for every patient of a cohort;
 * {@link FeatureFamilyNode} reads the images, applies the settings and builds the feature table.
 */
public final class FractalDimensionNode extends FeatureFamilyNode {

    private static final FractalDimensionFeatures FAMILY = new FractalDimensionFeatures();

    @Override
    public FeatureFamily family() {
        return FAMILY;
    }
}
