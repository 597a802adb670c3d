package io.radflow.stats.survival;

import java.util.ArrayList;
import java.util.List;

/**
 * Cox proportional-hazards regression fitted by Newton-Raphson, reproducing R's
 * {@code coxph(Surv(time, status) ~ x1 + ... + xp, ties = "efron" | "breslow")} (Therneau's
 * {@code coxfit6}). The trainer is immutable configuration; {@link #fit} returns an immutable
 * {@link CoxFit}.
 *
 * <p>Partial log-likelihood, with {@code eta_i = x_i' beta}, {@code r_i = exp(eta_i)}, the risk set
 * {@code R(t) = {i : t_i >= t}} and, at a time {@code t} with {@code d} tied events in the set
 * {@code D(t)}:
 * <ul>
 * <li>Breslow: {@code l(beta) = sum_t [ sum_{i in D} eta_i - d log sum_{j in R} r_j ]};</li>
 * <li>Efron: {@code l(beta) = sum_t [ sum_{i in D} eta_i - sum_{m=0}^{d-1} log( sum_{j in R} r_j
 * - (m/d) sum_{j in D} r_j ) ]}.</li>
 * </ul>
 * Score {@code U} and information {@code I} are its first derivative and negative Hessian. Covariates
 * are centred at their means (which leaves {@code l} unchanged and avoids overflow).
 *
 * <p>Iteration (as R): start at {@code beta = 0}; step {@code I^{-1} U}; if the new log-likelihood is
 * lower than the best so far, halve the step (go to the midpoint with the previous beta); stop when
 * {@code |1 - l_old / l_new| <= eps} (default 1e-9) after a full step, or after {@code maxIterations}
 * (default 20) iterations. Tests: likelihood ratio {@code 2 (l(beta) - l(0))}, Wald
 * {@code beta' I(beta) beta}, score {@code U(0)' I(0)^{-1} U(0)} (the log-rank test for one binary
 * covariate), each chi-square with p degrees of freedom.
 *
 * <p>Errors ({@link IllegalArgumentException}): no rows, fewer subjects than covariates, no events
 * (all censored), NaN or infinite covariates (naming row and column), a constant covariate or a
 * covariate collinear with earlier ones (singular information matrix; naming the column). A coefficient
 * that diverges (monotone likelihood, e.g. all events of one group before any other event) is not an
 * error but is reported by {@link CoxFit#infiniteCoefficients()}, R's warning "Loglik converged before
 * variable j; coefficient may be infinite".
 *
 * <p>References: Cox DR (1972) JRSS-B 34:187-220; Efron B (1977) JASA 72:557-565; Breslow NE (1974)
 * Biometrics 30:89-99; Therneau TM, Grambsch PM (2000), ch. 3.
 */
public final class CoxRegression {

    /** Handling of tied event times. */
    public enum Ties {
        /** Efron's approximation (R's default). */
        EFRON,
        /** Breslow's approximation. */
        BRESLOW;

