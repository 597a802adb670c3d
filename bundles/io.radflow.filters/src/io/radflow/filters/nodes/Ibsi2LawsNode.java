package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.ibsi2.LawsFilter;

/**
 * The IBSI-2 Laws filter as a node ({@link LawsFilter}; parameters {@code kernels} e.g. {@code E5L5S5},
 * {@code dimensions}, {@code padding}, {@code pooling} over rotations, {@code energy_delta} in voxels, 0 for no
 * energy map).
 */
public final class Ibsi2LawsNode extends Ibsi2FilterNode {

    @Override
    protected LawsFilter filter(Parameters parameters) {
        return new LawsFilter(parameters.getString("kernels"), dimensions(parameters), padding(parameters),
                pooling(parameters), parameters.getInt("energy_delta"));
    }
}
