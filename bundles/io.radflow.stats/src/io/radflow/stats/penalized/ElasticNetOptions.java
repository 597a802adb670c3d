package io.radflow.stats.penalized;

import java.util.Arrays;

/**
 * Settings of an elastic-net path fit; the defaults are glmnet's (R package glmnet 4.1).
 *
 * <p>The penalty at {@code lambda} is {@code lambda * sum_j v_j [alpha |b_j| + (1 - alpha) b_j^2 / 2]}
 * on the standardised coefficients {@code b_j}, with the penalty factors {@code v_j} rescaled to sum to
 * the number of features (as glmnet does).
 *
 * @param alpha elastic-net mixing, 1 = LASSO, 0 = ridge [1]
 * @param nlambda number of lambda values on the default path [100]
 * @param lambdaMinRatio smallest lambda as a fraction of the largest; NaN = glmnet's default
 *        ({@code 1e-4} if n > p, else {@code 1e-2}) [NaN]
 * @param lambda user-supplied lambda values (sorted decreasing before use), or {@code null} for the
 *        default path; with user values the path never stops early [null]
 * @param standardize scale each feature to unit variance (1/n variance) before fitting; coefficients
 *        are always returned on the original scale [true]
 * @param penaltyFactor one factor per feature (0 = unpenalised), or {@code null} for all 1 [null]
 * @param threshold convergence threshold: coordinate descent stops when the largest
 *        {@code v_j (delta b_j)^2} is below {@code threshold} times the null deviance (per observation),
 *        glmnet's criterion. glmnet's default is 1e-7, which is loose; ours is 1e-10 [1e-10]
 * @param maxPasses maximum number of coordinate-descent passes over the data over the whole path [1e6]
 * @param maxVariables stop the path when more than this many coefficients are non-zero (glmnet
 *        {@code dfmax}); 0 = p + 1 [0]
 * @param maxEverActive stop the path when more than this many features have ever been non-zero
 *        (glmnet {@code pmax}); 0 = {@code min(2 * dfmax + 20, p)} [0]
 */
