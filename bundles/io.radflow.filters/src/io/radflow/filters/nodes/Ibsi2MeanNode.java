package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.ibsi2.MeanFilter;

/** The IBSI-2 mean filter as a node ({@link MeanFilter}; parameters {@code support}, {@code dimensions}, {@code padding}). */
public final class Ibsi2MeanNode extends Ibsi2FilterNode {

    @Override
    protected MeanFilter filter(Parameters parameters) {
        return new MeanFilter(parameters.getInt("support"), dimensions(parameters), padding(parameters));
    }
}
