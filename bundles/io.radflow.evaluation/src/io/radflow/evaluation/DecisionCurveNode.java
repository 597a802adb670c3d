package io.radflow.evaluation;

import io.radflow.charts.DecisionCurveChart;
import io.radflow.charts.data.DecisionCurves;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.Checks;
import io.radflow.stats.evaluation.DecisionCurve;
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.decisionCurve}: decision-curve analysis ({@link DecisionCurve#netBenefit},
 * Vickers and Elkin 2006, R {@code dcurves::dca}) of one or several predicted-probability columns against a 0/1
 * outcome, at thresholds from {@value #P_FROM} to {@value #P_TO} by {@value #P_STEP}. Output {@value #OUT_TABLE}:
 * one row per threshold with the net benefit of each score, of treating all and of treating none;
 * {@value #OUT_FIGURE}: {@link DecisionCurveChart}.
 *
 * <p>Survival outcome ({@value #P_OUTCOME_TYPE} {@code survival}, columns {@value #P_TIME} and {@value #P_EVENT},
 * horizon {@value #P_HORIZON}): {@link DecisionCurve#netBenefit(SurvivalData, double[], double, double[])} (Vickers
 * et al. 2008, {@code dcurves::dca} with a {@code Surv} outcome) on predicted risks {@code F(t|x)}
 * ({@value #P_SCORE_TYPE} {@code probability}) or predicted survival {@code S(t|x)} ({@code survivalProbability}).
 * A score that cannot be evaluated (bad values) is skipped with a log line naming it and the horizon; a bad horizon
 * (beyond the last follow-up, no events before it) fails the node.
 */
public final class DecisionCurveNode extends EvaluationNode {

    public static final String P_FROM = "thresholdFrom";
    public static final String P_TO = "thresholdTo";
    public static final String P_STEP = "thresholdStep";
    public static final String P_SCORE_TYPE = "scoreType";

    @Override
    protected String label() {
        return "Decision curve";
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        List<String> scores = required(parameters, P_SCORE);
        double[] thresholds = thresholds(parameters.has(P_FROM) ? parameters.getDouble(P_FROM) : 0.01,
                parameters.has(P_TO) ? parameters.getDouble(P_TO) : 0.99,
                parameters.has(P_STEP) ? parameters.getDouble(P_STEP) : 0.01);
        if (survivalOutcome(parameters)) {
            return survival(table, parameters, scores, thresholds, context);
        }
        String outcome = parameters.getString(P_OUTCOME);
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

    @Override
    public void validate(Parameters parameters) {
        super.validate(parameters);
        boolean survival = survivalOutcome(parameters);
        String type = parameters.getString(P_SCORE_TYPE, PROBABILITY);
        if (!type.equals(PROBABILITY) && !(survival && type.equals(SURVIVAL_PROBABILITY))) {
            throw new IllegalArgumentException("parameter '" + P_SCORE_TYPE + "' must be " + PROBABILITY
                    + (survival ? " or " + SURVIVAL_PROBABILITY : " for a binary outcome") + ", got '" + type + "'");
        }
    }

    private Map<String, PortObject> survival(Table table, Parameters parameters, List<String> scores,
            double[] thresholds, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        String time = parameters.getString(P_TIME);
        String event = parameters.getString(P_EVENT);
        double t = horizon(parameters);
        boolean survivalProbability = parameters.getString(P_SCORE_TYPE, PROBABILITY).equals(SURVIVAL_PROBABILITY);
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, scores)
                .numeric(P_TIME, time).numeric(P_EVENT, event).build();
        SurvivalData survival = data.survival(time, event, null);
        Checks.horizon(survival, t);
        List<String> done = new ArrayList<>();
        List<DecisionCurve.Result> results = new ArrayList<>();
        List<DecisionCurves.Model> models = new ArrayList<>();
        for (String score : scores) {
            context.checkCanceled();
            try {
                DecisionCurve.Result r = DecisionCurve.netBenefit(survival, riskAtHorizon(data, score,
                        survivalProbability), t, thresholds);
                done.add(score);
                results.add(r);
                models.add(new DecisionCurves.Model(score, r.model()));
            } catch (NodeExecutionException | IllegalArgumentException e) {
                context.log(label() + ": score '" + score + "' at horizon t = " + Column.formatNumber(t) + " skipped: "
                        + e.getMessage());
            }
        }
        if (results.isEmpty()) {
            throw new NodeExecutionException(label() + ": no score could be evaluated at horizon t = "
                    + Column.formatNumber(t) + " (see the log)");
        }
        ResultTable result = new ResultTable();
        double[] all = results.get(0).treatAll();
        for (int k = 0; k < thresholds.length; k++) {
            var row = result.row().put("threshold", thresholds[k]).put("horizon", t);
            for (int s = 0; s < done.size(); s++) {
                row.put("net_benefit_" + done.get(s), results.get(s).model()[k]);
            }
            row.put("treat_all", all[k]).put("treat_none", 0).put("n", survival.size()).put(EXCLUDED, data.dropped());
        }
        // the chart draws treat all as pi - (1 - pi) odds: with pi = 1 - KM(t) that is the survival treat-all curve
        double risk = 1 - KaplanMeier.fit(survival).survivalAt(t);
        return Map.of(OUT_TABLE, result.build(), OUT_FIGURE, figure(DecisionCurveChart.create(
                title(parameters, "Decision curves at t = " + Column.formatNumber(t)),
                new DecisionCurves(thresholds, models, risk)), parameters));
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
