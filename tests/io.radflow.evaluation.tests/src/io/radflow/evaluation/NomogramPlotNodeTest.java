package io.radflow.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.Figure;
import io.radflow.charts.NomogramChart;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The nomogram plot node on a points table in the format of {@code radflow.study.nomogram}: term ticks stand at their
 * points, total-points and risk ticks at 100 T / T_max, the rows keep the table's order under the points scale.
 */
class NomogramPlotNodeTest {

    /** Two terms (age 0-40 points, Rad-score 0-100), total points 0-140, two survival axes. */
    private static Table points() {
        List<String[]> rows = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> pts = new ArrayList<>();
        Object[][] data = {
            {"age", "40", 40.0, 0.0}, {"age", "60", 60.0, 20.0}, {"age", "80", 80.0, 40.0},
            {"radscore", "-1", -1.0, 0.0}, {"radscore", "0", 0.0, 50.0}, {"radscore", "1", 1.0, 100.0},
            {"Total points", "0", 0.0, 0.0}, {"Total points", "70", 70.0, 70.0}, {"Total points", "140", 140.0, 140.0},
            {"Survival at 24", "0.9", 0.9, 35.0}, {"Survival at 24", "0.5", 0.5, 105.0},
            {"Survival at 48", "0.9", 0.9, 14.0}, {"Survival at 48", "0.5", 0.5, 84.0},
        };
        for (Object[] row : data) {
            rows.add(new String[] {(String) row[0], (String) row[1]});
            values.add((Double) row[2]);
            pts.add((Double) row[3]);
        }
        return new Table(List.of(Column.text("axis", rows.stream().map(r -> r[0]).toArray(String[]::new)),
                Column.text("label", rows.stream().map(r -> r[1]).toArray(String[]::new)),
                Column.numeric("value", values.stream().mapToDouble(Double::doubleValue).toArray()),
                Column.numeric("points", pts.stream().mapToDouble(Double::doubleValue).toArray())));
    }

    private static XYPlot plot(Table points) throws Exception {
        Figure figure = (Figure) new NomogramPlotNode().execute(new NodeInputs("plot", Map.of("points", points)),
                new Parameters("plot", Map.of()), new TestSupport.Context()).get(NomogramPlotNode.OUT_FIGURE);
        return figure.chart().getXYPlot();
    }

    /** The x of the tick labelled {@code label} on the row drawn at height {@code y}. */
    private static double tickX(XYPlot plot, double y, String label) {
        for (XYAnnotation a : plot.getAnnotations()) {
            if (a instanceof XYTextAnnotation t && t.getText().equals(label) && Math.abs(t.getY() - y - 0.16) < 1e-9) {
                return t.getX();
            }
        }
        throw new AssertionError("no tick '" + label + "' at row height " + y);
    }

    @Test
    void ticksStandAtTheirPointsAndTotalsOnTheirScale() throws Exception {
        XYPlot plot = plot(points());
        SymbolAxis rows = (SymbolAxis) plot.getRangeAxis();
        List<String> expected = List.of(NomogramChart.POINTS, "age", "radscore", NomogramChart.TOTAL_POINTS,
                "Survival at 24", "Survival at 48");
        int n = expected.size();
        for (int r = 0; r < n; r++) {
            assertEquals(expected.get(r), rows.getSymbols()[n - 1 - r], "row " + r);
        }
        assertEquals(100, tickX(plot, n - 1, "100"), 0);
        assertEquals(20, tickX(plot, n - 2, "60"), 0);
        assertEquals(50, tickX(plot, n - 3, "0"), 0);
        assertEquals(50, tickX(plot, n - 4, "70"), 1e-12);
        assertEquals(100, tickX(plot, n - 4, "140"), 1e-12);
        assertEquals(100 * 105.0 / 140, tickX(plot, n - 5, "0.5"), 1e-12);
        assertEquals(100 * 14.0 / 140, tickX(plot, n - 6, "0.9"), 1e-12);
        // each row's segment runs from its lowest to its highest tick
        assertEquals(0, plot.getDataset().getXValue(1, 0), 0);
        assertEquals(40, plot.getDataset().getXValue(1, 1), 0);
        assertEquals(25, plot.getDataset().getXValue(4, 0), 1e-12);
        assertEquals(75, plot.getDataset().getXValue(4, 1), 1e-12);
    }

    @Test
    void numericLabelsAreShortenedToThreeSignificantDigits() {
        assertEquals("0.0369", NomogramPlotNode.shortLabel("0.0369174804844673"));
        assertEquals("-0.76", NomogramPlotNode.shortLabel("-0.7603450667"));
        assertEquals("19.2", NomogramPlotNode.shortLabel("19.225"));
        assertEquals("140", NomogramPlotNode.shortLabel("140"));
        assertEquals("1710", NomogramPlotNode.shortLabel("1711.1053"));
        assertEquals("yes", NomogramPlotNode.shortLabel("yes"));
    }

    @Test
    void aTableWithoutTotalPointsIsRefusedByName() {
        Table points = points();
        Table terms = points.rows(List.of(0, 1, 2, 3, 4, 5));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> plot(terms));
        assertTrue(e.getMessage().contains("'Total points'") && e.getMessage().contains("radflow.study.nomogram"),
                e.getMessage());
        Table noPoints = new Table(List.of(points.column("axis"), points.column("label")));
        e = assertThrows(NodeExecutionException.class, () -> plot(noPoints));
        assertTrue(e.getMessage().contains("numeric column 'points'"), e.getMessage());
    }
}
