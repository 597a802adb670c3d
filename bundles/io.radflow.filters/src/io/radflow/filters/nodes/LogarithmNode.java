package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' logarithm image type as a node ({@link PyRadiomicsImageType#LOGARITHM}). */
public final class LogarithmNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.LOGARITHM;
    }
}
