package io.radflow.evaluation;

import io.radflow.charts.NomogramChart;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.nomogramPlot}: the nomogram chart (R's {@code plot(rms::nomogram(...))}) of the
 * {@value #IN_POINTS} table of {@code radflow.study.nomogram} (columns {@code axis, label, value, points}, one row
 * per tick). Rows from top to bottom: "Points" (0-100), the term axes in table order with each tick at its points,
 * "Total points", and the risk axes that follow it in the table (risk of a logistic model, survival at each time of
 * a Cox model) with each tick at its total points. Total points T sit at {@code x = 100 T / T_max}, T_max the last
 * tick of the "Total points" axis (the sum of the term axes' maxima). Numeric tick labels are shown to three
 * significant digits. The node computes nothing itself.
 */
public final class NomogramPlotNode implements NodeImplementation {

    public static final String IN_POINTS = "points";
    public static final String OUT_FIGURE = "figure";

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Table points = inputs.get(IN_POINTS, Table.class);
        try {
            Column axis = column(points, "axis", false);
            Column label = column(points, "label", false);
            Column value = column(points, "points", true);
            List<String> rows = new ArrayList<>(List.of(NomogramChart.POINTS));
            int totalStart = -1;
            double maxTotal = Double.NaN;
            for (int r = 0; r < points.rowCount(); r++) {
                String name = axis.text(r);
                if (!rows.contains(name)) {
                    rows.add(name);
                }
                if (name.equals(NomogramChart.TOTAL_POINTS)) {
                    totalStart = totalStart < 0 ? rows.size() - 1 : totalStart;
                    maxTotal = Double.isNaN(maxTotal) ? value.number(r) : Math.max(maxTotal, value.number(r));
                }
            }
            if (totalStart < 0 || !(maxTotal > 0)) {
                throw new IllegalArgumentException("input 'points' has no '" + NomogramChart.TOTAL_POINTS
                        + "' axis with a positive maximum (connect the points output of a radflow.study.nomogram node)");
            }
            List<NomogramChart.Tick> ticks = new ArrayList<>(NomogramChart.pointsScale());
            for (int r = 0; r < points.rowCount(); r++) {
                double pts = value.number(r);
                boolean onTotalScale = rows.indexOf(axis.text(r)) >= totalStart;
                ticks.add(new NomogramChart.Tick(axis.text(r), shortLabel(label.text(r)),
                        onTotalScale ? 100 * pts / maxTotal : pts));
            }
            context.log("nomogram plot: " + (rows.size() - 1) + " axes, " + points.rowCount() + " ticks, total points up to "
                    + Column.formatNumber(maxTotal));
            return Map.of(OUT_FIGURE, EvaluationNode.figure(NomogramChart.create(EvaluationNode.title(parameters,
                    "Nomogram"), rows, ticks), parameters));
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException("Nomogram plot: " + e.getMessage(), e);
        }
    }

    /** A numeric label to three significant digits ("0.0369", "19.2", "-0.76"); other labels ("yes") as they are. */
    static String shortLabel(String label) {
        try {
            BigDecimal value = new BigDecimal(label.trim());
            return value.round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return label;
        }
    }

    private static Column column(Table table, String name, boolean numeric) {
        if (!table.hasColumn(name) || table.column(name).isNumeric() != numeric) {
            throw new IllegalArgumentException("input 'points' has no " + (numeric ? "numeric" : "text") + " column '"
                    + name + "' (connect the points output of a radflow.study.nomogram node)");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("input 'points' has no rows");
        }
        return table.column(name);
    }
}
