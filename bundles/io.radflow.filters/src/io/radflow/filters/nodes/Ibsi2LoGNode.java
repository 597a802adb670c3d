package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.ibsi2.LaplacianOfGaussianFilter;

/**
 * The IBSI-2 Laplacian of Gaussian as a node ({@link LaplacianOfGaussianFilter}; parameters {@code sigma} in mm,
 * {@code truncation} in units of sigma, {@code dimensions}, {@code padding}).
 */
public final class Ibsi2LoGNode extends Ibsi2FilterNode {

    @Override
    protected LaplacianOfGaussianFilter filter(Parameters parameters) {
        return log(parameters);
    }

    /** The LoG of parameters {@code sigma}, {@code truncation}, {@code dimensions}, {@code padding}; also the Riesz base. */
    static LaplacianOfGaussianFilter log(Parameters parameters) {
        return new LaplacianOfGaussianFilter(parameters.getDouble("sigma"), parameters.getDouble("truncation"),
                dimensions(parameters), padding(parameters));
    }
}
