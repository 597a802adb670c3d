package io.radflow.study.selection;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Node {@code radflow.study.univariateFilter}: keeps the features whose univariate p-value ({@link UnivariateTest}:
 * {@value #P_TEST} = welch, student, mannWhitney, logistic for binary outcomes; cox for survival) on the training rows
 * is below {@value #P_THRESHOLD}. Report: feature, n, p, kept, reason.
 */
public final class UnivariateFilterNode extends SelectorNode {

    public static final String P_TEST = "test";
    public static final String P_THRESHOLD = "pThreshold";

    @Override
    public void validate(Parameters parameters) {
        Outcome outcome = Outcome.from(parameters);
        UnivariateTest test = UnivariateTest.parse(parameters.getString(P_TEST));
        if (!test.fits(outcome.type())) {
            throw new IllegalArgumentException("parameter '" + P_TEST + "' = " + test.key() + " does not suit a "
                    + outcome.describe() + (outcome.isSurvival() ? "; use cox" : "; use welch, student, mannWhitney or logistic"));
        }
    }

    @Override
    protected Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        Outcome.Values outcome = Outcome.from(parameters).values(data, train, "training rows", context);
        UnivariateTest test = UnivariateTest.parse(parameters.getString(P_TEST));
        double threshold = parameters.getDouble(P_THRESHOLD);
        TableBuilder report = new TableBuilder().text("feature").number("n").number("p").number("kept").text("reason");
        List<String> kept = new ArrayList<>();
        double best = Double.NaN;
        String bestName = null;
        for (int f = 0; f < candidates.size(); f++) {
            context.checkCanceled();
            String name = candidates.get(f);
            double[] x = data.numbers(name, outcome.rows());
            int n = (int) java.util.Arrays.stream(x).filter(Double::isFinite).count();
            try {
                double p = test.pValue(name, x, outcome);
                boolean keep = p < threshold;
                if (keep) {
                    kept.add(name);
                }
                if (bestName == null || p < best) {
                    best = p;
                    bestName = name;
                }
                report.add(name, n, p, keep ? 1 : 0, keep ? "p < " + threshold : "p >= " + threshold);
            } catch (IllegalArgumentException e) {
                report.add(name, n, null, 0, reason(e));
            }
            context.progress((f + 1.0) / candidates.size(), test.key() + " test " + (f + 1) + " of " + candidates.size());
        }
        String none = bestName == null ? "no p-value could be computed"
                : "the smallest " + test.key() + " p-value is " + best + " (" + bestName + "), not below " + threshold;
        return new Selection(kept, report.build(), none);
    }
}
