package io.radflow.filters.nodes;

import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/** PyRadiomics' wavelet decomposition image type as a node ({@link PyRadiomicsImageType#WAVELET_TYPE}). */
public final class WaveletNode extends PyRadiomicsFilterNode {

    @Override
    public PyRadiomicsImageType imageType() {
        return PyRadiomicsImageType.WAVELET_TYPE;
    }
}
