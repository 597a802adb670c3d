package io.radflow.evaluation;

import io.radflow.charts.DecisionCurveChart;
import io.radflow.charts.data.DecisionCurves;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.DecisionCurve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.decisionCurve}: decision-curve analysis ({@link DecisionCurve#netBenefit},
 * Vickers and Elkin 2006, R {@code dcurves::dca}) of one or several predicted-probability columns against a 0/1
 * outcome, at thresholds from {@value #P_FROM} to {@value #P_TO} by {@value #P_STEP}. Output {@value #OUT_TABLE}:
 * one row per threshold with the net benefit of each score, of treating all and of treating none;
 * {@value #OUT_FIGURE}: {@link DecisionCurveChart}.
 */
public final class DecisionCurveNode extends EvaluationNode {

    public static final String P_SCORE = "score";
    public static final String P_OUTCOME = "outcome";
    public static final String P_FROM = "thresholdFrom";
    public static final String P_TO = "thresholdTo";
    public static final String P_STEP = "thresholdStep";

    @Override
    protected String label() {
        return "Decision curve";
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        List<String> scores = required(parameters, P_SCORE);
        String outcome = parameters.getString(P_OUTCOME);
        double[] thresholds = thresholds(parameters.has(P_FROM) ? parameters.getDouble(P_FROM) : 0.01,
                parameters.has(P_TO) ? parameters.getDouble(P_TO) : 0.99,
                parameters.has(P_STEP) ? parameters.getDouble(P_STEP) : 0.01);
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, scores)
                .numeric(P_OUTCOME, outcome).build();
        double[] y = data.binary(outcome);
        List<DecisionCurve.Result> results = new ArrayList<>();
        List<DecisionCurves.Model> models = new ArrayList<>();
        for (String score : scores) {
            DecisionCurve.Result r = DecisionCurve.netBenefit(data.probabilities(score, ""), y, thresholds);
            results.add(r);
            models.add(new DecisionCurves.Model(score, r.model()));
        }
        ResultTable result = new ResultTable();
        double[] all = results.get(0).treatAll();
        double[] none = results.get(0).treatNone();
        for (int k = 0; k < thresholds.length; k++) {
            var row = result.row().put("threshold", thresholds[k]);
            for (int s = 0; s < scores.size(); s++) {
                row.put("net_benefit_" + scores.get(s), results.get(s).model()[k]);
            }
            row.put("treat_all", all[k]).put("treat_none", none[k]).put("n", y.length).put(EXCLUDED, data.dropped());
        }
        double prevalence = (double) data.positives(outcome) / y.length;
        return Map.of(OUT_TABLE, result.build(), OUT_FIGURE, figure(DecisionCurveChart.create(
                title(parameters, "Decision curves"), new DecisionCurves(thresholds, models, prevalence)), parameters));
    }

    /** {@code from, from + step, ...} up to {@code to} (inclusive within rounding). */
    static double[] thresholds(double from, double to, double step) {
        if (!(from >= 0 && to < 1 && from <= to && step > 0)) {
            throw new IllegalArgumentException("thresholds need 0 <= " + P_FROM + " <= " + P_TO + " < 1 and "
                    + P_STEP + " > 0, got " + from + ", " + to + ", " + step);
        }
        int count = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = Math.round((from + k * step) * 1e12) / 1e12;
        }
        return out;
    }
}
