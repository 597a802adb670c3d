package io.radflow.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fitted Cox model (immutable), with the statistics of R's {@code summary(coxph(...))}.
 *
 * <ul>
 * <li>{@code se_j = sqrt(V_jj)}, {@code V = I(beta)^{-1}}; {@code z_j = beta_j / se_j};
 * Wald p {@code = 2 P(Z > |z_j|)}.</li>
 * <li>{@code HR_j = exp(beta_j)}, 95 % CI {@code exp(beta_j +/- z_{0.975} se_j)}.</li>
 * <li>Likelihood-ratio test {@code 2 (l(beta) - l(0))}, Wald test {@code beta' V^{-1} beta}, score
 * test {@code U(0)' I(0)^{-1} U(0)}, each chi-square with {@code df = p}.</li>
 * </ul>
 */
public final class CoxFit {

    /** One row of the coefficient table. */
    public record Coefficient(String name, double coef, double se, double z, double p, double hr, double hrLower,
            double hrUpper) {
    }

    private final List<String> names;
    private final double[] beta;
    private final double[][] variance;
    private final double loglikNull;
    private final double loglik;
    private final double scoreTest;
    private final int iterations;
    private final boolean converged;
    private final int n;
    private final int events;
    private final CoxRegression.Ties ties;
    private final double concordance;

    CoxFit(List<String> names, double[] beta, double[][] variance, double loglikNull, double loglik,
            double scoreTest, int iterations, boolean converged, int n, int events, CoxRegression.Ties ties,
            double concordance) {
        this.names = List.copyOf(names);
        this.beta = beta.clone();
        this.variance = new double[variance.length][];
        for (int i = 0; i < variance.length; i++) {
            this.variance[i] = variance[i].clone();
        }
        this.loglikNull = loglikNull;
        this.loglik = loglik;
        this.scoreTest = scoreTest;
        this.iterations = iterations;
        this.converged = converged;
        this.n = n;
        this.events = events;
        this.ties = ties;
        this.concordance = concordance;
    }

    public List<String> names() {
        return names;
    }

    public double[] coefficients() {
        return beta.clone();
    }

    public double[] standardErrors() {
        double[] se = new double[beta.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(variance[j][j]);
        }
        return se;
    }

    /** The coefficient table, one row per covariate in input order. */
    public List<Coefficient> table() {
        List<Coefficient> rows = new ArrayList<>();
        double[] se = standardErrors();
        for (int j = 0; j < beta.length; j++) {
            double z = beta[j] / se[j];
            rows.add(new Coefficient(names.get(j), beta[j], se[j], z, Distributions.normalTwoSided(z),
                    Math.exp(beta[j]), Math.exp(beta[j] - Distributions.Z_975 * se[j]),
                    Math.exp(beta[j] + Distributions.Z_975 * se[j])));
        }
        return List.copyOf(rows);
    }

    /** The row of the named covariate. */
    public Coefficient coefficient(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("No covariate '" + name + "' in the model; covariates are " + names);
        }
        return table().get(j);
    }

    /** Covariance matrix of the coefficients, {@code I(beta)^{-1}} (R {@code fit$var}). */
    public double[][] variance() {
        double[][] copy = new double[variance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = variance[i].clone();
        }
        return copy;
    }

    /** Partial log-likelihood at beta = 0 (R {@code fit$loglik[1]}). */
    public double loglikNull() {
        return loglikNull;
    }

    /** Partial log-likelihood at the estimate (R {@code fit$loglik[2]}). */
    public double loglik() {
        return loglik;
    }

    /** Degrees of freedom of the global tests (number of covariates). */
    public int df() {
        return beta.length;
    }

    public double likelihoodRatioTest() {
        return 2 * (loglik - loglikNull);
    }

    public double likelihoodRatioP() {
        return Distributions.chiSquareUpper(likelihoodRatioTest(), df());
    }

    /** Wald test {@code beta' V^{-1} beta} (R {@code fit$wald.test}). */
    public double waldTest() {
        double[][] ldl = CoxRegression.cholesky(variance, names);
        double[] solved = CoxRegression.solve(ldl, beta);
        double w = 0;
        for (int j = 0; j < beta.length; j++) {
            w += solved[j] * beta[j];
        }
        return w;
    }

    public double waldP() {
        return Distributions.chiSquareUpper(waldTest(), df());
    }

    /** Score (log-rank) test at beta = 0 (R {@code fit$score}). */
    public double scoreTest() {
        return scoreTest;
    }

    public double scoreP() {
        return Distributions.chiSquareUpper(scoreTest, df());
    }

    /** Newton-Raphson iterations done (R {@code fit$iter}). */
    public int iterations() {
        return iterations;
    }

    /** Whether the relative log-likelihood change fell below epsilon within the iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** Number of subjects. */
    public int n() {
        return n;
    }

    /** Number of events. */
    public int events() {
        return events;
    }

    public CoxRegression.Ties ties() {
        return ties;
    }

    /** Harrell's concordance of the linear predictor (R {@code fit$concordance["concordance"]}). */
    public double concordance() {
        return concordance;
    }

    /** An R-like summary. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Cox model (%s ties): n = %d, events = %d, %s after %d iterations%n",
                ties.name().toLowerCase(Locale.ROOT), n, events, converged ? "converged" : "NOT converged", iterations));
        s.append(String.format(Locale.ROOT, "%-20s %12s %12s %12s %10s %10s %12s%n", "", "coef", "exp(coef)",
                "se(coef)", "z", "Pr(>|z|)", "95% CI"));
        for (Coefficient c : table()) {
            s.append(String.format(Locale.ROOT, "%-20s %12.6g %12.6g %12.6g %10.4f %10.4g  %.4g-%.4g%n", c.name(),
                    c.coef(), c.hr(), c.se(), c.z(), c.p(), c.hrLower(), c.hrUpper()));
        }
        s.append(String.format(Locale.ROOT, "Concordance = %.4f%n", concordance));
        s.append(String.format(Locale.ROOT, "Likelihood ratio test = %.4f on %d df, p = %.4g%n",
                likelihoodRatioTest(), df(), likelihoodRatioP()));
        s.append(String.format(Locale.ROOT, "Wald test             = %.4f on %d df, p = %.4g%n", waldTest(), df(),
                waldP()));
        s.append(String.format(Locale.ROOT, "Score (logrank) test  = %.4f on %d df, p = %.4g%n", scoreTest, df(),
                scoreP()));
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
