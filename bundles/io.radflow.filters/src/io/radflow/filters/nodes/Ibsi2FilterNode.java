package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.filters.Padding;
import io.radflow.filters.ibsi2.ConvolutionalFilter;
import io.radflow.filters.ibsi2.FilterDimensions;
import io.radflow.filters.ibsi2.Pooling;

/**
 * A node applying one IBSI-2 convolutional filter (category "Filters/IBSI-2"): one response map per patient, in
 * the column {@code <image>_<derived name>} (e.g. {@code portal_mean-5-mirror-3D}). Every filter parameter is
 * required; its default is declared in plugin.xml only. The parameter readers here name the parameter in their
 * errors.
 */
public abstract class Ibsi2FilterNode extends FilterNode {

    @Override
    protected abstract ConvolutionalFilter filter(Parameters parameters);

    /** Parameter {@code dimensions}: {@code 2D} or {@code 3D}. */
    static FilterDimensions dimensions(Parameters parameters) {
        return FilterDimensions.parse(parameters.getString("dimensions"));
    }

    /** Parameter {@code padding}: {@code constant}, {@code nearest}, {@code periodic} or {@code mirror}. */
    static Padding padding(Parameters parameters) {
        return Padding.parse(parameters.getString("padding"));
    }

    /** Parameter {@code pooling}: {@code none}, {@code max} or {@code average}. */
    static Pooling pooling(Parameters parameters) {
        return Pooling.parse(parameters.getString("pooling"));
    }
}
