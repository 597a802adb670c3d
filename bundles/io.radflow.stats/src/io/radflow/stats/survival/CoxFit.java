package io.radflow.stats.survival;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * The cumulative baseline hazard of one stratum at its distinct times (event and censoring), ascending.
     *
     * @param stratum          the stratum label ("all" without strata)
     * @param times            distinct follow-up times of the stratum
     * @param cumulativeHazard {@code H(t)} at each time
     */
    public record BaselineHazard(String stratum, double[] times, double[] cumulativeHazard) {
        public BaselineHazard {
            times = times.clone();
            cumulativeHazard = cumulativeHazard.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[] cumulativeHazard() {
            return cumulativeHazard.clone();
        }

        /** {@code H(t)}: the value at the last time {@code <= t}, 0 before the first time. */
        public double at(double t) {
            double h = 0;
            for (int k = 0; k < times.length && times[k] <= t; k++) {
                h = cumulativeHazard[k];
            }
            return h;
        }
    }

    /** One row of the proportional-hazards test: a covariate (or "GLOBAL") with its chi-square, df and p. */
    public record ZphRow(String term, double chiSquare, int df, double p) {
    }

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
    private final CoxProblem problem;
    private final List<String> infinite;

    CoxFit(List<String> names, double[] beta, double[][] variance, double loglikNull, double loglik,
            double scoreTest, int iterations, boolean converged, CoxRegression.Ties ties, double concordance,
            CoxProblem problem, List<String> infinite) {
        this.problem = problem;
        this.infinite = List.copyOf(infinite);
        int d = 0;
        for (boolean e : problem.event()) {
            d += e ? 1 : 0;
        }
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
        this.n = problem.n();
        this.events = d;
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

    /** Column means the covariates were centred at, weighted by the case weights (R {@code fit$means}). */
    public double[] means() {
        return problem.means().clone();
    }

    /** Stratum labels (numeric labels in numeric order, others lexical), "all" without strata. */
    public List<String> strata() {
        return problem.strataLabels();
    }

    /**
     * Covariates whose coefficient may be infinite (monotone likelihood, e.g. all events of one group happen
     * before any event of the other): those whose next Newton step {@code |(U' V)_j|} at the estimate exceeds
     * {@code eps} and {@code sqrt(eps) |beta_j|}, R's {@code coxph} warning "Loglik converged before variable
     * j; coefficient may be infinite". Empty when all coefficients are finite.
     */
    public List<String> infiniteCoefficients() {
        return infinite;
    }

    /**
     * The cumulative baseline hazard per stratum, R {@code basehaz(fit, centered)} (= {@code survfit(fit)$cumhaz}).
     * Increment at a time with {@code d} events of weights {@code w_i} and risk-set sums {@code s0 = sum_R w r},
     * {@code d0 = sum_D w r} ({@code r = exp((x - means)' beta)}): Breslow {@code sum_D w / s0}; Efron
     * ({@code ctype = 2}) {@code sum_{m=0}^{d-1} wbar / (s0 - (m/d) d0)}, {@code wbar} the mean event weight.
     *
     * @param centered {@code true}: hazard at {@code x = means()}; {@code false}: at {@code x = 0}, i.e. the
     *                 centred hazard times {@code exp(-means' beta)}
     */
    public List<BaselineHazard> baselineHazard(boolean centered) {
        List<BaselineHazard> hazards = problem.centredBaselineHazard(beta);
        if (centered) {
            return hazards;
        }
        double shift = Math.exp(-dot(problem.means(), beta));
        List<BaselineHazard> out = new ArrayList<>();
        for (BaselineHazard h : hazards) {
            double[] hz = h.cumulativeHazard();
            for (int k = 0; k < hz.length; k++) {
                hz[k] *= shift;
            }
            out.add(new BaselineHazard(h.stratum(), h.times(), hz));
        }
        return List.copyOf(out);
    }

    /**
     * Predicted survival of a new subject with covariates {@code x} in {@code stratum} at the given times, R
     * {@code summary(survfit(fit, newdata), times)$surv}: {@code S(t | x) = exp(-H_c(t) exp((x - means)' beta))},
     * {@code H_c} the centred baseline hazard of the stratum. Times after the stratum's last follow-up time give
     * NaN (R leaves them out).
     *
     * @param stratum the stratum label, or {@code null} / "all" without strata
     */
    public double[] predictSurvival(double[] x, String stratum, double... times) {
        if (x.length != beta.length) {
            throw new IllegalArgumentException("predictSurvival: " + x.length + " covariates given, model has "
                    + beta.length + " " + names);
        }
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException("predictSurvival: covariate '" + names.get(j) + "' is " + x[j]);
            }
        }
        String label = stratum == null ? "all" : stratum;
        BaselineHazard h = baselineHazard(true).stream().filter(b -> b.stratum().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("predictSurvival: no stratum '" + label
                        + "'; strata are " + strata()));
        double[] centred = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            centred[j] = x[j] - problem.means()[j];
        }
        double risk = Math.exp(dot(centred, beta));
        double[] hazardTimes = h.times();
        double last = hazardTimes[hazardTimes.length - 1];
        double[] out = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            out[k] = times[k] > last ? Double.NaN : Math.exp(-h.at(times[k]) * risk);
        }
        return out;
    }

    /**
     * Test of proportional hazards from the scaled Schoenfeld residuals, R {@code cox.zph(fit, transform = "km")}
     * (survival 3.x, Grambsch and Therneau 1994): a score test, at {@code (beta, gamma = 0)}, of adding
     * {@code gamma_j x_j g(t)} with {@code g(t) = 1 - KM(t-)} (Kaplan-Meier of all subjects, left-continuous)
     * centred at its mean over the events. For covariate j, {@code u = (0, U_gamma_j)} and {@code I} the
     * information of {@code (beta, gamma_j)}: {@code chi2 = u' I^{-1} u} on 1 df; GLOBAL uses all gammas
     * ({@code p} df). One row per covariate, then "GLOBAL".
     */
    public List<ZphRow> proportionalHazardsTest() {
        int p = beta.length;
        double[] time = problem.time();
        boolean[] event = problem.event();
        int size = time.length;
        // 1 - KM(t-) of all subjects (unweighted, strata ignored), as survfitKM in cox.zph
        KaplanMeierCurve km = KaplanMeier.fit(SurvivalData.of(time, event));
        double[] kmTimes = km.times();
        double[] kmSurvival = km.survival();
        double[] g = new double[size];
        double eventMean = 0;
        int eventCount = 0;
        for (int i = 0; i < size; i++) {
            int at = Arrays.binarySearch(kmTimes, time[i]);
            g[i] = 1 - (at == 0 ? 1.0 : kmSurvival[at - 1]);
            if (event[i]) {
                eventMean += g[i];
                eventCount++;
            }
        }
        eventMean /= eventCount;
        for (int i = 0; i < size; i++) {
            g[i] -= eventMean;
        }
        double[][][] ui = problem.zphScoreAndInformation(beta, g);
        double[] u = ui[0][0];
        double[][] imat = ui[1];
        List<ZphRow> rows = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            int[] keep = new int[p + 1];
            for (int a = 0; a < p; a++) {
                keep[a] = a;
            }
            keep[p] = p + j;
            double[] uu = new double[p + 1];
            uu[p] = u[p + j];
            double chi = quadraticForm(sub(imat, keep), uu);
            rows.add(new ZphRow(names.get(j), chi, 1, Distributions.chiSquareUpper(chi, 1)));
        }
        double[] uu = new double[2 * p];
        System.arraycopy(u, p, uu, p, p);
        double chi = quadraticForm(imat, uu);
        rows.add(new ZphRow("GLOBAL", chi, p, Distributions.chiSquareUpper(chi, p)));
        return List.copyOf(rows);
    }

    private static double[][] sub(double[][] m, int[] keep) {
        double[][] out = new double[keep.length][keep.length];
        for (int a = 0; a < keep.length; a++) {
            for (int b = 0; b < keep.length; b++) {
                out[a][b] = m[keep[a]][keep[b]];
            }
        }
        return out;
    }

    /** {@code u' M^{-1} u}. */
    private static double quadraticForm(double[][] m, double[] u) {
        RealVector rhs = new ArrayRealVector(u);
        return new LUDecomposition(new Array2DRowRealMatrix(m, false)).getSolver().solve(rhs).dotProduct(rhs);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
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
