package io.radflow.stats.penalized;

import io.radflow.stats.survival.SurvivalData;

/**
 * Elastic-net (LASSO, ridge and in between) regularisation paths for the Cox and logistic models,
 * reproducing R's {@code glmnet(x, y, family = "cox" | "binomial")} (glmnet 4.1).
 *
 * <p><b>Problem.</b> For each lambda on a decreasing path, minimise over {@code (b0, b)}
 * <pre>
 *   -(1/n) l(b0, b) + lambda sum_j v_j [ alpha |b_j| + (1 - alpha) b_j^2 / 2 ]
 * </pre>
 * where {@code l} is the Cox partial log-likelihood with Breslow ties (no intercept) or the binomial
 * log-likelihood (with an unpenalised intercept), on standardised features
 * {@code (x_j - mean_j) / sd_j} with the 1/n variance, and {@code v_j} the penalty factors rescaled to
 * sum to p. Coefficients are returned on the original scale ({@code b_j / sd_j}, intercept
 * {@code b0 - sum b_j mean_j / sd_j}). Constant features are left out and get coefficient 0.
 *
 * <p><b>Lambda path</b> (glmnet's default): {@code lambda_max = max_j |x_j' r_0| / v_j / max(alpha, 1e-3)},
 * the smallest lambda at which all penalised coefficients are 0, with {@code r_0} the null-model
 * working residual (Cox: {@code (delta_i - e_i B_i)/n} at {@code eta = 0}; binomial:
 * {@code (y_i - ybar)/n}); then {@code nlambda} values equally spaced in log down to
 * {@code lambdaMinRatio * lambda_max} (1e-4 if n > p, else 1e-2). The path stops early, as glmnet's, when
 * the deviance ratio passes 0.999 (Cox: 0.99), or changes by less than 1e-5 from the previous lambda
 * (Cox: less than 1e-3 relative over the last 4 lambdas), or more than {@code dfmax} coefficients are
 * non-zero; with user-supplied lambda values it never stops early.
 *
 * <p><b>Algorithm</b> (Friedman, Hastie, Tibshirani 2010; Simon, Friedman, Hastie, Tibshirani 2011):
 * pathwise cyclic coordinate descent with warm starts. At each lambda an outer Newton loop builds a
 * quadratic model of the loss; coordinate descent solves it with the update
 * {@code b_j <- S(g_j + c_j b_j, v_j alpha lambda) / (c_j + v_j (1 - alpha) lambda)} ({@code S} = soft
 * threshold, {@code g_j} the model gradient, {@code c_j} its curvature), first over the strong set
 * (sequential strong rule, Tibshirani et al. 2012: features with
 * {@code |x_j' r| > alpha (2 lambda_k - lambda_{k-1}) v_j}), then repeatedly over the ever-active
 * set until convergence; features that violate the KKT condition {@code |x_j' r| <= alpha lambda v_j}
 * afterwards join the strong set and the solve is repeated. Convergence: the largest
 * {@code c_j (delta b_j)^2} of a pass, and of an outer step, is below {@code threshold} times the null
 * deviance per observation (glmnet's {@code thresh}). The Cox quadratic model uses the full Hessian
 * (see {@code CoxPathSolver}), so the solution is the exact optimum to well below 1e-6.
 *
 * <p><b>Deviance ratio</b>: {@code 1 - D(b) / D_null} with {@code D = 2 (l_sat - l)}; Cox
 * {@code l_sat = -sum_k d_k log d_k} over the event-count per unique event time (glmnet's
 * {@code coxnet.deviance}); binomial {@code l_sat = 0}.
 *
 * <p>Errors ({@link IllegalArgumentException}): rows of x and y differ; all features constant; Cox data
 * all censored; a binary outcome other than 0/1 or with fewer than 2 observations in a class; penalty
 * factors of the wrong length or all 0. NaN in x is rejected by {@link FeatureMatrix} and in times or
 * events by {@link SurvivalData}, naming the row. {@code n < p} is allowed.
 *
 * <p>References: Friedman J, Hastie T, Tibshirani R (2010) Regularization paths for generalized linear
 * models via coordinate descent. J Stat Softw 33(1):1-22. Simon N, Friedman J, Hastie T, Tibshirani R
 * (2011) Regularization paths for Cox's proportional hazards model via coordinate descent. J Stat
 * Softw 39(5):1-13. Tibshirani R et al. (2012) Strong rules for discarding predictors in lasso-type
 * problems. JRSS-B 74:245-266. R package glmnet 4.1 ({@code glmnet}, {@code coef.glmnet}).
 */
public final class ElasticNet {

    private ElasticNet() {
    }

    /** Cox elastic-net path ({@code glmnet(x, Surv(time, status), family = "cox")}). */
    public static ElasticNetPath cox(FeatureMatrix x, SurvivalData y, ElasticNetOptions options) {
        return CoxPathSolver.fit(x, y, options);
    }

    /** Logistic elastic-net path with intercept ({@code glmnet(x, y, family = "binomial")}), y coded 0/1. */
    public static ElasticNetPath binomial(FeatureMatrix x, double[] y, ElasticNetOptions options) {
        return LogisticPathSolver.fit(x, y, options);
    }
}
