package io.radflow.study.selection;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.stats.selection.StepwiseSelection;
import io.radflow.stats.selection.SubsetModel;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;

import java.util.List;
import java.util.Locale;

/**
 * Node {@code radflow.study.stepwise}: stepwise selection ({@link StepwiseSelection}, R {@code MASS::stepAIC} or
 * likelihood-ratio p-values) of a logistic (binary outcome) or Cox (survival) model on the complete training rows.
 * Parameters: {@value #P_CRITERION} (aic; bic with {@code k = log(n)}, n = rows for logistic and events for Cox;
 * p with {@value #P_ENTER}/{@value #P_REMOVE}), {@value #P_DIRECTION} (backward starts from all features, forward
 * and both from none), {@value #P_TIES} for Cox. Report: feature, kept, reason (the step that removed or added it),
 * followed by the path in the log.
 */
public final class StepwiseNode extends SelectorNode {

    public static final String P_CRITERION = "criterion";
    public static final String P_DIRECTION = "direction";
    public static final String P_ENTER = "pEnter";
    public static final String P_REMOVE = "pRemove";
    public static final String P_TIES = "ties";

    @Override
    public void validate(Parameters parameters) {
        Outcome.from(parameters);
        if (parameters.getString(P_CRITERION).equals("p") && parameters.getDouble(P_ENTER) > parameters.getDouble(P_REMOVE)) {
            throw new IllegalArgumentException("parameter '" + P_ENTER + "' must not exceed '" + P_REMOVE + "'");
        }
    }

    @Override
    protected Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        Outcome outcome = Outcome.from(parameters);
        Matrix m = Matrix.completeCases(data, candidates, outcome.values(data, train, "training rows", context), context);
        SubsetModel model = outcome.isSurvival()
                ? SubsetModel.cox(m.outcome().survival(), m.x(), m.names(), CoxRegression.Ties.parse(parameters.getString(P_TIES)))
                : SubsetModel.logistic(m.outcome().y(), m.x(), m.names());
        StepwiseSelection.Criterion criterion = switch (parameters.getString(P_CRITERION)) {
            case "aic" -> StepwiseSelection.Criterion.aic();
            case "bic" -> StepwiseSelection.Criterion.bic(outcome.isSurvival() ? m.outcome().events() : m.x().length);
            case "p" -> StepwiseSelection.Criterion.pValue(parameters.getDouble(P_ENTER), parameters.getDouble(P_REMOVE));
            default -> throw new IllegalArgumentException("parameter '" + P_CRITERION + "' must be aic, bic or p");
        };
        StepwiseSelection.Direction direction = StepwiseSelection.Direction.valueOf(
                parameters.getString(P_DIRECTION).toUpperCase(Locale.ROOT));
        List<String> start = direction == StepwiseSelection.Direction.BACKWARD ? m.names() : List.of();
        StepwiseSelection.Result result = StepwiseSelection.run(model, m.names(), start, direction, criterion);
        context.log("stepwise (" + parameters.getString(P_CRITERION) + ", " + parameters.getString(P_DIRECTION) + ", "
                + m.x().length + " rows):\n" + result);
        TableBuilder report = new TableBuilder().text("feature").number("kept").text("reason");
        for (String name : candidates) {
            String last = "";
            for (int k = 1; k < result.path().size(); k++) {
                StepwiseSelection.Step step = result.path().get(k);
                if (step.change().substring(2).equals(name)) {
                    last = String.format(Locale.ROOT, "step %d: %s (%s %.6g)", k, step.change(),
                            criterion.byPValue() ? "p" : "criterion", step.value());
                }
            }
            boolean kept = result.terms().contains(name);
            report.add(name, kept ? 1 : 0, last.isEmpty() ? (kept ? "kept from the start" : "never added") : last);
        }
        return new Selection(candidates.stream().filter(result.terms()::contains).toList(), report.build(),
                "the " + parameters.getString(P_CRITERION) + " criterion prefers the model without covariates");
    }
}
