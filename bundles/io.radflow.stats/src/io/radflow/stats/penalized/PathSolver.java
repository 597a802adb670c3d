package io.radflow.stats.penalized;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of glmnet's path algorithm shared by the Cox and logistic solvers (Friedman, Hastie,
 * Tibshirani 2010, sections 2.5 and 3): standardisation, the lambda sequence, the sequential strong
 * rule, the KKT check that adds violators back, warm starts and glmnet's early-stopping rules.
 * Subclasses supply the loss: its gradient per feature and the (proximal) Newton solve on the strong set.
 *
 * <p>Not thread-safe: one solver object fits one path. The design is standardised in a private copy.
 */
abstract class PathSolver {

    /** glmnet.control(): big, eps (smallest lambda.min.ratio), mnlam. */
    static final double BIG = 9.9e35;
    static final double MIN_RATIO = 1e-6;
    static final int MIN_LAMBDAS = 5;

    /** Outcome of one solve on the current strong set. */
    enum Status {
        CONVERGED, SATURATED, MAX_PASSES
    }

    final int n;
    final int p;
    /** Standardised columns in the solver's row order; null for excluded (constant) features. */
    final double[][] x;
    final double[] centre;
    final double[] scale;
    final double[] penalty;
    final double alpha;
    final ElasticNetOptions options;
    /** Coefficients on the standardised scale. */
    final double[] beta;
    final boolean[] strong;
    /** Ever-active features in order of entry. */
    final int[] active;
    int activeCount;
    final boolean[] isActive;
    /** Position of each ever-active feature in {@link #active}. */
    final int[] activePosition;
    long passes;

