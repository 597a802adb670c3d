package io.radflow.ui.compare;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numeric outputs of several runs side by side, matched by name: each output's {@link PortObject#metrics()}
 * (e.g. every cell of a small result table, {@code node.port[rowKey].column}; log-rank and medians of survival
 * curves), named {@code node.port<suffix>}. Rows are the metrics present in at least two runs, in order of first
 * appearance.
 */
public record MetricTable(List<String> runs, List<String> metrics, Map<String, double[]> values) {

    public MetricTable {
        runs = List.copyOf(runs);
        metrics = List.copyOf(metrics);
        Map<String, double[]> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.clone()));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Compares runs ({@code outputs.get(i)} named {@code names.get(i)}; a null entry is a run not done yet). */
    public static MetricTable of(List<String> names, List<RunOutputs> outputs) {
        if (names.size() != outputs.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + outputs.size() + " runs");
        }
        List<Map<String, Double>> perRun = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (RunOutputs run : outputs) {
            Map<String, Double> metrics = run == null ? Map.of() : metricsOf(run);
            perRun.add(metrics);
            metrics.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        }
        List<String> kept = new ArrayList<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String metric : order) {
            double[] row = new double[outputs.size()];
            int present = 0;
            for (int i = 0; i < row.length; i++) {
                Double v = perRun.get(i).get(metric);
                row[i] = v == null ? Double.NaN : v;
                present += v == null ? 0 : 1;
            }
            if (present >= 2) {
                kept.add(metric);
                values.put(metric, row);
            }
        }
        return new MetricTable(names, kept, values);
    }

    /** The metrics of one run, by name. */
    public static Map<String, Double> metricsOf(RunOutputs run) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        run.byNode().forEach((node, ports) -> ports.forEach((port, object) -> object.metrics()
                .forEach((suffix, value) -> metrics.put(node + "." + port + suffix, value))));
        return metrics;
    }

    public double value(String metric, int run) {
        double[] row = values.get(metric);
        if (row == null) {
            throw new IllegalArgumentException("no metric '" + metric + "' (metrics: " + metrics.size() + ")");
        }
        return row[run];
    }

    /** Whether the runs give different values for {@code metric} (missing values ignored). */
    public boolean differs(String metric) {
        double[] row = values.get(metric);
        double first = Double.NaN;
        for (double v : row) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return true;
            }
        }
        return false;
    }

    /** As a table: column "metric", then one numeric column per run. */
    public Table toTable() {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("metric", metrics.toArray(String[]::new)));
        for (int r = 0; r < runs.size(); r++) {
            double[] column = new double[metrics.size()];
            for (int m = 0; m < metrics.size(); m++) {
                column[m] = values.get(metrics.get(m))[r];
            }
            columns.add(Column.numeric(uniqueName(runs.get(r), r), column));
        }
        return new Table(columns);
    }

    private String uniqueName(String name, int index) {
        for (int i = 0; i < index; i++) {
            if (runs.get(i).equals(name)) {
                return name + " (" + (index + 1) + ")";
            }
        }
        return name.equals("metric") ? name + " (" + (index + 1) + ")" : name;
    }
}
