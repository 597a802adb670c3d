package io.radflow.stats.penalized;

import java.util.List;

/**
 * Elastic-net logistic path with an intercept, glmnet's {@code lognet} with {@code type.logistic =
 * "Newton"}: each outer step is a Newton (IRLS) step whose quadratic model has the exact weights
 * {@code v_i = w p_i (1 - p_i)} ({@code w = 1/n}); coordinate descent solves it, updating the working
 * residual {@code r_i = w (y_i - p_i) - v_i delta eta_i} after each coordinate and the unpenalised
 * intercept {@code b_0 += sum r / sum v} after each pass. Fitted probabilities beyond
 * {@code [1e-9, 1 - 1e-9]} are set to 0 or 1 and the path ends when {@code sum v} falls below
 * {@code ~1e-9} (saturation), as in glmnet.
 */
final class LogisticPathSolver extends PathSolver {

    private static final double PMIN = 1e-9;
    private static final double FMAX = Math.log(1 / PMIN - 1);
    private static final double VMIN = (1 + PMIN) * PMIN * (1 - PMIN);

    private final double w;
    private final double[] y;
    private final double[] eta;
    private final double[] prob;
    private final double[] v;
    private final double[] r;
    private final double[] curvature;
    private final double[] start;
    private final double nullDev;
    private final double tolerance;
    private double b0;
    private double vSum;

    private LogisticPathSolver(FeatureMatrix x, double[] y, ElasticNetOptions options, int[] order) {
        super(x, order, options);
        this.y = y;
        w = 1.0 / n;
        double q0 = 0;
        for (double yi : y) {
            q0 += w * yi;
        }
        b0 = Math.log(q0 / (1 - q0));
        eta = new double[n];
        prob = new double[n];
        v = new double[n];
        r = new double[n];
        java.util.Arrays.fill(eta, b0);
        for (int i = 0; i < n; i++) {
            prob[i] = q0;
            v[i] = w * q0 * (1 - q0);
            r[i] = w * (y[i] - q0);
        }
        vSum = q0 * (1 - q0);
        nullDev = -(b0 * q0 + Math.log(1 - q0));
        tolerance = options.threshold() * nullDev;
        curvature = new double[p];
        start = new double[p];
    }

    /** Checks the 0/1 outcome (both classes with at least 2 rows, as glmnet) and fits the path. */
    static ElasticNetPath fit(FeatureMatrix x, double[] y, ElasticNetOptions options) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("The feature matrix has " + x.rows() + " rows but the outcome has "
                    + y.length);
        }
        int ones = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("row " + (i + 1) + ": the binary outcome must be 0 or 1, got " + y[i]);
            }
            ones += (int) y[i];
        }
        int minority = Math.min(ones, y.length - ones);
        if (minority <= 1) {
            throw new IllegalArgumentException("The binary outcome has " + ones + " ones and " + (y.length - ones)
                    + " zeros; each class needs at least 2 observations");
        }
        int[] order = new int[y.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return new LogisticPathSolver(x, y.clone(), options, order).run(x.names());
    }

    @Override
    double gradient(int j) {
        return Math.abs(dot(x[j], r, n));
    }

    @Override
    Status solve(double lambda, long passLimit) {
        while (true) {
            double b0Start = b0;
            for (int j = 0; j < p; j++) {
                if (strong[j]) {
                    double[] col = x[j];
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += v[i] * col[i] * col[i];
                    }
                    curvature[j] = s;
                }
                start[j] = beta[j];
            }
            while (true) {
                double dlx = sweep(lambda, true);
                if (++passes > passLimit) {
                    return Status.MAX_PASSES;
                }
                if (dlx < tolerance) {
                    break;
                }
                do {
                    dlx = sweep(lambda, false);
                    if (++passes > passLimit) {
                        return Status.MAX_PASSES;
                    }
                } while (dlx >= tolerance);
            }
            double d0 = b0 - b0Start;
            for (int i = 0; i < n; i++) {
                eta[i] += d0;
            }
            boolean moved = vSum * d0 * d0 >= tolerance;
            for (int a = 0; a < activeCount; a++) {
                int j = active[a];
                double d = beta[j] - start[j];
                if (d != 0) {
                    double[] col = x[j];
                    for (int i = 0; i < n; i++) {
                        eta[i] += d * col[i];
                    }
                    moved |= curvature[j] * d * d >= tolerance;
                }
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double f = eta[i];
                double q = f < -FMAX ? 0 : (f > FMAX ? 1 : 1 / (1 + Math.exp(-f)));
                prob[i] = q;
                v[i] = w * q * (1 - q);
                sum += v[i];
                r[i] = w * (y[i] - q);
            }
            vSum = sum;
            if (vSum <= VMIN) {
                return Status.SATURATED;
            }
            if (!moved) {
                return Status.CONVERGED;
            }
        }
    }

    /** One pass over the strong set (all) or the ever-active set, then the intercept; returns max v d^2. */
    private double sweep(double lambda, boolean all) {
        double dlx = 0;
        int count = all ? p : activeCount;
        for (int c = 0; c < count; c++) {
            int j = all ? c : active[c];
            if (!strong[j]) {
                continue;
            }
            double xv = curvature[j];
            double[] col = x[j];
            double old = beta[j];
            double next = update(j, dot(col, r, n) + xv * old, xv, lambda);
            if (next != old) {
                double d = next - old;
                beta[j] = next;
                dlx = Math.max(dlx, xv * d * d);
                for (int i = 0; i < n; i++) {
                    r[i] -= d * v[i] * col[i];
                }
                activate(j);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += r[i];
        }
        double d = s / vSum;
        if (d != 0) {
            b0 += d;
            dlx = Math.max(dlx, vSum * d * d);
            for (int i = 0; i < n; i++) {
                r[i] -= d * v[i];
            }
        }
        return dlx;
    }

    @Override
    double devianceRatio() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.min(Math.max(PMIN, prob[i]), 1 - PMIN);
            s -= w * (y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q));
        }
        return (nullDev - s) / nullDev;
    }

    @Override
    double interceptStandardised() {
        return b0;
    }

    @Override
    double nullDeviance() {
        return 2.0 * n * nullDev;
    }

    @Override
    boolean stopByDeviance(List<Double> dev, int k) {
        double now = dev.get(k);
        return now > 0.999 || (k >= 1 && now - dev.get(k - 1) < 1e-5);
    }

    @Override
    PenalizedFamily family() {
        return PenalizedFamily.BINOMIAL;
    }
}
