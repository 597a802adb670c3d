package io.radflow.study.selection;

import io.radflow.core.data.Table;
import io.radflow.core.node.TaskRunner;
import io.radflow.study.data.Outcome;

import java.util.List;

/**
 * What the LASSO / elastic-net selector needs from a penalised-regression implementation: a cross-validated
 * elastic-net fit of a binomial or Cox model (R {@code cv.glmnet}) and the coefficients at the chosen lambda. Kept
 * small so that {@link ElasticNetSelectorNode} does not depend on the implementation's classes; the implementation is
 * {@code io.radflow.stats.penalized} (see docs/study-nodes.md for the wiring).
 */
public interface ElasticNetFitter {

    /** Column of the CV curve table: 1 at lambda.min, else 0. */
    String AT_LAMBDA_MIN = "at_lambda_min";
    /** Column of the CV curve table: 1 at lambda.1se, else 0. */
    String AT_LAMBDA_1SE = "at_lambda_1se";
    /** Column of the CV curve table: 1 at the chosen lambda (lambda.min or lambda.1se as requested), else 0. */
    String CHOSEN = "chosen";

    /**
     * One fit.
     *
     * @param x       complete training rows x features
     * @param names   feature names
     * @param outcome the outcome at those rows (binary: {@code y}; survival: {@code y} = time, {@code event})
     * @param alpha   elastic-net mixing (1 = LASSO)
     * @param folds   number of cross-validation folds
     * @param seed    seed of the fold assignment
     * @param oneSe   {@code true}: lambda.1se, {@code false}: lambda.min
     */
    record Request(double[][] x, List<String> names, Outcome.Values outcome, double alpha, int folds, long seed,
            boolean oneSe) {
        public Request {
            names = List.copyOf(names);
        }
    }

    /**
     * The fit at the chosen lambda.
     *
     * @param lambda       the chosen lambda
     * @param intercept    the intercept on the original scale (0 for Cox)
     * @param coefficients one per feature, on the original scale (0 = not selected)
     * @param cvCurve      the cross-validation curve (columns lambda, cvm, cvsd, nonzero, {@value #AT_LAMBDA_MIN},
     *                     {@value #AT_LAMBDA_1SE}, {@value #CHOSEN}), for the CV plot
     * @param path         the coefficient path (columns lambda and one per feature), for the path plot
     */
    record Result(double lambda, double intercept, double[] coefficients, Table cvCurve, Table path) {
        public Result {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }
    }

    /** Fits; throws {@link IllegalArgumentException} with a readable message for data it cannot fit. */
    Result fit(Request request);

    /**
     * Fits with the cross-validation folds run as tasks of {@code tasks} (the node's
     * {@link io.radflow.core.node.ExecutionContext#taskRunner()}); the result must equal {@link #fit(Request)}.
     * This default ignores {@code tasks}.
     */
    default Result fit(Request request, TaskRunner tasks) {
        return fit(request);
    }
}
