package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.ibsi2.SimoncelliWaveletFilter;

/**
 * The IBSI-2 non-separable Simoncelli wavelet as a node ({@link SimoncelliWaveletFilter}; parameters {@code level},
 * {@code dimensions}; the boundary is periodic).
 */
public final class Ibsi2SimoncelliNode extends Ibsi2FilterNode {

    @Override
    protected SimoncelliWaveletFilter filter(Parameters parameters) {
        return simoncelli(parameters);
    }

    /** The wavelet of parameters {@code level} and {@code dimensions}; also the Riesz base. */
    static SimoncelliWaveletFilter simoncelli(Parameters parameters) {
        return new SimoncelliWaveletFilter(parameters.getInt("level"), dimensions(parameters));
    }
}
