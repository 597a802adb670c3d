package io.radflow.charts.data;

import java.util.List;

/**
 * A LASSO (or elastic-net) coefficient path as R's {@code glmnet} returns it: the lambda sequence and,
 * per predictor, its coefficient at each lambda; with the cross-validated choices lambda.min and
 * lambda.1se ({@code NaN} when not known).
 */
public record LassoPath(double[] lambdas, List<Coefficient> coefficients, double lambdaMin, double lambda1se) {

    /** The path of one predictor's coefficient. */
    public record Coefficient(String name, double[] values) {
        public Coefficient {
            Checks.name("LASSO coefficient", name);
            values = Checks.finite("LASSO coefficient '" + name + "'", values);
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    public LassoPath {
        lambdas = positive("LASSO path lambdas", lambdas);
        coefficients = List.copyOf(coefficients);
        for (Coefficient c : coefficients) {
            if (c.values.length != lambdas.length) {
                throw new IllegalArgumentException("LASSO coefficient '" + c.name() + "' has " + c.values.length
                        + " values for " + lambdas.length + " lambdas");
            }
        }
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    static double[] positive(String where, double[] values) {
        double[] copy = Checks.finite(where, values);
        for (int i = 0; i < copy.length; i++) {
            if (!(copy[i] > 0)) {
                throw new IllegalArgumentException(where + "[" + i + "] must be positive (drawn on log(lambda)), got "
                        + copy[i]);
            }
        }
        return copy;
    }
}
