package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' 2D local binary pattern image type as a node ({@link PyRadiomicsImageType#LBP2D}). */
public final class Lbp2DNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.LBP2D;
    }
}
