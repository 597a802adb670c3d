package io.radflow.study.selection;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.stats.agreement.Correlation;
import io.radflow.stats.agreement.ShapiroWilk;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Node {@code radflow.study.correlationPruning}: removes redundant features, keeping the more relevant of each highly
 * correlated pair. On the training rows:
 * <ol>
 * <li>relevance: the univariate p-value of each feature ({@link UnivariateTest}, parameter {@value #P_TEST});</li>
 * <li>normality: the Shapiro-Wilk p of each feature ({@link ShapiroWilk}, R {@code shapiro.test});</li>
 * <li>features are visited by increasing relevance p (ties in input order); a feature is kept unless its absolute
 * correlation with an already kept feature exceeds {@value #P_THRESHOLD}. The coefficient ({@value #P_METHOD}) is
 * Pearson's, Spearman's, or with {@code auto} Pearson's when both features pass Shapiro-Wilk at {@value #P_ALPHA} and
 * Spearman's otherwise ({@link Correlation}, R {@code cor(x, y, method)}); pairwise complete rows.</li>
 * </ol>
 * Features whose relevance cannot be computed (e.g. constant) are dropped. Report: feature, p, shapiro_p, kept,
 * reason, correlated_with, r.
 */
public final class CorrelationPruningNode extends SelectorNode {

    public static final String P_METHOD = "method";
    public static final String P_THRESHOLD = "threshold";
    public static final String P_ALPHA = "normalityAlpha";
    public static final String P_TEST = UnivariateFilterNode.P_TEST;

    private record Candidate(String name, int order, double[] x, double p, double shapiroP) {
    }

    @Override
    public void validate(Parameters parameters) {
        new UnivariateFilterNode().validate(parameters);
    }

    @Override
    protected Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        Outcome.Values outcome = Outcome.from(parameters).values(data, train, "training rows", context);
        UnivariateTest test = UnivariateTest.parse(parameters.getString(P_TEST));
        String method = parameters.getString(P_METHOD);
        double threshold = parameters.getDouble(P_THRESHOLD);
        double alpha = parameters.getDouble(P_ALPHA);
        TableBuilder report = new TableBuilder().text("feature").number("p").number("shapiro_p").number("kept")
                .text("reason").text("correlated_with").number("r");
        List<Candidate> ranked = new ArrayList<>();
        for (int f = 0; f < candidates.size(); f++) {
            String name = candidates.get(f);
            double[] x = data.numbers(name, outcome.rows());
            try {
                double p = test.pValue(name, x, outcome);
                double[] finite = java.util.Arrays.stream(x).filter(Double::isFinite).toArray();
                double shapiro = method.equals("auto") ? ShapiroWilk.test(finite).p() : Double.NaN;
                ranked.add(new Candidate(name, f, x, p, shapiro));
            } catch (IllegalArgumentException e) {
                report.add(name, null, null, 0, reason(e), null, null);
            }
        }
        ranked.sort(Comparator.comparingDouble(Candidate::p).thenComparingInt(Candidate::order));
        List<Candidate> kept = new ArrayList<>();
        for (int k = 0; k < ranked.size(); k++) {
            context.checkCanceled();
            Candidate c = ranked.get(k);
            Candidate partner = null;
            double partnerR = Double.NaN;
            for (Candidate other : kept) {
                double r = correlation(c, other, method, alpha);
                if (Math.abs(r) > threshold) {
                    partner = other;
                    partnerR = r;
                    break;
                }
            }
            if (partner == null) {
                kept.add(c);
                report.add(c.name(), c.p(), c.shapiroP(), 1, "", null, null);
            } else {
                report.add(c.name(), c.p(), c.shapiroP(), 0, "|r| > " + threshold + " with a more relevant feature",
                        partner.name(), partnerR);
            }
            context.progress((k + 1.0) / ranked.size(), "pruned " + (k + 1) + " of " + ranked.size());
        }
        List<String> names = kept.stream().sorted(Comparator.comparingInt(Candidate::order)).map(Candidate::name).toList();
        return new Selection(names, report.build(), "no feature has a computable relevance p-value");
    }

    private static double correlation(Candidate a, Candidate b, String method, double alpha) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < a.x().length; i++) {
            if (Double.isFinite(a.x()[i]) && Double.isFinite(b.x()[i])) {
                pairs.add(new double[] {a.x()[i], b.x()[i]});
            }
        }
        double[] x = pairs.stream().mapToDouble(v -> v[0]).toArray();
        double[] y = pairs.stream().mapToDouble(v -> v[1]).toArray();
        boolean pearson = method.equals("pearson") || method.equals("auto") && a.shapiroP() >= alpha && b.shapiroP() >= alpha;
        return pearson ? Correlation.pearson(x, y, 0.95).estimate() : Correlation.spearmanApproximate(x, y).estimate();
    }
}
