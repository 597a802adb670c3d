package io.radflow.evaluation;

import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.Concordance;
import io.radflow.stats.evaluation.ConcordanceResult;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.survival.SurvivalData;

import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.concordance}: Harrell's C-index of one or several risk scores with its
 * infinitesimal-jackknife standard error and 95% CI ({@link Concordance#harrell}, R {@code concordance(...,
 * reverse = TRUE)}), optionally Uno's C truncated at {@value #P_TAU} ({@link Concordance#uno}, {@code timewt =
 * "n/G2"}). A higher score means higher risk. Outputs {@value #OUT_TABLE} (one row per score) and
 * {@value #OUT_FIGURE} (Harrell's C with CI, forest-style).
 */
public final class ConcordanceNode extends EvaluationNode {

    public static final String P_UNO = "uno";
    public static final String P_TAU = "tau";

    @Override
    protected String label() {
        return "C-index";
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        List<String> scores = required(parameters, P_SCORE);
        String time = parameters.getString(P_TIME);
        String event = parameters.getString(P_EVENT);
        boolean uno = parameters.has(P_UNO) && parameters.getBoolean(P_UNO);
        double tau = parameters.has(P_TAU) ? parameters.getDouble(P_TAU) : 0;
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, scores)
                .numeric(P_TIME, time).numeric(P_EVENT, event).build();
        SurvivalData survival = data.survival(time, event, null);
        if (survival.eventCount() == 0) {
            throw new NodeExecutionException(label() + ": no events in column '" + event + "' (" + data.size()
                    + " patients, all censored): the C-index is undefined");
        }
        ResultTable result = new ResultTable();
        double[] est = new double[scores.size()];
        double[] lo = new double[scores.size()];
        double[] hi = new double[scores.size()];
        for (int s = 0; s < scores.size(); s++) {
            context.checkCanceled();
            String score = scores.get(s);
            ConcordanceResult c = Concordance.harrell(survival, data.numbers(score));
            ConfidenceInterval ci = c.confidenceInterval(LEVEL);
            var row = result.row().put("score", score).put("n", data.size()).put("events", survival.eventCount())
                    .put("c_index", c.concordance()).put("se", c.standardError()).put("lower", ci.lower())
                    .put("upper", ci.upper());
            est[s] = c.concordance();
            lo[s] = ci.lower();
            hi[s] = ci.upper();
            if (uno) {
                double truncation = tau > 0 ? tau : Double.POSITIVE_INFINITY;
                ConcordanceResult u = Concordance.uno(survival, data.numbers(score), truncation);
                ConfidenceInterval uci = u.confidenceInterval(LEVEL);
                row.put("uno_c_index", u.concordance()).put("uno_se", u.standardError()).put("uno_lower", uci.lower())
                        .put("uno_upper", uci.upper()).put("uno_tau", truncation);
            }
            row.put(EXCLUDED, data.dropped());
        }
        return Map.of(OUT_TABLE, result.build(), OUT_FIGURE, figure(performanceForest(
                title(parameters, "C-index (Harrell)"), "C-index", scores, est, lo, hi), parameters));
    }
}
