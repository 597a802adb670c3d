package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' Laplacian of Gaussian image type as a node ({@link PyRadiomicsImageType#LOG}). */
public final class LoGNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.LOG;
    }
}
