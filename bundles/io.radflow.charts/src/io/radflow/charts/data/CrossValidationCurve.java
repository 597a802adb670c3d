package io.radflow.charts.data;

/**
 * The cross-validation curve of {@code cv.glmnet}: mean error ({@code cvm}) and its standard error
 * ({@code cvsd}) per lambda, the error measure's name (e.g. "Partial likelihood deviance", "Binomial
 * deviance"), the number of non-zero coefficients per lambda, lambda.min and lambda.1se.
 */
public record CrossValidationCurve(String measure, double[] lambdas, double[] meanError, double[] standardError,
        int[] nonZero, double lambdaMin, double lambda1se) {

    public CrossValidationCurve {
        Checks.name("cross-validation measure", measure);
        lambdas = LassoPath.positive("cross-validation lambdas", lambdas);
        meanError = Checks.finite("cross-validation meanError", meanError);
        standardError = Checks.finite("cross-validation standardError", standardError);
        Checks.sameLength("cross-validation lambdas/meanError", lambdas, meanError);
        Checks.sameLength("cross-validation lambdas/standardError", lambdas, standardError);
        nonZero = nonZero == null ? new int[0] : nonZero.clone();
        if (nonZero.length != 0 && nonZero.length != lambdas.length) {
            throw new IllegalArgumentException("cross-validation: " + nonZero.length + " non-zero counts for "
                    + lambdas.length + " lambdas");
        }
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public double[] meanError() {
        return meanError.clone();
    }

    @Override
    public double[] standardError() {
        return standardError.clone();
    }

    @Override
    public int[] nonZero() {
        return nonZero.clone();
    }
}
