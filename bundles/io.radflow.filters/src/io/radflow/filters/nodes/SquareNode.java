package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' square image type as a node ({@link PyRadiomicsImageType#SQUARE}). */
public final class SquareNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.SQUARE;
    }
}
