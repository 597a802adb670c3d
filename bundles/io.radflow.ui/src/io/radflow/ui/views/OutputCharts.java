package io.radflow.ui.views;

import io.radflow.charts.Figure;
import io.radflow.charts.KaplanMeierChart;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.stats.nodes.SurvivalCurves;

import java.util.Locale;
import java.util.Optional;

import org.jfree.chart.JFreeChart;

/** Charts for node outputs: Kaplan-Meier curves and figures. */
final class OutputCharts {

    private OutputCharts() {
    }

    static boolean isChart(PortObject object) {
        return object instanceof SurvivalCurves || object instanceof Figure;
    }

    /**
     * The chart of an output: a Kaplan-Meier chart with its risk table, titled with the node's label, for survival
     * curves (x axis unit from the curves' time unit, else from the node's {@code time} parameter),
     * the figure's own chart for a figure, nothing otherwise.
     */
    static Optional<JFreeChart> chartOf(Node node, PortObject object) {
        if (object instanceof SurvivalCurves curves) {
            String title = node.getLabel() == null || node.getLabel().isBlank() ? node.getId() : node.getLabel();
            String xLabel = timeLabel(curves.timeUnit());
            if (xLabel.equals("Time")) {
                xLabel = timeLabel(node.getParameters().stream().filter(p -> "time".equals(p.getKey()))
                        .map(Parameter::getValue).findFirst().orElse(""));
            }
            return Optional.of(KaplanMeierChart.withRiskTable(curves, title, xLabel, null));
        }
        if (object instanceof Figure figure) {
            return Optional.of(figure.chart());
        }
        return Optional.empty();
    }

    /** "Time (months)" for a unit or column name that mentions months (likewise days, years), else "Time". */
    static String timeLabel(String unitOrColumn) {
        String t = unitOrColumn == null ? "" : unitOrColumn.toLowerCase(Locale.ROOT);
        if (t.contains("month")) {
            return "Time (months)";
        }
        if (t.contains("day")) {
            return "Time (days)";
        }
        if (t.contains("year")) {
            return "Time (years)";
        }
        return "Time";
    }
}
