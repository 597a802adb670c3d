package io.radflow.stats.penalized;

/**
 * Result of {@link ElasticNetCrossValidation}: the path fitted on all rows plus, per lambda, the mean
 * cross-validated loss {@code cvm}, its standard error {@code cvsd}, the number of non-zero coefficients,
 * and the chosen lambdas, as R's {@code cv.glmnet} object. Immutable; arrays are copies.
 *
 * <p>{@code lambda.min} is the largest lambda with the best {@code cvm}; {@code lambda.1se} the largest
 * lambda whose {@code cvm} is within one {@code cvsd} of that best ({@code getOptcv.glmnet}).
 */
public final class CrossValidatedPath {

    private final ElasticNetPath fit;
    private final CvMeasure measure;
    private final Folds folds;
    private final double[] lambda;
    private final double[] cvm;
    private final double[] cvsd;
    private final int[] nonzero;
    private final int indexMin;
    private final int index1se;

    CrossValidatedPath(ElasticNetPath fit, CvMeasure measure, Folds folds, double[] lambda, double[] cvm,
            double[] cvsd, int[] nonzero, int indexMin, int index1se) {
        this.fit = fit;
        this.measure = measure;
        this.folds = folds;
        this.lambda = lambda;
        this.cvm = cvm;
        this.cvsd = cvsd;
        this.nonzero = nonzero;
        this.indexMin = indexMin;
        this.index1se = index1se;
    }

    /** The path fitted on all rows ({@code glmnet.fit}). */
    public ElasticNetPath fit() {
        return fit;
    }

    public CvMeasure measure() {
        return measure;
    }

    public Folds folds() {
        return folds;
    }

    /** Lambda values with a defined cvsd (normally the whole path). */
    public double[] lambda() {
        return lambda.clone();
    }

    public double[] cvm() {
        return cvm.clone();
    }

    public double[] cvsd() {
        return cvsd.clone();
    }

    public double[] cvup() {
        double[] out = new double[cvm.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = cvm[k] + cvsd[k];
        }
        return out;
    }

    public double[] cvlo() {
        double[] out = new double[cvm.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = cvm[k] - cvsd[k];
        }
        return out;
    }

    /** Non-zero coefficients of the full fit at each lambda ({@code nzero}). */
    public int[] nonzero() {
        return nonzero.clone();
    }

    /** 0-based index (into {@link #lambda()}) of lambda.min. */
    public int indexMin() {
        return indexMin;
    }

    /** 0-based index (into {@link #lambda()}) of lambda.1se. */
    public int index1se() {
        return index1se;
    }

    public double lambdaMin() {
        return lambda[indexMin];
    }

    public double lambda1se() {
        return lambda[index1se];
    }

    /** Coefficients (original scale) of the full fit at lambda {@code s}, e.g. {@link #lambdaMin()}. */
    public double[] coefficients(double s) {
        return fit.coefficientsAt(s);
    }

    /** Linear predictor of the full fit at lambda {@code s} ({@code predict(cvfit, newx, s)}). */
    public double[] linearPredictor(FeatureMatrix x, double s) {
        return fit.linearPredictor(x, s);
    }
}
