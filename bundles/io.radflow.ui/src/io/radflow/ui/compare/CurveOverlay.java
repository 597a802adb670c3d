package io.radflow.ui.compare;

import io.radflow.charts.ChartStyle;
import io.radflow.charts.Figure;
import io.radflow.charts.KaplanMeierChart;
import io.radflow.core.port.PortObject;
import io.radflow.stats.nodes.SurvivalCurves;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Curves of several runs in one chart: for every output (node and port) that is a chart of the same kind in
 * at least two runs (Kaplan-Meier curves, or figures with an XY plot), the first dataset's series of each
 * run, renamed "run: series", coloured by run and dashed differently per series within a run; axes and
 * title from the first run's chart.
 */
public final class CurveOverlay {

    private CurveOverlay() {
    }

    /** One overlaid chart: the output it comes from and the chart. */
    public record Overlay(String output, JFreeChart chart) {
    }

    public static List<Overlay> overlays(List<String> names, List<RunOutputs> outputs) {
        Map<String, List<Integer>> runsByOutput = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int r = 0; r < outputs.size(); r++) {
            RunOutputs run = outputs.get(r);
            if (run == null) {
                continue;
            }
            int index = r;
            run.byNode().forEach((node, ports) -> ports.forEach((port, object) -> {
                String kind = kindOf(object);
                String key = node + "." + port;
                if (kind != null && kinds.getOrDefault(key, kind).equals(kind)) {
                    kinds.put(key, kind);
                    runsByOutput.computeIfAbsent(key, k -> new ArrayList<>()).add(index);
                }
            }));
        }
        List<Overlay> result = new ArrayList<>();
        runsByOutput.forEach((key, runs) -> {
            if (runs.size() >= 2) {
                String node = key.substring(0, key.indexOf('.'));
                String port = key.substring(key.indexOf('.') + 1);
                List<String> runNames = new ArrayList<>();
                List<XYPlot> plots = new ArrayList<>();
                for (int r : runs) {
                    runNames.add(names.get(r));
                    plots.add(plotOf(outputs.get(r).byNode().get(node).get(port)).orElseThrow());
                }
                result.add(new Overlay(key, overlay(key, runNames, plots)));
            }
        });
        return result;
    }

    private static String kindOf(PortObject object) {
        if (object instanceof SurvivalCurves) {
            return "survival";
        }
        if (object instanceof Figure f && f.chart().getPlot() instanceof XYPlot) {
            return "figure";
        }
        return null;
    }

    private static Optional<XYPlot> plotOf(PortObject object) {
        if (object instanceof SurvivalCurves curves) {
            return Optional.of(KaplanMeierChart.survivalPlot(KaplanMeierChart.create(curves, "", "Time", false)));
        }
        if (object instanceof Figure f && f.chart().getPlot() instanceof XYPlot plot) {
            return Optional.of(plot);
        }
        return Optional.empty();
    }

    /** Overlays the first dataset of each plot; series "run: key". */
    static JFreeChart overlay(String title, List<String> runNames, List<XYPlot> plots) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        for (int r = 0; r < plots.size(); r++) {
            XYDataset data = plots.get(r).getDataset();
            for (int s = 0; s < data.getSeriesCount(); s++) {
                XYSeries copy = new XYSeries(runNames.get(r) + ": " + data.getSeriesKey(s), false, true);
                for (int i = 0; i < data.getItemCount(s); i++) {
                    copy.add(data.getXValue(s, i), data.getYValue(s, i));
                }
                dataset.addSeries(copy);
                renderer.setSeriesPaint(series, ChartStyle.colorOf(r));
                renderer.setSeriesStroke(series, s == 0 ? ChartStyle.line(2f)
                        : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                                new float[] {2f + 4f * s, 3f}, 0f));
                series++;
            }
        }
        XYPlot first = plots.get(0);
        ValueAxis x = copyAxis(first.getDomainAxis());
        ValueAxis y = copyAxis(first.getRangeAxis());
        return ChartStyle.chart(title, new XYPlot(dataset, x, y, renderer), true, String.join(" vs ", runNames));
    }

    private static ValueAxis copyAxis(ValueAxis axis) {
        NumberAxis copy = new NumberAxis(axis.getLabel());
        copy.setAutoRangeIncludesZero(false);
        if (!axis.isAutoRange()) {
            copy.setRange(axis.getRange());
        }
        return copy;
    }
}
