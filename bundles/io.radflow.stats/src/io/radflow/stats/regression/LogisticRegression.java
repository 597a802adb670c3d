package io.radflow.stats.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression by iteratively reweighted least squares, reproducing R's
 * {@code glm(y ~ x1 + ... + xp, family = binomial)} ({@code glm.fit} with {@code epsilon = 1e-8},
 * {@code maxit = 25}). The trainer is immutable configuration; {@link #fit} returns an immutable
 * {@link LogisticFit}.
 *
 * <p>Model: {@code logit P(y_i = 1) = eta_i = x_i' beta} (intercept first). IRLS as {@code glm.fit}: start at
 * {@code mu = (y + 1/2) / 2}, {@code eta = logit(mu)}; each iteration regresses the working response
 * {@code z = eta + (y - mu) / mu'(eta)} on {@code X} with weights {@code W = mu'(eta)^2 / (mu (1 - mu))}
 * ({@code = mu (1 - mu)}), then updates {@code eta = X beta}, {@code mu = 1 / (1 + exp(-eta))}; it stops when
 * {@code |D - D_old| / (|D| + 0.1) < epsilon}, D the deviance {@code -2 sum [y log mu + (1 - y) log(1 - mu)]}.
 * As R, {@code eta} is clamped to {@code [-30, 30]} in the inverse link, and {@code mu'} is at least the
 * machine epsilon.
 *
 * <p>Errors ({@link IllegalArgumentException}): outcome not 0/1 (naming the row), NaN or infinite covariates
 * (naming row and column), an outcome that is constant, a constant or collinear column (naming it), no more
 * rows than coefficients. Separation is not an error but is reported by {@link LogisticFit#separation()}.
 *
 * <p>References: McCullagh P, Nelder JA (1989) Generalized Linear Models, 2nd ed., ch. 2 and 4; R
 * {@code stats::glm.fit}.
 */
public final class LogisticRegression {

    private static final double EPS = Math.ulp(1.0);
    private static final double THRESH = 30;

    private final int maxIterations;
    private final double epsilon;

    /** R's defaults: {@code maxit = 25}, {@code epsilon = 1e-8}. */
    public LogisticRegression() {
        this(25, 1e-8);
    }

    public LogisticRegression(int maxIterations, double epsilon) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        this.maxIterations = maxIterations;
        this.epsilon = epsilon;
    }

    /**
     * Fits {@code glm(y ~ covariates, family = binomial)}.
     *
     * @param y          outcome, 0 or 1 per row
     * @param covariates {@code covariates[row][column]}; the intercept is added
     * @param names      one name per covariate column
     */
    public LogisticFit fit(double[] y, double[][] covariates, List<String> names) {
        Design design = Design.of("Logistic regression", y, covariates, names);
        Irls result = irls(design.x(), design.y(), new double[design.n()], null, design.names());
        return new LogisticFit(design, result.beta, result.variance, result.deviance, result.iterations,
                result.converged, this);
    }

    /** Result of one {@code glm.fit} call. */
    record Irls(double[] beta, double[][] variance, double deviance, int iterations, boolean converged) {
    }

    /**
     * R's {@code glm.fit(x, y, offset = offset, etastart = etastart, family = binomial())} for a model matrix
     * {@code x} (possibly with no column: then only the offset is used).
     */
    Irls irls(double[][] x, double[] y, double[] offset, double[] etastart, List<String> names) {
        int n = y.length;
        int p = x.length == 0 ? 0 : x[0].length;
        double[] eta = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            if (etastart == null) {
                mu[i] = (y[i] + 0.5) / 2;
                eta[i] = Math.log(mu[i] / (1 - mu[i]));
            } else {
                eta[i] = etastart[i];
            }
            mu[i] = inverseLink(eta[i]);
        }
        if (p == 0) {
            for (int i = 0; i < n; i++) {
                mu[i] = inverseLink(offset[i]);
            }
            return new Irls(new double[0], new double[0][0], deviance(y, mu), 0, true);
        }
        double devOld = deviance(y, mu);
        double[] beta = new double[p];
        double[] w = new double[n];
        double[][] lastCholesky = null;
        boolean converged = false;
        int iter;
        for (iter = 1; iter <= maxIterations; iter++) {
            double[] rhs = new double[p];
            for (int i = 0; i < n; i++) {
                double d = muEta(eta[i]);
                double z = eta[i] - offset[i] + (y[i] - mu[i]) / d;
                w[i] = d * d / (mu[i] * (1 - mu[i]));
                for (int a = 0; a < p; a++) {
                    rhs[a] += w[i] * x[i][a] * z;
                }
            }
            lastCholesky = Design.cholesky(Design.crossProduct(x, w), names, "Logistic regression");
            beta = Design.solve(lastCholesky, rhs);
            for (int i = 0; i < n; i++) {
                double e = offset[i];
                for (int a = 0; a < p; a++) {
                    e += x[i][a] * beta[a];
                }
                eta[i] = e;
                mu[i] = inverseLink(e);
            }
            double dev = deviance(y, mu);
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
                converged = true;
                devOld = dev;
                break;
            }
            devOld = dev;
        }
        if (iter > maxIterations) {
            iter = maxIterations;
        }
        return new Irls(beta, Design.inverse(lastCholesky), devOld, iter, converged);
    }

    /** R's {@code binomial()$linkinv}: {@code 1 / (1 + exp(-eta))} with eta clamped to [-30, 30]. */
    static double inverseLink(double eta) {
        double t = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta);
        return t / (1 + t);
    }

    /** R's {@code binomial()$mu.eta}: {@code exp(eta) / (1 + exp(eta))^2}, machine epsilon beyond |eta| > 30. */
    static double muEta(double eta) {
        if (eta > THRESH || eta < -THRESH) {
            return EPS;
        }
        double e = Math.exp(eta);
        return e / ((1 + e) * (1 + e));
    }

    /** Binomial deviance {@code -2 sum [y log mu + (1 - y) log(1 - mu)]} (y in {0, 1}). */
    static double deviance(double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += y[i] == 1 ? -2 * Math.log(mu[i]) : -2 * Math.log(1 - mu[i]);
        }
        return d;
    }

    /**
     * The profile-likelihood confidence interval of coefficient {@code j}, as MASS {@code confint.glm}
     * ({@code profile.glm} then {@code confint.profile.glm}): the signed root deviance
     * {@code z(b) = sign(b - beta_j) sqrt(D(b) - D)}, {@code D(b)} the deviance with {@code beta_j} fixed at
     * {@code b} (an offset) and the other coefficients refitted from the previous step's linear predictor, is
     * evaluated at {@code b = beta_j +/- k * (zmax / 5) * se_j}, {@code k = 1, 2, ...} while {@code |z| < zmax}
     * and {@code k < 10}, {@code zmax = sqrt(qchisq(1 - (1 - level) / 4, 1))}; an interpolating cubic spline
     * (Forsythe-Malcolm-Moler end conditions, R {@code spline(method = "fmm")}, {@code 3m} equally spaced points)
     * through {@code (b, z)} is then inverted by linear interpolation at {@code z = qnorm((1 -/+ level) / 2)}.
     * A limit outside the profiled range is NaN (R's NA).
     */
    double[] profileInterval(Design design, double[] beta, double[] se, double deviance, int j, double zmax,
            double lower, double upper) {
        int n = design.n();
        int p = design.p();
        double[][] x = design.x();
        double[][] xi = new double[n][p - 1];
        List<String> otherNames = new ArrayList<>(design.names());
        otherNames.remove(j);
        for (int i = 0; i < n; i++) {
            for (int a = 0, b = 0; a < p; a++) {
                if (a != j) {
                    xi[i][b++] = x[i][a];
                }
            }
        }
        double del = zmax / 5;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {beta[j], 0});
        for (int sgn = -1; sgn <= 1; sgn += 2) {
            double z = 0;
            double[] lp = new double[n];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    lp[i] += x[i][a] * beta[a];
                }
            }
            for (int step = 1; step < 10 && Math.abs(z) < zmax; step++) {
                double bi = beta[j] + sgn * step * del * se[j];
                double[] offset = new double[n];
                for (int i = 0; i < n; i++) {
                    offset[i] = x[i][j] * bi;
                }
                Irls fit = irls(p == 1 ? new double[0][] : xi, design.y(), offset, lp, otherNames);
                for (int i = 0; i < n; i++) {
                    double e = offset[i];
                    for (int a = 0; a < fit.beta().length; a++) {
                        e += xi[i][a] * fit.beta()[a];
                    }
                    lp[i] = e;
                }
                double zz = fit.deviance() - deviance;
                if (zz <= -1e-3) {
                    throw new IllegalStateException("profiling " + design.names().get(j) + " found a better fit: "
                            + "the original fit had not converged");
                }
                z = sgn * Math.sqrt(Math.max(zz, 0));
                points.add(new double[] {bi, z});
            }
        }
        points.sort((a, b) -> Double.compare(a[1], b[1]));
        double[] bs = new double[points.size()];
        double[] zs = new double[points.size()];
        for (int k = 0; k < bs.length; k++) {
            bs[k] = points.get(k)[0];
            zs[k] = points.get(k)[1];
        }
        double[][] curve = Splines.fmmCurve(bs, zs, 3 * bs.length);
        return new double[] {Splines.approx(curve[1], curve[0], lower), Splines.approx(curve[1], curve[0], upper)};
    }
}