        /** Parses "efron" or "breslow" (case-insensitive). */
        public static Ties parse(String text) {
            for (Ties t : values()) {
                if (t.name().equalsIgnoreCase(text.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("ties must be efron or breslow, got '" + text + "'");
        }
    }

    /** Pivot tolerance of the Cholesky decomposition, R's {@code .Machine$double.eps^0.75}. */
    static final double CHOLESKY_TOLERANCE = Math.pow(Math.ulp(1.0), 0.75);

    private final Ties ties;
    private final int maxIterations;
    private final double epsilon;

    /** R's defaults: {@code iter.max = 20}, {@code eps = 1e-9}. */
    public CoxRegression(Ties ties) {
        this(ties, 20, 1e-9);
    }

    public CoxRegression(Ties ties, int maxIterations, double epsilon) {
        if (ties == null) {
            throw new IllegalArgumentException("ties must not be null");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        this.ties = ties;
        this.maxIterations = maxIterations;
        this.epsilon = epsilon;
    }

    public Ties ties() {
        return ties;
    }

    /**
     * Fits the model without strata or weights (R {@code coxph(Surv(time, status) ~ x1 + ... + xp)}).
     *
     * @param data       times and events (groups are ignored)
     * @param covariates {@code covariates[row][column]}, one row per subject of {@code data}
     * @param names      one name per column
     */
    public CoxFit fit(SurvivalData data, double[][] covariates, List<String> names) {
        return fit(data, covariates, names, null, null);
    }

    /**
     * Fits the model with optional strata and case weights, R
     * {@code coxph(Surv(time, status) ~ x1 + ... + strata(s), weights = w)}. Each stratum has its own baseline
     * hazard: risk sets are formed within strata. With weights {@code w_i}, every sum over subjects is weighted
     * ({@code sum w_i r_i}, {@code sum w_i eta_i} over events) and the Efron terms use the mean weight of the tied
     * events, as R's {@code coxfit6}. Covariates are centred at their (weighted) means, R's {@code fit$means}.
     *
     * @param strata  one stratum label per subject, or {@code null} for one stratum
     * @param weights one positive finite case weight per subject, or {@code null} for all 1
     * @throws IllegalArgumentException for no rows, fewer subjects than covariates, no events, NaN/infinite values
     *                                  (naming row and column), non-positive weights, a constant column or a column
     *                                  collinear with earlier ones (naming the column)
     */
    public CoxFit fit(SurvivalData data, double[][] covariates, List<String> names, String[] strata, double[] weights) {
        CoxProblem problem = CoxProblem.of(data, covariates, names, strata, weights, ties == Ties.EFRON);
        int p = names.size();
        double[] beta = new double[p];
        CoxProblem.Step start = problem.evaluate(beta);
        double loglikNull = start.loglik();
        double[][] chol = cholesky(start.information(), names);
        double[] a = solve(chol, start.score());
        double scoreTest = 0;
        for (int j = 0; j < p; j++) {
            scoreTest += a[j] * start.score()[j];
        }
        double[] oldBeta = beta.clone();
        double[] newBeta = new double[p];
        for (int j = 0; j < p; j++) {
            newBeta[j] = beta[j] + a[j];
        }
        double best = loglikNull;
        boolean halving = false;
        boolean converged = false;
        int iter;
        CoxProblem.Step current = null;
        for (iter = 1; iter <= maxIterations; iter++) {
            current = problem.evaluate(newBeta);
            chol = cholesky(current.information(), names);
            if (Math.abs(1 - best / current.loglik()) <= epsilon && !halving) {
                converged = true;
                break;
            }
            if (iter == maxIterations) {
                break;
            }
            if (current.loglik() < best || Double.isNaN(current.loglik())) {
                halving = true;
                for (int j = 0; j < p; j++) {
                    newBeta[j] = (oldBeta[j] + newBeta[j]) / 2.0;
                }
            } else {
                halving = false;
                best = current.loglik();
                double[] step = solve(chol, current.score());
                for (int j = 0; j < p; j++) {
                    oldBeta[j] = newBeta[j];
                    newBeta[j] += step[j];
                }
            }
        }
        if (iter > maxIterations) {
            iter = maxIterations;
        }
        double[][] variance = inverse(chol);
        // R coxph.fit: "Loglik converged before variable j; coefficient may be infinite" when the next
        // Newton step |U' V|_j exceeds eps and sqrt(eps) |beta_j|.
        List<String> infinite = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double next = 0;
            for (int k = 0; k < p; k++) {
                next += current.score()[k] * variance[k][j];
            }
            next = Math.abs(next);
            if (next > epsilon && next > Math.sqrt(epsilon) * Math.abs(newBeta[j])) {
                infinite.add(names.get(j));
            }
        }
        double concordance = problem.concordance(newBeta);
        return new CoxFit(names, newBeta, variance, loglikNull, current.loglik(), scoreTest, iter, converged,
                ties, concordance, problem, infinite);
    }

    /**
     * LDL' decomposition (R's {@code cholesky2}): the result holds D on the diagonal and L below it.
     * A pivot below {@code CHOLESKY_TOLERANCE * max diagonal} means the column is a linear combination
     * of earlier columns.
     */
    static double[][] cholesky(double[][] matrix, List<String> names) {
        int p = matrix.length;
        double[][] m = new double[p][];
        for (int i = 0; i < p; i++) {
            m[i] = matrix[i].clone();
        }
        double max = 0;
        for (int i = 0; i < p; i++) {
            if (m[i][i] > max) {
                max = m[i][i];
            }
        }
        double eps = max * CHOLESKY_TOLERANCE;
        for (int i = 0; i < p; i++) {
            double pivot = m[i][i];
            if (!Double.isFinite(pivot) || pivot <= eps) {
                String which = i == 0 ? "has no variation within the risk sets"
                        : "is collinear with (a linear combination of) " + names.subList(0, i);
                throw new IllegalArgumentException("Cox regression: column '" + names.get(i) + "' " + which
                        + "; the information matrix is singular");
            }
            for (int j = i + 1; j < p; j++) {
                double temp = m[j][i] / pivot;
                m[j][j] -= temp * temp * pivot;
                for (int k = j + 1; k < p; k++) {
                    m[k][j] -= temp * m[k][i];
                }
                m[j][i] = temp;
            }
        }
        return m;
    }

    /** Solves {@code (L D L') y = b} from {@link #cholesky}. */
    static double[] solve(double[][] ldl, double[] b) {
        int p = b.length;
        double[] y = b.clone();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                y[i] -= ldl[i][j] * y[j];
            }
        }
        for (int i = p - 1; i >= 0; i--) {
            y[i] /= ldl[i][i];
            for (int j = i + 1; j < p; j++) {
                y[i] -= ldl[j][i] * y[j];
            }
        }
        return y;
    }

    static double[][] inverse(double[][] ldl) {
        int p = ldl.length;
        double[][] inv = new double[p][p];
        for (int c = 0; c < p; c++) {
            double[] e = new double[p];
            e[c] = 1;
            double[] col = solve(ldl, e);
            for (int r = 0; r < p; r++) {
                inv[r][c] = col[r];
            }
        }
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < r; c++) {
                double s = (inv[r][c] + inv[c][r]) / 2;
                inv[r][c] = s;
                inv[c][r] = s;
            }
        }
        return inv;
    }
}
