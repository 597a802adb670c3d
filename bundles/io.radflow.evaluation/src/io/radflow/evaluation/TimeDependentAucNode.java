package io.radflow.evaluation;

import io.radflow.charts.RocChart;
import io.radflow.charts.data.RocCurve;
import io.radflow.charts.data.TimeRocCurve;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.TimeDependentAuc;
import io.radflow.stats.evaluation.TimeDependentRoc;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.timeDependentAuc}: cumulative/dynamic time-dependent AUC of one or several
 * risk scores at chosen horizons ({@link TimeDependentAuc}: IPCW estimator of R's {@code timeROC}, influence-function
 * standard error of {@code riskRegression::Score}), with 95% CIs. A higher score means higher risk. Outputs:
 * <ul>
 * <li>{@value #OUT_TABLE}: one row per score and horizon; {@value #OUT_FIGURE}: AUC(t) with CI per score and horizon as
 * a forest-style chart;</li>
 * <li>{@value #OUT_ROC} and {@value #OUT_ROC_FIGURE}: the ROC(t) curve points ({@link TimeDependentAuc#roc}) of each
 * score at each horizon (threshold, false- and true-positive fraction) and their chart, one curve per score and
 * horizon;</li>
 * <li>{@value #OUT_COMPARISON}: the DeLong-type paired comparison of every pair of scores at every horizon
 * ({@link TimeDependentAuc#compare}: difference {@code AUC_1 - AUC_2}, influence-function SE, 95% CI, two-sided p;
 * R {@code riskRegression::Score(...)$AUC$contrasts}); with one score, one row saying there is nothing to
 * compare.</li>
 * </ul>
 * A score or horizon that cannot be evaluated (no cases or no controls at t) gets a row with a {@code note} and a log
 * line naming the score and the horizon; the others go on.
 */
public final class TimeDependentAucNode extends EvaluationNode {

    public static final String P_HORIZONS = "horizons";
    public static final String OUT_COMPARISON = "comparison";
    public static final String OUT_ROC = "roc";
    public static final String OUT_ROC_FIGURE = "rocFigure";

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
        ResultTable rocPoints = new ResultTable();
        List<TimeRocCurve> curves = new ArrayList<>();
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
                    curves.add(rocCurve(survival, data.numbers(score), score, horizon, auc, ci, rocPoints));
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
        Table comparison = comparison(data, survival, scores, horizons, context);
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_TABLE, result.build());
        out.put(OUT_FIGURE, figure(performanceForest(title(parameters, "Time-dependent AUC"), "AUC(t)", labels, est, lo,
                hi), parameters));
        out.put(OUT_COMPARISON, comparison);
        out.put(OUT_ROC, rocPoints.build());
        out.put(OUT_ROC_FIGURE, figure(RocChart.createTimeDependent(title(parameters, "Time-dependent ROC curves"), "",
                curves), parameters));
        return out;
    }

    /** The ROC(t) curve of one score: its points added to {@code table}, the curve returned for the chart. */
    private static TimeRocCurve rocCurve(SurvivalData survival, double[] marker, String score, double horizon,
            TimeDependentAuc.Result auc, ConfidenceInterval ci, ResultTable table) {
        TimeDependentRoc roc = TimeDependentAuc.roc(survival, marker, horizon);
        double[] thresholds = roc.thresholds();
        double[] fp = roc.falsePositive();
        double[] tp = roc.truePositive();
        for (int k = 0; k < thresholds.length; k++) {
            table.row().put("score", score).put("time", horizon).put("threshold", thresholds[k])
                    .put("false_positive", fp[k]).put("true_positive", tp[k]);
        }
        return new TimeRocCurve(horizon, new RocCurve(score, fp, tp, auc.auc(), ci.lower(), ci.upper()));
    }

    /** Every pair of scores at every horizon; one explanatory row when there is no pair. */
    private Table comparison(EvaluationData data, SurvivalData survival, List<String> scores, double[] horizons,
            ExecutionContext context) throws CanceledExecutionException {
        ResultTable table = new ResultTable();
        if (scores.size() < 2) {
            table.row().put("note", "one score (" + scores.get(0) + "): no pair to compare");
            return table.build();
        }
        for (int a = 0; a < scores.size(); a++) {
            for (int b = a + 1; b < scores.size(); b++) {
                context.checkCanceled();
                for (double horizon : horizons) {
                    var row = table.row().put("score1", scores.get(a)).put("score2", scores.get(b)).put("time", horizon)
                            .put("n", data.size());
                    try {
                        TimeDependentAuc.Comparison c = TimeDependentAuc.compare(survival, data.numbers(scores.get(a)),
                                data.numbers(scores.get(b)), horizon)[0];
                        ConfidenceInterval ci = c.confidenceInterval(LEVEL);
                        row.put("auc1", c.first().auc()).put("auc2", c.second().auc()).put("delta", c.difference())
                                .put("se", c.standardError()).put("lower", ci.lower()).put("upper", ci.upper())
                                .put("p", c.p());
                    } catch (IllegalArgumentException e) {
                        row.put("note", e.getMessage());
                        context.log(label() + ": " + scores.get(a) + " vs " + scores.get(b) + " at t = "
                                + Column.formatNumber(horizon) + " skipped: " + e.getMessage());
                    }
                }
            }
        }
        return table.build();
    }
}
