package io.radflow.stats.regression;

import io.radflow.stats.survival.Distributions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fitted logistic regression (immutable) with what R's {@code summary(glm(..., family = binomial))},
 * {@code confint.default}, MASS {@code confint} and {@code AIC} report.
 *
 * <ul>
 * <li>{@code V = (X'WX)^{-1}} with the weights of the last IRLS iteration (R {@code vcov}); {@code se_j = sqrt(V_jj)},
 * {@code z_j = beta_j / se_j}, Wald p {@code = 2 P(Z > |z_j|)}.</li>
 * <li>Odds ratio {@code exp(beta_j)}; Wald interval {@code beta_j -/+ z_{0.975} se_j} (R {@code confint.default}).</li>
 * <li>Deviance {@code D = -2 l(beta)}, null deviance of the intercept-only model, {@code AIC = D + 2p}
 * (p coefficients including the intercept).</li>
 * </ul>
 */
public final class LogisticFit {

    /** One row of the coefficient table; the interval is the Wald interval of the odds ratio. */
    public record Coefficient(String name, double coef, double se, double z, double p, double oddsRatio,
            double oddsRatioLower, double oddsRatioUpper) {
    }

    /** A confidence interval of a coefficient on the log-odds scale. */
    public record Interval(String name, double lower, double upper) {
    }

    /**
     * Separation diagnosis, never silent (R only warns in some cases, and not at all for quasi-complete separation
     * that happens to meet the deviance criterion).
     *
     * @param detected               whether the maximum-likelihood estimate appears not to exist
     * @param divergingCoefficients  coefficients that keep growing under further Newton steps (may be infinite)
     * @param fittedZeroOrOne        rows with a fitted probability within {@code 10 eps} of 0 or 1 (R's warning
     *                               "fitted probabilities numerically 0 or 1 occurred")
     * @param message                a readable explanation, empty when nothing was detected
     */
    public record Separation(boolean detected, List<String> divergingCoefficients, int fittedZeroOrOne,
            String message) {
    }

    private final Design design;
    private final double[] beta;
    private final double[][] variance;
    private final double deviance;
    private final int iterations;
    private final boolean converged;
    private final LogisticRegression trainer;
    private final Separation separation;

    LogisticFit(Design design, double[] beta, double[][] variance, double deviance, int iterations,
            boolean converged, LogisticRegression trainer) {
        this.design = design;
        this.beta = beta.clone();
        this.variance = variance;
        this.deviance = deviance;
        this.iterations = iterations;
        this.converged = converged;
        this.trainer = trainer;
        this.separation = diagnose();
    }

    /** Coefficient names, "(Intercept)" first. */
    public List<String> names() {
        return design.names();
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

    /** Covariance of the coefficients (R {@code vcov(fit)}). */
    public double[][] variance() {
        double[][] copy = new double[variance.length][];
        for (int j = 0; j < copy.length; j++) {
            copy[j] = variance[j].clone();
        }
        return copy;
    }

    /** The coefficient table (R {@code summary(fit)$coefficients} plus odds ratios with 95 % Wald limits). */
    public List<Coefficient> table() {
        double[] se = standardErrors();
        List<Coefficient> rows = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            double z = beta[j] / se[j];
            rows.add(new Coefficient(names().get(j), beta[j], se[j], z, Distributions.normalTwoSided(z),
                    Math.exp(beta[j]), Math.exp(beta[j] - Distributions.Z_975 * se[j]),
                    Math.exp(beta[j] + Distributions.Z_975 * se[j])));
        }
        return List.copyOf(rows);
    }

    /** Wald intervals {@code beta_j -/+ qnorm(1 - (1 - level)/2) se_j} (R {@code confint.default(fit, level)}). */
    public List<Interval> waldIntervals(double level) {
        double z = Distributions.twoSidedCritical(level);
        double[] se = standardErrors();
        List<Interval> out = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            out.add(new Interval(names().get(j), beta[j] - z * se[j], beta[j] + z * se[j]));
        }
        return List.copyOf(out);
    }

    /**
     * Profile-likelihood intervals on the log-odds scale, as MASS {@code confint(fit, level)} (see
     * {@link LogisticRegression}'s profile algorithm: a grid of constrained refits, an FMM spline, linear
     * inversion); exponentiate for odds ratios. A limit that the profile does not reach is NaN, like R's NA.
     */
    public List<Interval> profileIntervals(double level) {
        double zmax = Math.sqrt(chiSquareQuantile1(1 - (1 - level) / 4));
        double lower = Distributions.normalQuantile((1 - level) / 2);
        double upper = -lower;
        double[] se = standardErrors();
        List<Interval> out = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            double[] ci = trainer.profileInterval(design, beta, se, deviance, j, zmax, lower, upper);
            out.add(new Interval(names().get(j), ci[0], ci[1]));
        }
        return List.copyOf(out);
    }

    /** {@code qchisq(q, 1) = qnorm((1 + q) / 2)^2}. */
    private static double chiSquareQuantile1(double q) {
        double z = Distributions.normalQuantile((1 + q) / 2);
        return z * z;
    }

    /** Residual deviance {@code -2 l(beta)} (R {@code fit$deviance}). */
    public double deviance() {
        return deviance;
    }

    /** Deviance of the intercept-only model (R {@code fit$null.deviance}). */
    public double nullDeviance() {
        double mean = 0;
        for (double v : design.y()) {
            mean += v;
        }
        mean /= design.n();
        double[] mu = new double[design.n()];
        java.util.Arrays.fill(mu, mean);
        return LogisticRegression.deviance(design.y(), mu);
    }

    public int dfNull() {
        return design.n() - 1;
    }

    public int dfResidual() {
        return design.n() - beta.length;
    }

    /** Log-likelihood {@code -D / 2} (R {@code logLik(fit)}). */
    public double logLikelihood() {
        return -deviance / 2;
    }

    /** {@code AIC = D + 2p} (R {@code fit$aic}). */
    public double aic() {
        return deviance + 2 * beta.length;
    }

    /** IRLS iterations (R {@code fit$iter}). */
    public int iterations() {
        return iterations;
    }

    /** Whether the deviance criterion was met within the iteration limit (R {@code fit$converged}). */
    public boolean converged() {
        return converged;
    }

    public int n() {
        return design.n();
    }

    /**
     * Separation diagnosis: detected when IRLS did not converge, when a fitted probability is numerically 0 or 1
     * (R's two warnings), or when up to 25 further Newton steps from the estimate move a coefficient by more than
     * 1 in total (the log-likelihood still increases along a direction: the estimate is infinite). Those
     * coefficients are named; with separation, use {@link FirthLogisticRegression}.
     */
    public Separation separation() {
        return separation;
    }

    private Separation diagnose() {
        int n = design.n();
        double[][] x = design.x();
        double eps = 10 * Math.ulp(1.0);
        int extreme = 0;
        for (int i = 0; i < n; i++) {
            double mu = LogisticRegression.inverseLink(eta(x[i], beta));
            if (mu < eps || mu > 1 - eps) {
                extreme++;
            }
        }
        double[] b = beta.clone();
        List<String> diverging = new ArrayList<>();
        for (int step = 0; step < 25; step++) {
            double[] w = new double[n];
            double[] score = new double[b.length];
            for (int i = 0; i < n; i++) {
                double mu = logistic(eta(x[i], b));
                w[i] = mu * (1 - mu);
                for (int a = 0; a < b.length; a++) {
                    score[a] += (design.y()[i] - mu) * x[i][a];
                }
            }
            double[] delta;
            try {
                delta = Design.solve(Design.cholesky(Design.crossProduct(x, w), names(), "separation check"), score);
            } catch (Design.SingularException e) {
                // the weights of the separated rows underflowed: the direction is that column's
                if (!diverging.contains(names().get(e.column()))) {
                    diverging.add(names().get(e.column()));
                }
                break;
            }
            double largest = 0;
            for (int a = 0; a < b.length; a++) {
                b[a] += delta[a];
                largest = Math.max(largest, Math.abs(delta[a]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        for (int a = 0; a < b.length; a++) {
            if (Math.abs(b[a] - beta[a]) > 1 && !diverging.contains(names().get(a))) {
                diverging.add(names().get(a));
            }
        }
        boolean detected = !converged || extreme > 0 || !diverging.isEmpty();
        StringBuilder message = new StringBuilder();
        if (detected) {
            message.append("Possible (quasi-)complete separation: ");
            List<String> reasons = new ArrayList<>();
            if (!converged) {
                reasons.add("IRLS did not converge in " + iterations + " iterations");
            }
            if (extreme > 0) {
                reasons.add(extreme + " fitted probabilities numerically 0 or 1");
            }
            if (!diverging.isEmpty()) {
                reasons.add("coefficients " + diverging + " keep growing (may be infinite)");
            }
            message.append(String.join("; ", reasons)).append(". Consider Firth's penalised logistic regression.");
        }
        return new Separation(detected, List.copyOf(diverging), extreme, message.toString());
    }

    private static double eta(double[] xi, double[] b) {
        double e = 0;
        for (int a = 0; a < b.length; a++) {
            e += xi[a] * b[a];
        }
        return e;
    }

    /** The logistic function without clamping, computed without overflow. */
    static double logistic(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** An R-like summary. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Logistic regression: n = %d, %s after %d iterations%n", n(),
                converged ? "converged" : "NOT converged", iterations));
        s.append(String.format(Locale.ROOT, "%-20s %12s %12s %10s %10s %12s%n", "", "Estimate", "Std. Error",
                "z value", "Pr(>|z|)", "OR"));
        for (Coefficient c : table()) {
            s.append(String.format(Locale.ROOT, "%-20s %12.6g %12.6g %10.4f %10.4g %12.6g%n", c.name(), c.coef(),
                    c.se(), c.z(), c.p(), c.oddsRatio()));
        }
        s.append(String.format(Locale.ROOT, "Null deviance: %.4f on %d df; residual deviance: %.4f on %d df; AIC %.4f%n",
                nullDeviance(), dfNull(), deviance, dfResidual(), aic()));
        if (separation.detected()) {
            s.append(separation.message()).append('\n');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
