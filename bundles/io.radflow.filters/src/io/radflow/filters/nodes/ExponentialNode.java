package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' exponential image type as a node ({@link PyRadiomicsImageType#EXPONENTIAL}). */
public final class ExponentialNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.EXPONENTIAL;
    }
}
