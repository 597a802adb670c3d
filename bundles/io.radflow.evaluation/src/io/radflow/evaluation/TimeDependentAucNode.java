package io.radflow.evaluation;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.TimeDependentAuc;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.timeDependentAuc}: cumulative/dynamic time-dependent AUC of one or several
 * risk scores at chosen horizons ({@link TimeDependentAuc}: IPCW estimator of R's {@code timeROC}, influence-function
 * standard error of {@code riskRegression::Score}), with 95% CIs. A higher score means higher risk. Output
 * {@value #OUT_TABLE}: one row per score and horizon; {@value #OUT_FIGURE}: AUC(t) with CI per score and horizon as a
 * forest-style chart. A paired comparison of two scores' AUC(t) is not offered: {@code io.radflow.stats} has no
 * covariance of two time-dependent AUCs.
 */
public final class TimeDependentAucNode extends EvaluationNode {

    public static final String P_SCORE = "score";
    public static final String P_TIME = "time";
    public static final String P_EVENT = "event";
    public static final String P_HORIZONS = "horizons";

    @Override
    protected String label() {
        return "Time-dependent AUC";
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        List<String> scores = required(parameters, P_SCORE);
        String time = parameters.getString(P_TIME);
        String event = parameters.getString(P_EVENT);
        double[] horizons = numbers(parameters, P_HORIZONS);
        if (horizons.length == 0) {
            throw new IllegalArgumentException("parameter '" + P_HORIZONS + "' names no horizon (e.g. \"6,12\")");
        }
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, scores)
                .numeric(P_TIME, time).numeric(P_EVENT, event).build();
        SurvivalData survival = data.survival(time, event, null);
        ResultTable result = new ResultTable();
        List<String> labels = new ArrayList<>();
        List<double[]> drawn = new ArrayList<>();
        for (String score : scores) {
            context.checkCanceled();
            for (double horizon : horizons) {
                var row = result.row().put("score", score).put("time", horizon).put("n", data.size());
                try {
                    TimeDependentAuc.Result auc = TimeDependentAuc.at(survival, data.numbers(score), horizon)[0];
                    ConfidenceInterval ci = auc.confidenceInterval(LEVEL);
                    row.put("cases", auc.cases()).put("controls", auc.controls()).put("auc", auc.auc())
                            .put("se", auc.standardError()).put("lower", ci.lower()).put("upper", ci.upper());
                    labels.add(score + ", t = " + Column.formatNumber(horizon));
                    drawn.add(new double[] {auc.auc(), ci.lower(), ci.upper()});
                } catch (IllegalArgumentException e) {
                    row.put("note", e.getMessage());
                    context.log(label() + ": " + score + " at t = " + Column.formatNumber(horizon) + ": " + e.getMessage());
                }
                row.put(EXCLUDED, data.dropped());
            }
        }
        if (drawn.isEmpty()) {
            throw new NodeExecutionException(label() + ": no horizon could be evaluated (see the log): "
                    + "each needs events before it and patients event-free after it");
        }
        double[] est = drawn.stream().mapToDouble(v -> v[0]).toArray();
        double[] lo = drawn.stream().mapToDouble(v -> v[1]).toArray();
        double[] hi = drawn.stream().mapToDouble(v -> v[2]).toArray();
        return Map.of(OUT_TABLE, result.build(), OUT_FIGURE, figure(performanceForest(
                title(parameters, "Time-dependent AUC"), "AUC(t)", labels, est, lo, hi), parameters));
    }
}
