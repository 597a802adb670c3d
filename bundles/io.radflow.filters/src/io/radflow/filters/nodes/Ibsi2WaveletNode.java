package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.ibsi2.SeparableWaveletFilter;
import io.radflow.filters.ibsi2.Wavelet;

/**
 * The IBSI-2 separable (undecimated) wavelet as a node ({@link SeparableWaveletFilter}; parameters {@code wavelet}
 * haar/db2/db3/coif1, {@code sub_band} e.g. {@code LHL}, {@code level}, {@code dimensions}, {@code padding},
 * {@code pooling} over rotations).
 */
public final class Ibsi2WaveletNode extends Ibsi2FilterNode {

    @Override
    protected SeparableWaveletFilter filter(Parameters parameters) {
        return new SeparableWaveletFilter(Wavelet.parse(parameters.getString("wavelet")),
                parameters.getString("sub_band"), parameters.getInt("level"), dimensions(parameters),
                padding(parameters), pooling(parameters));
    }
}
