package io.radflow.stats.selection;

import io.radflow.stats.regression.LogisticRegression;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.SurvivalData;

import java.util.List;

/**
 * A model family that stepwise selection refits on subsets of named covariate columns. Implementations must be
 * deterministic and stateless.
 */
@FunctionalInterface
public interface SubsetModel {

    /**
     * The fit of one subset.
     *
     * @param minus2LogLikelihood {@code -2 l} at the estimate (logistic: the deviance; Cox: {@code -2} partial
     *                            log-likelihood)
     * @param edf                 number of estimated parameters (logistic: covariates + intercept; Cox: covariates),
     *                            as R's {@code extractAIC}
     */
    record Fit(double minus2LogLikelihood, int edf) {
    }

    /** Fits the model with the given terms (possibly none). */
    Fit fit(List<String> terms);

    /** Logistic regression ({@link LogisticRegression}) on the named columns of {@code x}; no terms = intercept only. */
    static SubsetModel logistic(double[] y, double[][] x, List<String> names) {
        LogisticRegression trainer = new LogisticRegression();
        return terms -> {
            if (terms.isEmpty()) {
                double mean = 0;
                for (double v : y) {
                    mean += v;
                }
                mean /= y.length;
                double ll = 0;
                for (double v : y) {
                    ll += v == 1 ? Math.log(mean) : Math.log(1 - mean);
                }
                return new Fit(-2 * ll, 1);
            }
            return new Fit(trainer.fit(y, columns(x, names, terms), terms).deviance(), terms.size() + 1);
        };
    }

    /**
     * Cox regression ({@link CoxRegression}) on the named columns of {@code x}; no terms = the null model, whose
     * partial log-likelihood {@code l(0)} is taken from a fit of the first column ({@code loglikNull}).
     */
    static SubsetModel cox(SurvivalData data, double[][] x, List<String> names, CoxRegression.Ties ties) {
        CoxRegression trainer = new CoxRegression(ties);
        return terms -> {
            if (terms.isEmpty()) {
                List<String> first = List.of(names.get(0));
                return new Fit(-2 * trainer.fit(data, columns(x, names, first), first).loglikNull(), 0);
            }
            return new Fit(-2 * trainer.fit(data, columns(x, names, terms), terms).loglik(), terms.size());
        };
    }

    private static double[][] columns(double[][] x, List<String> names, List<String> terms) {
        int[] idx = new int[terms.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = names.indexOf(terms.get(j));
            if (idx[j] < 0) {
                throw new IllegalArgumentException("No column '" + terms.get(j) + "'; columns are " + names);
            }
        }
        double[][] out = new double[x.length][idx.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                out[i][j] = x[i][idx[j]];
            }
        }
        return out;
    }
}