    PathSolver(FeatureMatrix data, int[] rowOrder, ElasticNetOptions options) {
        this.options = options;
        this.n = rowOrder.length;
        this.p = data.columns();
        this.alpha = options.alpha();
        double[] pf = options.penaltyFactor();
        if (pf != null && pf.length != p) {
            throw new IllegalArgumentException("penaltyFactor has " + pf.length + " values but there are " + p
                    + " features");
        }
        x = new double[p][];
        centre = new double[p];
        scale = new double[p];
        boolean any = false;
        for (int j = 0; j < p; j++) {
            double[] src = data.columnView(j);
            double[] col = new double[n];
            boolean constant = true;
            double first = src[rowOrder[0]];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double v = src[rowOrder[i]];
                col[i] = v;
                constant &= v == first;
                sum += v;
            }
            if (constant) {
                continue;
            }
            any = true;
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                col[i] -= mean;
                ss += col[i] * col[i];
            }
            double sd = options.standardize() ? Math.sqrt(ss / n) : 1;
            if (sd != 1) {
                double inv = 1 / sd;
                for (int i = 0; i < n; i++) {
                    col[i] *= inv;
                }
            }
            x[j] = col;
            centre[j] = mean;
            scale[j] = sd;
        }
        if (!any) {
            throw new IllegalArgumentException("All " + p + " features are constant; nothing to fit");
        }
        penalty = new double[p];
        double total = 0;
        for (int j = 0; j < p; j++) {
            penalty[j] = pf == null ? 1 : pf[j];
            total += penalty[j];
        }
        for (int j = 0; j < p; j++) {
            penalty[j] *= p / total;
        }
        beta = new double[p];
        strong = new boolean[p];
        active = new int[p];
        isActive = new boolean[p];
        activePosition = new int[p];
    }

    /** {@code |d loss / d beta_j|} at the current solution, i.e. {@code |x_j' r|} for the working residual r. */
    abstract double gradient(int j);

    /** Minimises the penalised loss over the strong set at {@code lambda}, from the current solution. */
    abstract Status solve(double lambda, long passLimit);

    /** Fraction of null deviance explained by the current solution. */
    abstract double devianceRatio();

    /** Intercept on the standardised scale (0 for Cox). */
    abstract double interceptStandardised();

    /** Null deviance of the whole data (glmnet's nulldev). */
    abstract double nullDeviance();

    /** Whether glmnet stops the default path after point {@code k} (0-based) given the dev ratios so far. */
    abstract boolean stopByDeviance(List<Double> devRatios, int k);

    abstract PenalizedFamily family();

    /** Marks feature j as ever-active (called by subclasses when a coefficient first becomes non-zero). */
    final void activate(int j) {
        if (!isActive[j]) {
            isActive[j] = true;
            activePosition[j] = activeCount;
            active[activeCount++] = j;
        }
    }

    /** Runs the whole path (glmnet's lambda loop) and returns it on the original scale. */
    final ElasticNetPath run(List<String> names) {
        double[] user = options.lambda();
        int nlam = user != null ? user.length : options.nlambda();
        double ratio = Double.isNaN(options.lambdaMinRatio()) ? (n < p ? 0.01 : 1e-4) : options.lambdaMinRatio();
        double step = user != null || nlam == 1 ? 1 : Math.pow(Math.max(MIN_RATIO, ratio), 1.0 / (nlam - 1));
        int dfmax = options.maxVariables() > 0 ? options.maxVariables() : p + 1;
        int pmax = options.maxEverActive() > 0 ? options.maxEverActive() : Math.min(2 * dfmax + 20, p);

        double[] ga = new double[p];
        for (int j = 0; j < p; j++) {
            if (x[j] != null) {
                ga[j] = gradient(j);
            }
        }
        List<Double> lambdas = new ArrayList<>();
        List<Double> intercepts = new ArrayList<>();
        List<double[]> betas = new ArrayList<>();
        List<Double> devs = new ArrayList<>();
        String warning = null;
        double al = 0;
        for (int k = 0; k < nlam; k++) {
            double al0 = al;
            if (user != null) {
                al = user[k];
            } else if (k >= 2) {
                al *= step;
            } else if (k == 0) {
                al = BIG;
            } else {
                al0 = 0;
                for (int j = 0; j < p; j++) {
                    if (x[j] != null && penalty[j] > 0) {
                        al0 = Math.max(al0, ga[j] / penalty[j]);
                    }
                }
                al0 /= Math.max(alpha, 1e-3);
                al = step * al0;
            }
            double strongThreshold = alpha * (2 * al - al0);
            for (int j = 0; j < p; j++) {
                if (x[j] != null && !strong[j] && ga[j] > strongThreshold * penalty[j]) {
                    strong[j] = true;
                }
            }
            Status status;
            while (true) {
                status = solve(al, options.maxPasses());
                if (status == Status.MAX_PASSES || activeCount > pmax) {
                    break;
                }
                boolean added = false;
                double kkt = alpha * al;
                for (int j = 0; j < p; j++) {
                    if (x[j] != null && !strong[j]) {
                        ga[j] = gradient(j);
                        if (ga[j] > kkt * penalty[j]) {
                            strong[j] = true;
                            added = true;
                        }
                    }
                }
                if (!added) {
                    break;
                }
            }
            if (status == Status.MAX_PASSES) {
                warning = "Convergence for lambda number " + (k + 1) + " not reached after " + options.maxPasses()
                        + " passes; the path holds the solutions for the larger lambdas";
                break;
            }
            if (activeCount > pmax) {
                warning = "More than maxEverActive = " + pmax + " features entered at lambda number " + (k + 1)
                        + "; the path holds the solutions for the larger lambdas";
                break;
            }
            lambdas.add(al);
            intercepts.add(interceptStandardised());
            betas.add(beta.clone());
            devs.add(devianceRatio());
            if (status == Status.SATURATED) {
                break;
            }
            if (k + 1 < Math.min(MIN_LAMBDAS, nlam) || user != null) {
                continue;
            }
            int nonzero = 0;
            for (int i = 0; i < activeCount; i++) {
                if (beta[active[i]] != 0) {
                    nonzero++;
                }
            }
            if (nonzero > dfmax || stopByDeviance(devs, k)) {
                break;
            }
        }
        if (lambdas.isEmpty()) {
            throw new IllegalStateException(warning);
        }
        return toPath(names, lambdas, intercepts, betas, devs, user == null, warning);
    }

    private ElasticNetPath toPath(List<String> names, List<Double> lambdas, List<Double> intercepts,
            List<double[]> betas, List<Double> devs, boolean fixFirst, String warning) {
        int m = lambdas.size();
        double[] lam = new double[m];
        double[] a0 = new double[m];
        double[][] b = new double[m][];
        double[] dev = new double[m];
        for (int k = 0; k < m; k++) {
            lam[k] = lambdas.get(k);
            dev[k] = devs.get(k);
            double[] std = betas.get(k);
            double[] orig = new double[p];
            double shift = 0;
            for (int j = 0; j < p; j++) {
                if (std[j] != 0) {
                    orig[j] = std[j] / scale[j];
                    shift += orig[j] * centre[j];
                }
            }
            b[k] = orig;
            a0[k] = family() == PenalizedFamily.COX ? 0 : intercepts.get(k) - shift;
        }
        if (fixFirst && m > 2) {
            // glmnet's fix.lam: the first fit uses lambda = big; report the entry lambda instead
            lam[0] = Math.exp(2 * Math.log(lam[1]) - Math.log(lam[2]));
        }
        return new ElasticNetPath(family(), names, lam, a0, b, dev, nullDeviance(), passes, warning);
    }

    /** Soft-thresholded elastic-net coordinate update {@code S(u, v_j a l) / (curv + v_j (1 - a) l)}. */
    final double update(int j, double u, double curvature, double lambda) {
        double t = penalty[j] * alpha * lambda;
        double au = Math.abs(u) - t;
        if (au <= 0) {
            return 0;
        }
        return Math.copySign(au, u) / (curvature + penalty[j] * (1 - alpha) * lambda);
    }

    static double dot(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
