package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' gradient magnitude image type as a node ({@link PyRadiomicsImageType#GRADIENT}). */
public final class GradientNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.GRADIENT;
    }
}
