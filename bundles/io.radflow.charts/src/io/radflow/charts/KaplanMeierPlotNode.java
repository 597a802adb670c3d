package io.radflow.charts;

import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.nodes.SurvivalCurves;

import java.util.Map;

/**
 * Node {@code radflow.charts.kaplanMeierPlot}: draws {@link SurvivalCurves} as a Kaplan-Meier chart
 * ({@link KaplanMeierChart}) and outputs it as a {@link Figure} of the requested size.
 */
public final class KaplanMeierPlotNode implements NodeImplementation {

    public static final String IN_CURVES = "curves";
    public static final String OUT_FIGURE = "figure";
    public static final String P_TITLE = "title";
    public static final String P_X_LABEL = "xLabel";
    public static final String P_WIDTH = "width";
    public static final String P_HEIGHT = "height";

    @Override
    public void validate(Parameters parameters) {
        for (String key : new String[] {P_WIDTH, P_HEIGHT}) {
            int value = parameters.getInt(key);
            if (value < 1 || value > 20000) {
                throw new IllegalArgumentException("parameter '" + key + "' must be between 1 and 20000 pixels, got "
                        + value);
            }
        }
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        validate(parameters);
        SurvivalCurves curves = inputs.get(IN_CURVES, SurvivalCurves.class);
        Figure figure = new Figure(KaplanMeierChart.create(curves, parameters.getString(P_TITLE, ""),
                parameters.getString(P_X_LABEL, "")), parameters.getInt(P_WIDTH), parameters.getInt(P_HEIGHT));
        return Map.of(OUT_FIGURE, figure);
    }
}