public record ElasticNetOptions(double alpha, int nlambda, double lambdaMinRatio, double[] lambda,
        boolean standardize, double[] penaltyFactor, double threshold, long maxPasses, int maxVariables,
        int maxEverActive) implements java.io.Serializable {

    public ElasticNetOptions {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (nlambda < 1) {
            throw new IllegalArgumentException("nlambda must be >= 1, got " + nlambda);
        }
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambdaMinRatio must be in (0, 1), got " + lambdaMinRatio);
        }
        if (lambda != null) {
            if (lambda.length == 0) {
                throw new IllegalArgumentException("lambda is empty; pass null for the default path");
            }
            lambda = lambda.clone();
            for (double l : lambda) {
                if (!(l >= 0) || Double.isInfinite(l)) {
                    throw new IllegalArgumentException("lambda values must be finite and >= 0, got " + l);
                }
            }
            Arrays.sort(lambda);
            for (int i = 0, j = lambda.length - 1; i < j; i++, j--) {
                double t = lambda[i];
                lambda[i] = lambda[j];
                lambda[j] = t;
            }
        }
        if (penaltyFactor != null) {
            penaltyFactor = penaltyFactor.clone();
            boolean positive = false;
            for (int j = 0; j < penaltyFactor.length; j++) {
                double v = penaltyFactor[j];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("penalty factor " + (j + 1) + " must be finite and >= 0, got " + v);
                }
                positive |= v > 0;
            }
            if (!positive) {
                throw new IllegalArgumentException("All penalty factors are 0; at least one feature must be penalised");
            }
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, got " + threshold);
        }
        if (maxPasses < 1) {
            throw new IllegalArgumentException("maxPasses must be >= 1, got " + maxPasses);
        }
        if (maxVariables < 0 || maxEverActive < 0) {
            throw new IllegalArgumentException("maxVariables and maxEverActive must be >= 0 (0 = default)");
        }
    }

    /** glmnet's defaults, with a tighter convergence threshold (1e-10). */
    public static ElasticNetOptions defaults() {
        return new ElasticNetOptions(1, 100, Double.NaN, null, true, null, 1e-10, 1_000_000, 0, 0);
    }

    public ElasticNetOptions withAlpha(double value) {
        return new ElasticNetOptions(value, nlambda, lambdaMinRatio, lambda, standardize, penaltyFactor, threshold,
                maxPasses, maxVariables, maxEverActive);
    }

    public ElasticNetOptions withNlambda(int value) {
        return new ElasticNetOptions(alpha, value, lambdaMinRatio, lambda, standardize, penaltyFactor, threshold,
                maxPasses, maxVariables, maxEverActive);
    }

    public ElasticNetOptions withLambdaMinRatio(double value) {
        return new ElasticNetOptions(alpha, nlambda, value, lambda, standardize, penaltyFactor, threshold, maxPasses,
                maxVariables, maxEverActive);
    }

    public ElasticNetOptions withLambda(double[] values) {
        return new ElasticNetOptions(alpha, nlambda, lambdaMinRatio, values, standardize, penaltyFactor, threshold,
                maxPasses, maxVariables, maxEverActive);
    }

    public ElasticNetOptions withStandardize(boolean value) {
        return new ElasticNetOptions(alpha, nlambda, lambdaMinRatio, lambda, value, penaltyFactor, threshold,
                maxPasses, maxVariables, maxEverActive);
    }

    public ElasticNetOptions withPenaltyFactor(double[] values) {
        return new ElasticNetOptions(alpha, nlambda, lambdaMinRatio, lambda, standardize, values, threshold,
                maxPasses, maxVariables, maxEverActive);
    }

    public ElasticNetOptions withThreshold(double value) {
        return new ElasticNetOptions(alpha, nlambda, lambdaMinRatio, lambda, standardize, penaltyFactor, value,
                maxPasses, maxVariables, maxEverActive);
    }

    public ElasticNetOptions withMaxPasses(long value) {
        return new ElasticNetOptions(alpha, nlambda, lambdaMinRatio, lambda, standardize, penaltyFactor, threshold,
                value, maxVariables, maxEverActive);
    }

    /** The user lambda values, decreasing (a copy), or {@code null}. */
    @Override
    public double[] lambda() {
        return lambda == null ? null : lambda.clone();
    }

    /** The penalty factors (a copy), or {@code null}. */
    @Override
    public double[] penaltyFactor() {
        return penaltyFactor == null ? null : penaltyFactor.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElasticNetOptions other && alpha == other.alpha && nlambda == other.nlambda
                && Double.compare(lambdaMinRatio, other.lambdaMinRatio) == 0 && Arrays.equals(lambda, other.lambda)
                && standardize == other.standardize && Arrays.equals(penaltyFactor, other.penaltyFactor)
                && threshold == other.threshold && maxPasses == other.maxPasses && maxVariables == other.maxVariables
                && maxEverActive == other.maxEverActive;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {alpha, nlambda, lambdaMinRatio, threshold, maxPasses, maxVariables,
            maxEverActive}) * 31 + Arrays.hashCode(lambda) * 17 + Arrays.hashCode(penaltyFactor)
                + Boolean.hashCode(standardize);
    }

    @Override
    public String toString() {
        return "ElasticNetOptions[alpha=" + alpha + ", nlambda=" + nlambda + ", lambdaMinRatio=" + lambdaMinRatio
                + ", lambda=" + Arrays.toString(lambda) + ", standardize=" + standardize + ", penaltyFactor="
                + Arrays.toString(penaltyFactor) + ", threshold=" + threshold + ", maxPasses=" + maxPasses
                + ", maxVariables=" + maxVariables + ", maxEverActive=" + maxEverActive + "]";
    }
}
