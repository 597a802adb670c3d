package io.radflow.stats.selection;

import io.radflow.stats.survival.Distributions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stepwise selection of single-column terms for any {@link SubsetModel} (logistic, Cox), by an information
 * criterion as R's {@code MASS::stepAIC(fit, scope = list(lower = ~1, upper = ~ all), direction, k)} or by
 * likelihood-ratio p-values. Stateless; {@link #run} returns an immutable {@link Result}.
 *
 * <p><b>Information criterion</b> {@code IC = -2 l + k edf} ({@code k = 2}: AIC; {@code k = log(n)}: BIC, with
 * n the number of observations for logistic and, conventionally, of events for Cox). Each step evaluates dropping
 * every term of the model (backward, both) and adding every term of the scope not in it (forward, both), in that
 * order; the change with the smallest IC is made if it is smaller than the current IC (ties keep the current
 * model, then the first candidate), as {@code stepAIC}. The path lists the start ("") and each change
 * ("- x", "+ x") with the IC after it.
 *
 * <p><b>p-value</b> (likelihood-ratio test of one term, {@code p = P(chi2_1 > 2 (l_with - l_without))}):
 * backward drops the term with the largest p while it exceeds {@code pRemove}; forward adds the term with the
 * smallest p while it is below {@code pEnter}; both adds like forward and after each addition drops like
 * backward. The path lists each change with its p. {@code pEnter <= pRemove} is required (no cycling).
 */
public final class StepwiseSelection {

    /** Search direction, as stepAIC's {@code direction}. */
    public enum Direction {
        BACKWARD, FORWARD, BOTH
    }

    /**
     * Selection criterion.
     *
     * @param byPValue {@code true}: likelihood-ratio p-values with {@code pEnter}/{@code pRemove}; {@code false}:
     *                 information criterion with penalty {@code k} per parameter
     */
    public record Criterion(boolean byPValue, double k, double pEnter, double pRemove) {
        public Criterion {
            if (byPValue) {
                if (!(pEnter > 0 && pEnter <= pRemove && pRemove <= 1)) {
                    throw new IllegalArgumentException("need 0 < pEnter <= pRemove <= 1, got pEnter = " + pEnter
                            + ", pRemove = " + pRemove);
                }
            } else if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("the penalty k must be finite and > 0, got " + k);
            }
        }

        /** AIC: {@code k = 2}. */
        public static Criterion aic() {
            return new Criterion(false, 2, Double.NaN, Double.NaN);
        }

        /** BIC: {@code k = log(n)}. */
        public static Criterion bic(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("BIC needs n >= 2, got " + n);
            }
            return new Criterion(false, Math.log(n), Double.NaN, Double.NaN);
        }

        /** Likelihood-ratio p-value thresholds for entry and removal. */
        public static Criterion pValue(double pEnter, double pRemove) {
            return new Criterion(true, Double.NaN, pEnter, pRemove);
        }
    }

    /**
     * One step of the path.
     *
     * @param change "" for the start, "+ x" or "- x"
     * @param terms  the model after the step
     * @param value  the IC after the step, or the p-value of the changed term
     */
    public record Step(String change, List<String> terms, double value) {
        public Step {
            terms = List.copyOf(terms);
        }
    }

    /** The selected terms and the path that led to them. */
    public record Result(List<String> terms, List<Step> path) {
        public Result {
            terms = List.copyOf(terms);
            path = List.copyOf(path);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Selected: ").append(terms).append('\n');
            for (Step step : path) {
                s.append(String.format(Locale.ROOT, "  %-24s %.6g%n", step.change().isEmpty() ? "<start>"
                        : step.change(), step.value()));
            }
            return s.toString();
        }
    }

    private StepwiseSelection() {
    }

    /**
     * Runs the selection.
     *
     * @param model     refits subsets
     * @param scope     all candidate terms (the upper scope; the lower scope is the empty model)
     * @param start     the starting terms (a subset of the scope)
     * @param direction search direction
     * @param criterion AIC, BIC or p-value thresholds
     */
    public static Result run(SubsetModel model, List<String> scope, List<String> start, Direction direction,
            Criterion criterion) {
        for (String t : start) {
            if (!scope.contains(t)) {
                throw new IllegalArgumentException("start term '" + t + "' is not in the scope " + scope);
            }
        }
        return criterion.byPValue() ? byPValue(model, scope, start, direction, criterion)
                : byInformation(model, scope, start, direction, criterion.k());
    }

    private static Result byInformation(SubsetModel model, List<String> scope, List<String> start,
            Direction direction, double k) {
        List<String> current = new ArrayList<>(start);
        double ic = ic(model.fit(current), k);
        List<Step> path = new ArrayList<>();
        path.add(new Step("", current, ic));
        boolean backward = direction != Direction.FORWARD;
        boolean forward = direction != Direction.BACKWARD;
        while (true) {
            String bestChange = null;
            List<String> bestTerms = null;
            double best = ic;
            if (backward) {
                for (String t : current) {
                    List<String> candidate = new ArrayList<>(current);
                    candidate.remove(t);
                    double value = ic(model.fit(candidate), k);
                    if (value < best) {
                        best = value;
                        bestChange = "- " + t;
                        bestTerms = candidate;
                    }
                }
            }
            if (forward) {
                for (String t : scope) {
                    if (current.contains(t)) {
                        continue;
                    }
                    List<String> candidate = new ArrayList<>(current);
                    candidate.add(t);
                    double value = ic(model.fit(candidate), k);
                    if (value < best) {
                        best = value;
                        bestChange = "+ " + t;
                        bestTerms = candidate;
                    }
                }
            }
            if (bestChange == null) {
                break;
            }
            current = bestTerms;
            ic = best;
            path.add(new Step(bestChange, current, ic));
        }
        return new Result(current, path);
    }

    private static double ic(SubsetModel.Fit fit, double k) {
        return fit.minus2LogLikelihood() + k * fit.edf();
    }

    private static Result byPValue(SubsetModel model, List<String> scope, List<String> start, Direction direction,
            Criterion criterion) {
        List<String> current = new ArrayList<>(start);
        List<Step> path = new ArrayList<>();
        if (direction == Direction.BACKWARD) {
            while (dropWorst(model, current, path, criterion.pRemove())) {
                // repeat until no term exceeds pRemove
            }
        } else {
            while (addBest(model, scope, current, path, criterion.pEnter())) {
                if (direction == Direction.BOTH) {
                    while (dropWorst(model, current, path, criterion.pRemove())) {
                        // drop terms made redundant by the addition
                    }
                }
            }
        }
        return new Result(current, path);
    }

    private static boolean dropWorst(SubsetModel model, List<String> current, List<Step> path, double pRemove) {
        if (current.isEmpty()) {
            return false;
        }
        double full = model.fit(current).minus2LogLikelihood();
        String worst = null;
        double worstP = -1;
        for (String t : current) {
            List<String> candidate = new ArrayList<>(current);
            candidate.remove(t);
            double p = Distributions.chiSquareUpper(model.fit(candidate).minus2LogLikelihood() - full, 1);
            if (p > worstP) {
                worstP = p;
                worst = t;
            }
        }
        if (worstP > pRemove) {
            current.remove(worst);
            path.add(new Step("- " + worst, current, worstP));
            return true;
        }
        return false;
    }

    private static boolean addBest(SubsetModel model, List<String> scope, List<String> current, List<Step> path,
            double pEnter) {
        double base = model.fit(current).minus2LogLikelihood();
        String best = null;
        double bestP = 2;
        for (String t : scope) {
            if (current.contains(t)) {
                continue;
            }
            List<String> candidate = new ArrayList<>(current);
            candidate.add(t);
            double p = Distributions.chiSquareUpper(base - model.fit(candidate).minus2LogLikelihood(), 1);
            if (p < bestP) {
                bestP = p;
                best = t;
            }
        }
        if (best != null && bestP < pEnter) {
            current.add(best);
            path.add(new Step("+ " + best, current, bestP));
            return true;
        }
        return false;
    }
}
