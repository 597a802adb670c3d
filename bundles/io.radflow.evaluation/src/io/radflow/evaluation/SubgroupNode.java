package io.radflow.evaluation;

import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.ConcordanceResult;
import io.radflow.stats.evaluation.Concordance;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.RocAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Node {@code radflow.evaluation.subgroup}: performance of one score within each level of a clinical variable
 * ({@value #P_SUBGROUP}) and overall: AUC with DeLong 95% CI ({@value #P_METRIC} {@code auc}, {@link RocAnalysis},
 * 0/1 outcome) or Harrell's C-index with 95% CI ({@code cindex}, {@link Concordance#harrell}, time and event). A
 * level with fewer than {@value #P_MIN_PATIENTS} patients, a single outcome class or no events gets a row with a
 * note instead of an estimate. Outputs {@value #OUT_TABLE} and {@value #OUT_FIGURE} (forest-style, estimates with
 * a CI only).
 */
public final class SubgroupNode extends EvaluationNode {

    public static final String P_METRIC = "metric";
    public static final String P_SUBGROUP = "subgroup";
    public static final String P_MIN_PATIENTS = "minPatients";

    static final String AUC = "auc";
    static final String C_INDEX = "cindex";

    @Override
    protected String label() {
        return "Subgroup analysis";
    }

    @Override
    public void validate(Parameters parameters) {
        super.validate(parameters);
        String metric = parameters.getString(P_METRIC, AUC);
        if (!metric.equals(AUC) && !metric.equals(C_INDEX)) {
            throw new IllegalArgumentException("parameter '" + P_METRIC + "' must be " + AUC + " or " + C_INDEX
                    + ", got '" + metric + "'");
        }
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        boolean auc = parameters.getString(P_METRIC, AUC).equals(AUC);
        String score = parameters.getString(P_SCORE);
        String subgroup = parameters.getString(P_SUBGROUP);
        int minPatients = parameters.has(P_MIN_PATIENTS) ? parameters.getInt(P_MIN_PATIENTS) : 10;
        EvaluationData.Builder builder = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, score)
                .any(P_SUBGROUP, subgroup);
        if (auc) {
            builder.numeric(P_OUTCOME, parameters.getString(P_OUTCOME));
        } else {
            builder.numeric(P_TIME, parameters.getString(P_TIME)).numeric(P_EVENT, parameters.getString(P_EVENT));
        }
        EvaluationData data = builder.build();
        List<String> labels = new ArrayList<>();
        List<double[]> drawn = new ArrayList<>();
        ResultTable result = new ResultTable();
        List<String> levels = new ArrayList<>(new TreeSet<>(List.of(data.texts(subgroup))));
        List<String> names = new ArrayList<>();
        List<EvaluationData> parts = new ArrayList<>();
        names.add("Overall");
        parts.add(data);
        for (String level : levels) {
            names.add(subgroup + " = " + level);
            parts.add(data.subset(subgroup, level));
        }
        for (int k = 0; k < parts.size(); k++) {
            context.checkCanceled();
            EvaluationData part = parts.get(k);
            var row = result.row().put("subgroup", k == 0 ? "overall" : subgroup)
                    .put("level", k == 0 ? "" : levels.get(k - 1)).put("n", part.size());
            String note = null;
            if (k > 0 && part.size() < minPatients) {
                note = "too few patients (" + part.size() + " < " + minPatients + ")";
            } else {
                try {
                    ConfidenceInterval ci;
                    if (auc) {
                        String outcome = parameters.getString(P_OUTCOME);
                        row.put("events", part.positives(outcome));
                        RocAnalysis roc = RocAnalysis.of(part.numbers(score), part.binary(outcome));
                        ci = roc.aucConfidenceInterval(LEVEL);
                        row.put("se", Math.sqrt(roc.delongVariance()));
                    } else {
                        var survival = part.survival(parameters.getString(P_TIME), parameters.getString(P_EVENT), null);
                        row.put("events", survival.eventCount());
                        ConcordanceResult c = Concordance.harrell(survival, part.numbers(score));
                        ci = c.confidenceInterval(LEVEL);
                        row.put("se", c.standardError());
                    }
                    row.put("estimate", ci.estimate()).put("lower", ci.lower()).put("upper", ci.upper());
                    if (Double.isFinite(ci.lower()) && Double.isFinite(ci.upper())) {
                        labels.add(names.get(k) + " (n = " + part.size() + ")");
                        drawn.add(new double[] {ci.estimate(), ci.lower(), ci.upper()});
                    } else {
                        note = "no confidence interval (a single case or control)";
                    }
                } catch (IllegalArgumentException e) {
                    note = e.getMessage();
                }
            }
            if (note != null) {
                row.put("note", note);
                context.log(label() + ": " + names.get(k) + ": " + note);
            }
            row.put("metric", auc ? "AUC" : "C-index").put(EXCLUDED, k == 0 ? data.dropped() : 0);
        }
        String measure = auc ? "AUC" : "C-index";
        return Map.of(OUT_TABLE, result.build(), OUT_FIGURE, figure(performanceForest(
                title(parameters, measure + " by " + subgroup), measure, labels,
                drawn.stream().mapToDouble(v -> v[0]).toArray(), drawn.stream().mapToDouble(v -> v[1]).toArray(),
                drawn.stream().mapToDouble(v -> v[2]).toArray()), parameters));
    }
}
