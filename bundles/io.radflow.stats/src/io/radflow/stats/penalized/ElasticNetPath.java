package io.radflow.stats.penalized;

import java.util.List;
import java.util.Optional;

/**
 * A fitted elastic-net regularisation path (immutable; arrays are copied in and out): for each lambda
 * (decreasing) the intercept (0 for Cox) and the coefficients on the original feature scale, the
 * fraction of null deviance explained and the number of non-zero coefficients, as glmnet's
 * {@code glmnet} object ({@code lambda}, {@code a0}, {@code beta}, {@code dev.ratio}, {@code nulldev},
 * {@code df}).
 *
 * <p>{@link #coefficientsAt(double)} interpolates linearly in lambda between the two neighbouring path
 * points, exactly as {@code coef(fit, s = ...)} (glmnet's {@code lambda.interp}, {@code exact = FALSE});
 * values outside the path are clamped to its ends.
 */
public final class ElasticNetPath {

    private final PenalizedFamily family;
    private final List<String> names;
    private final double[] lambda;
    private final double[] intercept;
    private final double[][] beta;
    private final double[] devRatio;
    private final double nullDeviance;
    private final long passes;
    private final String warning;

    ElasticNetPath(PenalizedFamily family, List<String> names, double[] lambda, double[] intercept, double[][] beta,
            double[] devRatio, double nullDeviance, long passes, String warning) {
        this.family = family;
        this.names = List.copyOf(names);
        this.lambda = lambda;
        this.intercept = intercept;
        this.beta = beta;
        this.devRatio = devRatio;
        this.nullDeviance = nullDeviance;
        this.passes = passes;
        this.warning = warning;
    }

    public PenalizedFamily family() {
        return family;
    }

    /** Feature names, in coefficient order. */
    public List<String> names() {
        return names;
    }

    /** Number of lambda values on the path (glmnet may stop before {@code nlambda}). */
    public int size() {
        return lambda.length;
    }

    /** The lambda values, decreasing. */
    public double[] lambda() {
        return lambda.clone();
    }

    public double lambda(int index) {
        return lambda[index];
    }

    /** Intercepts per lambda (all 0 for Cox). */
    public double[] intercepts() {
        return intercept.clone();
    }

    public double intercept(int index) {
        return intercept[index];
    }

    /** Coefficients on the original scale at path point {@code index}. */
    public double[] coefficients(int index) {
        return beta[index].clone();
    }

    /** Fraction of null deviance explained per lambda (glmnet {@code dev.ratio}). */
    public double[] devRatio() {
        return devRatio.clone();
    }

    /** Null deviance (glmnet {@code nulldev}): Cox {@code 2 (l_sat - l(0))}, binomial {@code -2 l(intercept only)}. */
    public double nullDeviance() {
        return nullDeviance;
    }

    /** Number of non-zero coefficients per lambda (glmnet {@code df}). */
    public int[] nonzeroCounts() {
        int[] out = new int[beta.length];
        for (int k = 0; k < beta.length; k++) {
            for (double b : beta[k]) {
                if (b != 0) {
                    out[k]++;
                }
            }
        }
        return out;
    }

    /** Total coordinate-descent passes over the data. */
    public long passes() {
        return passes;
    }

    /** Why the path ended before its last lambda for a non-statistical reason (pmax reached, no convergence). */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /** Coefficients at any lambda {@code s}, interpolated between path points (glmnet {@code coef(fit, s)}). */
    public double[] coefficientsAt(double s) {
        Interpolation w = interpolate(s);
        double[] out = new double[names.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = w.fraction * beta[w.left][j] + (1 - w.fraction) * beta[w.right][j];
        }
        return out;
    }

    /** Intercept at any lambda {@code s}, interpolated as {@link #coefficientsAt(double)}. */
    public double interceptAt(double s) {
        Interpolation w = interpolate(s);
        return w.fraction * intercept[w.left] + (1 - w.fraction) * intercept[w.right];
    }

    /**
     * Linear predictor {@code a0 + x' beta} at lambda {@code s} for every row of {@code x} (Cox: the log
     * relative hazard {@code x' beta}, uncentred, as {@code predict(fit, newx, s)}; binomial: the log-odds).
     */
    public double[] linearPredictor(FeatureMatrix x, double s) {
        if (!x.names().equals(names)) {
            throw new IllegalArgumentException("Feature names differ from the fitted model's: " + x.names() + " vs "
                    + names);
        }
        double[] b = coefficientsAt(s);
        double a0 = interceptAt(s);
        double[] out = new double[x.rows()];
        java.util.Arrays.fill(out, a0);
        for (int j = 0; j < b.length; j++) {
            if (b[j] != 0) {
                double[] col = x.columnView(j);
                for (int i = 0; i < out.length; i++) {
                    out[i] += b[j] * col[i];
                }
            }
        }
        return out;
    }

    private record Interpolation(int left, int right, double fraction) {
    }

    /** glmnet's lambda.interp: positions in the normalised lambda scale, linear interpolation. */
    private Interpolation interpolate(double s) {
        int k = lambda.length;
        if (k == 1) {
            return new Interpolation(0, 0, 1);
        }
        double first = lambda[0];
        double span = first - lambda[k - 1];
        double sfrac = (first - s) / span;
        double[] pos = new double[k];
        for (int i = 0; i < k; i++) {
            pos[i] = (first - lambda[i]) / span;
        }
        sfrac = Math.min(Math.max(sfrac, pos[0]), pos[k - 1]);
        // approx(pos, 1..k, sfrac): index coordinate, then floor/ceiling
        int hi = 1;
        while (hi < k - 1 && pos[hi] < sfrac) {
            hi++;
        }
        int lo = hi - 1;
        double coord = pos[hi] == pos[lo] ? lo : lo + (sfrac - pos[lo]) / (pos[hi] - pos[lo]);
        int left = (int) Math.floor(coord);
        int right = (int) Math.ceil(coord);
        if (left == right || Math.abs(pos[left] - pos[right]) < Math.ulp(1.0)) {
            return new Interpolation(left, right, 1);
        }
        return new Interpolation(left, right, (sfrac - pos[right]) / (pos[left] - pos[right]));
    }
}
