package io.radflow.evaluation;

import io.radflow.charts.RocChart;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.RocAnalysis;
import io.radflow.stats.evaluation.RocComparison;
import io.radflow.stats.evaluation.RocCurve;
import io.radflow.stats.evaluation.YoudenCutoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.roc}: ROC analysis of one or several score columns against a 0/1 outcome
 * ({@link RocAnalysis}, R pROC): per score the AUC with its DeLong variance and 95% CI ({@code ci.auc(method =
 * "delong")}) and the Youden cut-off ({@code coords("best")}); for every pair of scores the paired DeLong test
 * ({@code roc.test(method = "delong", paired = TRUE)}) on the same complete cases. A higher score means "more
 * likely positive". Outputs: {@value #OUT_TABLE} (one row per score), {@value #OUT_COMPARISONS} (one row per
 * pair), {@value #OUT_FIGURE} ({@link RocChart}).
 */
public final class RocNode extends EvaluationNode {

    public static final String OUT_COMPARISONS = "comparisons";

    @Override
    protected String label() {
        return "ROC";
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        List<String> scores = required(parameters, P_SCORE);
        String outcome = parameters.getString(P_OUTCOME);
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, scores)
                .numeric(P_OUTCOME, outcome).build();
        double[] y = data.binary(outcome);
        List<RocAnalysis> analyses = new ArrayList<>();
        ResultTable result = new ResultTable();
        List<io.radflow.charts.data.RocCurve> curves = new ArrayList<>();
        for (String score : scores) {
            context.checkCanceled();
            RocAnalysis roc = RocAnalysis.of(data.numbers(score), y);
            analyses.add(roc);
            ConfidenceInterval ci = roc.aucConfidenceInterval(LEVEL);
            YoudenCutoff youden = roc.youden();
            result.row().put("score", score).put("n", data.size()).put("cases", roc.caseCount())
                    .put("controls", roc.controlCount()).put("auc", roc.auc())
                    .put("se", Math.sqrt(roc.delongVariance())).put("lower", ci.lower()).put("upper", ci.upper())
                    .put("youden_threshold", youden.threshold()).put("sensitivity", youden.sensitivity())
                    .put("specificity", youden.specificity()).put(EXCLUDED, data.dropped());
            curves.add(chartCurve(score, roc, ci));
        }
        ResultTable pairs = new ResultTable();
        for (int a = 0; a < scores.size(); a++) {
            for (int b = a + 1; b < scores.size(); b++) {
                RocComparison test = RocAnalysis.compareDeLong(analyses.get(a), analyses.get(b), LEVEL);
                pairs.row().put("score1", scores.get(a)).put("score2", scores.get(b)).put("auc1", test.auc1())
                        .put("auc2", test.auc2()).put("difference", test.difference().estimate())
                        .put("lower", test.difference().lower()).put("upper", test.difference().upper())
                        .put("se", test.standardError()).put("z", test.z()).put("p", test.p());
            }
        }
        if (scores.size() == 1) {
            pairs.row().put("score1", scores.get(0)).put("note", "a single score: no pairwise DeLong test");
        }
        context.log(label() + ": " + scores.size() + " score(s), " + data.size() + " patients");
        return Map.of(OUT_TABLE, result.build(), OUT_COMPARISONS, pairs.build(), OUT_FIGURE,
                figure(RocChart.create(title(parameters, "ROC curves"), curves), parameters));
    }

    /** The empirical curve in drawing order (from the highest threshold: FPR 0, TPR 0). */
    private static io.radflow.charts.data.RocCurve chartCurve(String label, RocAnalysis roc, ConfidenceInterval ci) {
        RocCurve curve = roc.curve();
        double[] sens = curve.sensitivities();
        double[] spec = curve.specificities();
        int n = curve.size();
        double[] fpr = new double[n];
        double[] tpr = new double[n];
        for (int k = 0; k < n; k++) {
            fpr[k] = 1 - spec[n - 1 - k];
            tpr[k] = sens[n - 1 - k];
        }
        return new io.radflow.charts.data.RocCurve(label, fpr, tpr, roc.auc(), ci.lower(), ci.upper());
    }
}
