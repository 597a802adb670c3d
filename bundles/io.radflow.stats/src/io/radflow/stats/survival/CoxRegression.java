package io.radflow.stats.survival;

import java.util.Arrays;
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
 * <p>Errors ({@link IllegalArgumentException}): no rows, no events, NaN or infinite covariates (naming
 * row and column), a constant covariate or a covariate collinear with earlier ones (singular
 * information matrix; naming the column).
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
     * Fits the model.
     *
     * @param data       times and events (groups are ignored)
     * @param covariates {@code covariates[row][column]}, one row per subject of {@code data}
     * @param names      one name per column
     */
    public CoxFit fit(SurvivalData data, double[][] covariates, List<String> names) {
        int n = data.size();
        int p = names.size();
        if (n == 0) {
            throw new IllegalArgumentException("Cox regression: no rows");
        }
        if (p == 0) {
            throw new IllegalArgumentException("Cox regression: no covariates");
        }
        if (covariates.length != n) {
            throw new IllegalArgumentException("Cox regression: " + covariates.length + " covariate rows but "
                    + n + " survival rows");
        }
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException("Cox regression: no events (all " + n + " subjects are censored)");
        }
        double[] mean = new double[p];
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            if (covariates[i].length != p) {
                throw new IllegalArgumentException("Cox regression: row " + (i + 1) + " has " + covariates[i].length
                        + " covariates, expected " + p + " " + names);
            }
            for (int j = 0; j < p; j++) {
                double v = covariates[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Cox regression: row " + (i + 1) + ", column '" + names.get(j)
                            + "': value is " + (Double.isNaN(v) ? "NaN (missing)" : "infinite"));
                }
                mean[j] += v;
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
            boolean constant = true;
            for (int i = 0; i < n; i++) {
                x[i][j] = covariates[i][j] - mean[j];
                if (covariates[i][j] != covariates[0][j]) {
                    constant = false;
                }
            }
            if (constant) {
                throw new IllegalArgumentException("Cox regression: column '" + names.get(j) + "' is constant ("
                        + covariates[0][j] + " in all " + n + " rows)");
            }
        }
        double[] time = data.time();
        boolean[] event = data.event();
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(time[b], time[a]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        Problem problem = new Problem(x, time, event, order, ties == Ties.EFRON);

        double[] beta = new double[p];
        Step start = problem.evaluate(beta);
        double loglikNull = start.loglik;
        double[][] chol = cholesky(start.information, names);
        double[] a = solve(chol, start.score);
        double scoreTest = 0;
        for (int j = 0; j < p; j++) {
            scoreTest += a[j] * start.score[j];
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
        Step current = null;
        for (iter = 1; iter <= maxIterations; iter++) {
            current = problem.evaluate(newBeta);
            chol = cholesky(current.information, names);
            if (Math.abs(1 - best / current.loglik) <= epsilon && !halving) {
                converged = true;
                break;
            }
            if (iter == maxIterations) {
                break;
            }
            if (current.loglik < best || Double.isNaN(current.loglik)) {
                halving = true;
                for (int j = 0; j < p; j++) {
                    newBeta[j] = (oldBeta[j] + newBeta[j]) / 2.0;
                }
            } else {
                halving = false;
                best = current.loglik;
                double[] step = solve(chol, current.score);
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
        double concordance = concordance(covariates, newBeta, time, event);
        return new CoxFit(names, newBeta, variance, loglikNull, current.loglik, scoreTest, iter, converged,
                n, data.eventCount(), ties, concordance);
    }

    /** Log-likelihood, score and information at one beta. */
    private record Step(double loglik, double[] score, double[][] information) {
    }

    private record Problem(double[][] x, double[] time, boolean[] event, int[] order, boolean efron) {

        Step evaluate(double[] beta) {
            int n = x.length;
            int p = beta.length;
            double loglik = 0;
            double[] u = new double[p];
            double[][] imat = new double[p][p];
            double s0 = 0;
            double[] s1 = new double[p];
            double[][] s2 = new double[p][p];
            double[] eta = new double[n];
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int j = 0; j < p; j++) {
                    e += x[i][j] * beta[j];
                }
                eta[i] = e;
            }
            int k = 0;
            double[] d1 = new double[p];
            double[][] d2 = new double[p][p];
            double[] mean = new double[p];
            while (k < n) {
                double t = time[order[k]];
                int deaths = 0;
                double d0 = 0;
                Arrays.fill(d1, 0);
                for (double[] row : d2) {
                    Arrays.fill(row, 0);
                }
                while (k < n && time[order[k]] == t) {
                    int i = order[k];
                    double r = Math.exp(eta[i]);
                    double[] xi = x[i];
                    s0 += r;
                    for (int a = 0; a < p; a++) {
                        s1[a] += r * xi[a];
                        for (int b = 0; b <= a; b++) {
                            s2[a][b] += r * xi[a] * xi[b];
                        }
                    }
                    if (event[i]) {
                        deaths++;
                        d0 += r;
                        loglik += eta[i];
                        for (int a = 0; a < p; a++) {
                            u[a] += xi[a];
                            d1[a] += r * xi[a];
                            for (int b = 0; b <= a; b++) {
                                d2[a][b] += r * xi[a] * xi[b];
                            }
                        }
                    }
                    k++;
                }
                for (int m = 0; m < deaths; m++) {
                    double f = efron ? (double) m / deaths : 0.0;
                    double denom = s0 - f * d0;
                    loglik -= Math.log(denom);
                    for (int a = 0; a < p; a++) {
                        mean[a] = (s1[a] - f * d1[a]) / denom;
                        u[a] -= mean[a];
                    }
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b <= a; b++) {
                            imat[a][b] += (s2[a][b] - f * d2[a][b]) / denom - mean[a] * mean[b];
                        }
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    imat[b][a] = imat[a][b];
                }
            }
            return new Step(loglik, u, imat);
        }
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

    /**
     * Harrell's concordance of the linear predictor {@code x' beta} with survival, as R's
     * {@code coxph()$concordance}: a pair is comparable when the shorter time is an event (an event
     * and a censoring at the same time count, two events at the same time do not); it is concordant
     * when the subject with the event has the higher predictor. {@code C = (concordant + tied/2) /
     * (concordant + discordant + tied)}, tied = comparable pairs with equal predictors.
     */
    static double concordance(double[][] x, double[] beta, double[] time, boolean[] event) {
        int n = x.length;
        double[] lp = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < beta.length; j++) {
                lp[i] += x[i][j] * beta[j];
            }
        }
        double concordant = 0;
        double discordant = 0;
        double tied = 0;
        for (int i = 0; i < n; i++) {
            if (!event[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                boolean comparable = time[j] > time[i] || (time[j] == time[i] && !event[j]);
                if (!comparable) {
                    continue;
                }
                if (lp[i] > lp[j]) {
                    concordant++;
                } else if (lp[i] < lp[j]) {
                    discordant++;
                } else {
                    tied++;
                }
            }
        }
        double total = concordant + discordant + tied;
        return total == 0 ? Double.NaN : (concordant + tied / 2) / total;
    }
}
