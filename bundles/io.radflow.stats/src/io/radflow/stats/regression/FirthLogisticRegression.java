package io.radflow.stats.regression;

import io.radflow.stats.survival.Distributions;

import java.util.List;

/**
 * Firth's penalised-likelihood logistic regression (Firth 1993; Heinze and Schemper 2002), the estimator of R's
 * {@code logistf::logistf(y ~ x1 + ... + xp)}: finite estimates even under complete or quasi-complete
 * separation, and less small-sample bias.
 *
 * <p>Penalised log-likelihood (Jeffreys prior) {@code l*(beta) = l(beta) + 1/2 log det I(beta)},
 * {@code I = X'WX}, {@code W = diag(pi (1 - pi))}. Modified score
 * {@code U*(beta) = X'(y - pi + h (1/2 - pi))}, {@code h} the diagonal of
 * {@code W^{1/2} X I^{-1} X' W^{1/2}}. Newton-Raphson from {@code beta = 0}: step {@code I^{-1} U*}, scaled so
 * that no coefficient changes by more than 5, halved (up to 30 times) while {@code l*} decreases; it stops
 * after taking a full step whose largest change is below {@code 1e-10} (at most 200 iterations). Standard errors {@code sqrt(diag I(beta)^{-1})}
 * and Wald intervals, as {@code logistf(..., pl = FALSE)}.
 *
 * <p>Errors as {@link LogisticRegression}.
 */
public final class FirthLogisticRegression {

    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-10;
    private static final double MAX_STEP = 5;

    /**
     * A Firth fit (immutable).
     *
     * @param names                  coefficient names, "(Intercept)" first
     * @param penalizedLogLikelihood {@code l*(beta)}
     * @param logLikelihood          the unpenalised {@code l(beta)}
     */
    public record Fit(List<String> names, double[] coefficients, double[] standardErrors, double[] waldLower,
            double[] waldUpper, double penalizedLogLikelihood, double logLikelihood, int iterations,
            boolean converged) {
        public Fit {
            coefficients = coefficients.clone();
            standardErrors = standardErrors.clone();
            waldLower = waldLower.clone();
            waldUpper = waldUpper.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        @Override
        public double[] standardErrors() {
            return standardErrors.clone();
        }

        /** Lower 95 % Wald limits on the log-odds scale. */
        @Override
        public double[] waldLower() {
            return waldLower.clone();
        }

        /** Upper 95 % Wald limits on the log-odds scale. */
        @Override
        public double[] waldUpper() {
            return waldUpper.clone();
        }
    }

    /** Fits the model; {@code y} is 0/1, the intercept is added. */
    public Fit fit(double[] y, double[][] covariates, List<String> names) {
        Design design = Design.of("Firth logistic regression", y, covariates, names);
        int p = design.p();
        double[] beta = new double[p];
        int iter = 0;
        boolean converged = false;
        while (iter < MAX_ITERATIONS) {
            iter++;
            double[] delta = modifiedNewtonStep(design, beta);
            double largest = 0;
            for (double d : delta) {
                largest = Math.max(largest, Math.abs(d));
            }
            if (largest < TOLERANCE) {
                beta = add(beta, delta);
                converged = true;
                break;
            }
            if (largest > MAX_STEP) {
                for (int j = 0; j < p; j++) {
                    delta[j] *= MAX_STEP / largest;
                }
            }
            double old = penalized(design, beta);
            for (int halvings = 0; halvings < 30 && penalized(design, add(beta, delta)) < old; halvings++) {
                for (int j = 0; j < p; j++) {
                    delta[j] /= 2;
                }
            }
            beta = add(beta, delta);
        }
        double[][] v = Design.inverse(Design.cholesky(information(design, beta), design.names(), "Firth"));
        double[] se = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(v[j][j]);
            lo[j] = beta[j] - Distributions.Z_975 * se[j];
            hi[j] = beta[j] + Distributions.Z_975 * se[j];
        }
        double loglik = 0;
        for (int i = 0; i < design.n(); i++) {
            double pi = LogisticFit.logistic(eta(design.x()[i], beta));
            loglik += design.y()[i] == 1 ? Math.log(pi) : Math.log(1 - pi);
        }
        return new Fit(design.names(), beta, se, lo, hi, penalized(design, beta), loglik, iter, converged);
    }

    private static double[] modifiedNewtonStep(Design design, double[] beta) {
        int n = design.n();
        int p = design.p();
        double[][] x = design.x();
        double[] pi = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            pi[i] = LogisticFit.logistic(eta(x[i], beta));
            w[i] = pi[i] * (1 - pi[i]);
        }
        double[][] l = Design.cholesky(Design.crossProduct(x, w), design.names(), "Firth logistic regression");
        double[][] inv = Design.inverse(l);
        double[] score = new double[p];
        for (int i = 0; i < n; i++) {
            double h = 0;
            for (int a = 0; a < p; a++) {
                double s = 0;
                for (int b = 0; b < p; b++) {
                    s += inv[a][b] * x[i][b];
                }
                h += x[i][a] * s;
            }
            h *= w[i];
            double r = design.y()[i] - pi[i] + h * (0.5 - pi[i]);
            for (int a = 0; a < p; a++) {
                score[a] += r * x[i][a];
            }
        }
        return Design.solve(l, score);
    }

    private static double[][] information(Design design, double[] beta) {
        double[] w = new double[design.n()];
        for (int i = 0; i < w.length; i++) {
            double pi = LogisticFit.logistic(eta(design.x()[i], beta));
            w[i] = pi * (1 - pi);
        }
        return Design.crossProduct(design.x(), w);
    }

    /** {@code l(beta) + 1/2 log det I(beta)}; -Inf when I is singular. */
    private static double penalized(Design design, double[] beta) {
        double loglik = 0;
        for (int i = 0; i < design.n(); i++) {
            double e = eta(design.x()[i], beta);
            // y e - log(1 + exp(e)), computed without overflow
            loglik += design.y()[i] * e - (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e)));
        }
        try {
            return loglik + 0.5 * Design.logDeterminant(Design.cholesky(information(design, beta), design.names(),
                    "Firth"));
        } catch (IllegalArgumentException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] + b[j];
        }
        return out;
    }

    private static double eta(double[] xi, double[] b) {
        double e = 0;
        for (int a = 0; a < b.length; a++) {
            e += xi[a] * b[a];
        }
        return e;
    }
}
