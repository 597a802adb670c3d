package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.ibsi2.GaborFilter;

/**
 * The IBSI-2 Gabor filter as a node ({@link GaborFilter}; parameters {@code sigma} and {@code lambda} in mm,
 * {@code gamma}, {@code theta} and {@code theta_step} in degrees (step 0: one orientation), {@code dimensions},
 * {@code padding}). Angles are converted to the record's radians with {@link Math#toRadians}.
 */
public final class Ibsi2GaborNode extends Ibsi2FilterNode {

    @Override
    protected GaborFilter filter(Parameters parameters) {
        return new GaborFilter(parameters.getDouble("sigma"), parameters.getDouble("lambda"),
                parameters.getDouble("gamma"), Math.toRadians(parameters.getDouble("theta")),
                Math.toRadians(parameters.getDouble("theta_step")), dimensions(parameters), padding(parameters));
    }
}
