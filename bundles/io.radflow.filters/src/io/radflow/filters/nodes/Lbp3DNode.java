package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' 3D local binary pattern image type as a node ({@link PyRadiomicsImageType#LBP3D}). */
public final class Lbp3DNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.LBP3D;
    }
}
