package io.radflow.evaluation;

import io.radflow.charts.BoxPlotChart;
import io.radflow.charts.WaterfallChart;
import io.radflow.charts.data.GroupedValues;
import io.radflow.charts.data.RadScores;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.Cutpoints;
import io.radflow.stats.evaluation.Quantiles;
import io.radflow.stats.tables.MannWhitney;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.radScorePlots}: a rad-score waterfall plot ({@link WaterfallChart}: one bar per
 * patient, {@code score - cut-off}, coloured by the 0/1 outcome) and box plots of the score by outcome
 * ({@link BoxPlotChart}). The cut-off is a fixed {@value #P_CUTOFF} ({@value #P_CUTOFF_METHOD} {@code value}), the
 * median ({@link Cutpoints#median}) or the Youden cut-off ({@link Cutpoints#youden}). Output {@value #OUT_TABLE}: per
 * outcome class n, median, Q1, Q3 (type 7, {@link Quantiles}), with the cut-off and the Mann-Whitney test
 * ({@link MannWhitney}) between the classes; figures {@value #OUT_WATERFALL} and {@value #OUT_BOXPLOT}.
 */
public final class RadScorePlotsNode extends EvaluationNode {

    public static final String OUT_WATERFALL = "waterfall";
    public static final String OUT_BOXPLOT = "boxplot";
    public static final String P_CUTOFF_METHOD = "cutoffMethod";
    public static final String P_CUTOFF = "cutoff";
    public static final String P_POSITIVE_LABEL = "positiveLabel";
    public static final String P_NEGATIVE_LABEL = "negativeLabel";

    @Override
    protected String label() {
        return "Rad-score plots";
    }

    @Override
    public void validate(Parameters parameters) {
        super.validate(parameters);
        String method = parameters.getString(P_CUTOFF_METHOD, "value");
        if (!List.of("value", "median", "youden").contains(method)) {
            throw new IllegalArgumentException("parameter '" + P_CUTOFF_METHOD + "' must be value, median or youden, got '"
                    + method + "'");
        }
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        String score = parameters.getString(P_SCORE);
        String outcome = parameters.getString(P_OUTCOME);
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, score)
                .numeric(P_OUTCOME, outcome).build();
        double[] x = data.numbers(score);
        double[] y = data.binary(outcome);
        String method = parameters.getString(P_CUTOFF_METHOD, "value");
        double cutoff = switch (method) {
            case "median" -> Cutpoints.median(x);
            case "youden" -> Cutpoints.youden(x, y).threshold();
            default -> parameters.has(P_CUTOFF) ? parameters.getDouble(P_CUTOFF) : 0;
        };
        if (!Double.isFinite(cutoff)) {
            throw new NodeExecutionException(label() + ": the " + method + " cut-off is not finite (" + cutoff
                    + "); the score does not separate the outcome classes");
        }
        String positive = parameters.getString(P_POSITIVE_LABEL, outcome + " = 1");
        String negative = parameters.getString(P_NEGATIVE_LABEL, outcome + " = 0");
        boolean[] flags = new boolean[y.length];
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            flags[i] = y[i] == 1;
            (flags[i] ? pos : neg).add(x[i]);
        }
        double[] a = pos.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = neg.stream().mapToDouble(Double::doubleValue).toArray();
        MannWhitney.Result test = a.length > 0 && b.length > 0 ? MannWhitney.test(a, b) : null;
        ResultTable result = new ResultTable();
        List<GroupedValues.Group> groups = new ArrayList<>();
        for (Object[] g : new Object[][] {{negative, b}, {positive, a}}) {
            double[] values = (double[]) g[1];
            var row = result.row().put("group", (String) g[0]).put("n", values.length);
            if (values.length > 0) {
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                row.put("median", Quantiles.type7(sorted, 0.5)).put("q1", Quantiles.type7(sorted, 0.25))
                        .put("q3", Quantiles.type7(sorted, 0.75));
                groups.add(new GroupedValues.Group((String) g[0], values));
            }
            row.put("cutoff", cutoff).put("cutoff_method", method);
            if (test != null) {
                row.put("mann_whitney_w", test.w()).put("p", test.p());
            } else {
                row.put("note", "a single outcome class: no test");
            }
            row.put(EXCLUDED, data.dropped());
        }
        String title = title(parameters, "Rad-score");
        return Map.of(OUT_TABLE, result.build(),
                OUT_WATERFALL, figure(WaterfallChart.create(title + " waterfall",
                        new RadScores(List.of(data.ids()), x, flags, cutoff, positive, negative)), parameters),
                OUT_BOXPLOT, figure(BoxPlotChart.create(title + " by outcome", new GroupedValues(score, groups)),
                        parameters));
    }
}
