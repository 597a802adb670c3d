package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.ibsi2.ConvolutionalFilter;
import io.radflow.filters.ibsi2.RieszTransformFilter;

import java.util.Locale;

/**
 * The IBSI-2 Riesz transform of a LoG or Simoncelli response as a node ({@link RieszTransformFilter}). Parameters:
 * {@code base} ({@code log} or {@code simoncelli}), {@code order} (three non-negative integers {@code n_i, n_j,
 * n_k}, e.g. {@code 1,0,0}), {@code dimensions}; for the LoG base {@code sigma} (mm), {@code truncation} and
 * {@code padding}, for the Simoncelli base {@code level}. Parameters of the other base are ignored.
 */
public final class Ibsi2RieszNode extends Ibsi2FilterNode {

    @Override
    protected RieszTransformFilter filter(Parameters parameters) {
        String base = parameters.getString("base").trim().toLowerCase(Locale.ROOT);
        ConvolutionalFilter filter = switch (base) {
            case "log" -> Ibsi2LoGNode.log(parameters);
            case "simoncelli" -> Ibsi2SimoncelliNode.simoncelli(parameters);
            default -> throw new IllegalArgumentException("parameter 'base' is '" + base + "'; use log or simoncelli");
        };
        return new RieszTransformFilter(filter, order(parameters.getString("order")), dimensions(parameters));
    }

    /** Three comma-separated integers, optionally in brackets: {@code 1,0,0} or {@code [1, 0, 0]}. */
    static int[] order(String text) {
        String[] parts = text.trim().replaceAll("^[\\[(]|[\\])]$", "").split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("parameter 'order' must be three integers n_i,n_j,n_k, got '" + text + "'");
        }
        int[] order = new int[3];
        for (int d = 0; d < 3; d++) {
            try {
                order[d] = Integer.parseInt(parts[d].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter 'order' must be three integers n_i,n_j,n_k, got '" + text + "'");
            }
        }
        return order;
    }
}
