package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' square root image type as a node ({@link PyRadiomicsImageType#SQUARE_ROOT}). */
public final class SquareRootNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.SQUARE_ROOT;
    }
}
