package io.radflow.stats.penalized;

import java.util.Arrays;
import java.util.List;

import io.radflow.stats.survival.SurvivalData;

/**
 * Elastic-net Cox path (Breslow ties) by proximal Newton with coordinate descent inside, on rows sorted
 * by time so that risk-set sums are cumulative sums.
 *
 * <p>With weights {@code w = 1/n}, linear predictor {@code eta}, {@code e_i = w exp(eta_i)}, unique
 * event times {@code t_k}, {@code d_k} = w times the number of events at {@code t_k} and
 * {@code u_k = sum_{y_i >= t_k} e_i}, the loss is {@code -l(beta) = -[sum_i w delta_i eta_i
 * - sum_k d_k log u_k]}. Its gradient in eta is {@code -(w delta_i - e_i B_i)} with
 * {@code B_i = sum_{t_k <= y_i} d_k / u_k}; its Hessian is
 * {@code H = diag(e_i B_i) - sum_k (d_k / u_k^2) e_{R_k} e_{R_k}'}. Each outer step builds the quadratic
 * model with the full Hessian: {@code H x_j} is computed once per step for every strong-set feature
 * by two cumulative passes and cached, so a coordinate update costs two passes over n (a dot product and
 * an axpy), as in glmnet, while the outer loop converges quadratically instead of linearly (glmnet's
 * coxnet keeps only diag(H)). A step that raises the penalised loss is halved. When the non-zero set and
 * signs stop changing during the active-set passes, the quadratic model is solved on that set directly
 * ({@link ActiveSetNewton}); coordinate descent then only confirms it.
 *
 * <p>Censored times tied with an event time are at risk at that time (glmnet and survival::coxph).
 */
final class CoxPathSolver extends PathSolver {

    private static final double ETA_MAX = Math.log(Double.MAX_VALUE * 0.1);

    private final double w;
    private final double[] eventWeight;
    private final int first;
    private final int groups;
    private final int[] groupStart;
    private final double[] deathWeight;
    private final double[] eta;
    private final double[] e;
    private final double[] residual;
    private final double[] model;
    private final double[] u;
    private final double[] cumB;
    private final double[] cumC;
    private final double[] work;
    private final double[][] hx;
    private final double[] curvature;
    private final double logLikNull;
    private final double logLikSaturated;
    private final double tolerance;
    private double logLik;
    private boolean supportChanged;
    private final ActiveSetNewton directSolve;

    private CoxPathSolver(FeatureMatrix x, SurvivalData y, ElasticNetOptions options, int[] order) {
        super(x, order, options);
        w = 1.0 / n;
        eventWeight = new double[n];
        for (int i = 0; i < n; i++) {
            eventWeight[i] = y.event(order[i]) ? w : 0;
        }
        int firstEvent = 0;
        while (firstEvent < n && eventWeight[firstEvent] == 0) {
            firstEvent++;
        }
        if (firstEvent >= n) {
            throw new IllegalArgumentException("All " + n + " observations are censored; a Cox model needs events");
        }
        if (firstEvent >= n - 2) {
            throw new IllegalArgumentException("The first event is at row " + (firstEvent + 1) + " of " + n
                    + " in time order; a Cox path needs more observations at risk after the first event");
        }
        first = firstEvent;
        int[] starts = new int[n + 1];
        int count = 0;
        double current = Double.NaN;
        for (int i = first; i < n; i++) {
            double t = y.time(order[i]);
            if (eventWeight[i] > 0 && !(t == current)) {
                starts[count++] = i;
                current = t;
            }
        }
        groups = count;
        starts[count] = n;
        groupStart = Arrays.copyOf(starts, count + 1);
        deathWeight = new double[groups];
        double sat = 0;
        for (int k = 0; k < groups; k++) {
            for (int i = groupStart[k]; i < groupStart[k + 1]; i++) {
                deathWeight[k] += eventWeight[i];
            }
            sat -= deathWeight[k] * Math.log(deathWeight[k]);
        }
        logLikSaturated = sat;
        eta = new double[n];
        e = new double[n];
        residual = new double[n];
        model = new double[n];
        u = new double[groups];
        cumB = new double[groups];
        cumC = new double[groups];
        work = new double[groups];
        hx = new double[p][];
        curvature = new double[p];
        directSolve = new ActiveSetNewton(this, model, hx, n);
        refresh();
        logLikNull = logLik;
        tolerance = options.threshold() * (logLikSaturated - logLikNull);
    }

    /** Sorts by time (events before censored at equal times), fits the path. */
    static ElasticNetPath fit(FeatureMatrix x, SurvivalData y, ElasticNetOptions options) {
        if (y.size() != x.rows()) {
            throw new IllegalArgumentException("The feature matrix has " + x.rows() + " rows but the survival data has "
                    + y.size());
        }
        Integer[] boxed = new Integer[y.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(y.time(a), y.time(b));
            return c != 0 ? c : Boolean.compare(y.event(b), y.event(a));
        });
        int[] order = new int[boxed.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = boxed[i];
        }
        return new CoxPathSolver(x, y, options, order).run(x.names());
    }

    /** Recomputes e, risk-set sums, log-likelihood and the gradient residual from eta. */
    private void refresh() {
        for (int i = first; i < n; i++) {
            double f = eta[i];
            e[i] = w * Math.exp(f > ETA_MAX ? ETA_MAX : (f < -ETA_MAX ? -ETA_MAX : f));
        }
        double acc = 0;
        for (int k = groups - 1; k >= 0; k--) {
            for (int i = groupStart[k]; i < groupStart[k + 1]; i++) {
                acc += e[i];
            }
            u[k] = acc;
        }
        double ll = 0;
        for (int i = first; i < n; i++) {
            ll += eventWeight[i] * eta[i];
        }
        double b = 0;
        double c = 0;
        for (int k = 0; k < groups; k++) {
            ll -= deathWeight[k] * Math.log(u[k]);
            double r = deathWeight[k] / u[k];
            b += r;
            c += r / u[k];
            cumB[k] = b;
            cumC[k] = c;
            for (int i = groupStart[k]; i < groupStart[k + 1]; i++) {
                residual[i] = eventWeight[i] - e[i] * b;
            }
        }
        logLik = ll;
    }

    /** {@code out = H x} for the current Hessian, by two cumulative passes. */
    private void hessianTimes(double[] x, double[] out) {
        double acc = 0;
        for (int k = groups - 1; k >= 0; k--) {
            for (int i = groupStart[k]; i < groupStart[k + 1]; i++) {
                acc += e[i] * x[i];
            }
            work[k] = acc;
        }
        double t = 0;
        for (int k = 0; k < groups; k++) {
            t += deathWeight[k] / (u[k] * u[k]) * work[k];
            double b = cumB[k];
            for (int i = groupStart[k]; i < groupStart[k + 1]; i++) {
                out[i] = e[i] * (b * x[i] - t);
            }
        }
    }

    @Override
    double gradient(int j) {
        return Math.abs(dot(x[j], residual, n));
    }

    private double penaltyValue(double[] b, double lambda) {
        double s = 0;
        for (int i = 0; i < activeCount; i++) {
            int j = active[i];
            double v = b[j];
            s += penalty[j] * (alpha * Math.abs(v) + 0.5 * (1 - alpha) * v * v);
        }
        return lambda * s;
    }

    @Override
    Status solve(double lambda, long passLimit) {
        double[] start = new double[p];
        double[] etaStart = new double[n];
        while (true) {
            for (int j = 0; j < p; j++) {
                if (strong[j]) {
                    if (hx[j] == null) {
                        hx[j] = new double[n];
                    }
                    hessianTimes(x[j], hx[j]);
                    curvature[j] = Math.max(dot(x[j], hx[j], n), 0);
                }
            }
            directSolve.curvatureChanged();
            System.arraycopy(residual, 0, model, 0, n);
            System.arraycopy(beta, 0, start, 0, p);
            System.arraycopy(eta, 0, etaStart, 0, n);
            double objectiveStart = -logLik + penaltyValue(beta, lambda);
            // coordinate descent on the quadratic model: full strong-set sweep, then active set to convergence
            while (true) {
                double dlx = sweep(lambda, true);
                if (++passes > passLimit) {
                    return Status.MAX_PASSES;
                }
                if (dlx < tolerance) {
                    break;
                }
                int stable = 0;
                int wait = 2;
                do {
                    supportChanged = false;
                    dlx = sweep(lambda, false);
                    if (++passes > passLimit) {
                        return Status.MAX_PASSES;
                    }
                    stable = supportChanged ? 0 : stable + 1;
                    if (dlx >= tolerance && stable >= wait) {
                        stable = 0;
                        wait *= 2;
                        if (directSolve.solve(lambda)) {
                            break;
                        }
                    }
                } while (dlx >= tolerance);
            }
            // the Newton step, halved while it raises the penalised loss
            double change = 0;
            for (int half = 0; ; half++) {
                System.arraycopy(etaStart, 0, eta, 0, n);
                change = 0;
                for (int a = 0; a < activeCount; a++) {
                    int j = active[a];
                    double d = beta[j] - start[j];
                    if (d != 0) {
                        double[] col = x[j];
                        for (int i = 0; i < n; i++) {
                            eta[i] += d * col[i];
                        }
                        change = Math.max(change, curvature[j] * d * d);
                    }
                }
                refresh();
                double objective = -logLik + penaltyValue(beta, lambda);
                if (objective <= objectiveStart + 1e-15 * Math.abs(objectiveStart) || half == 30 || change < tolerance) {
                    break;
                }
                for (int a = 0; a < activeCount; a++) {
                    int j = active[a];
                    beta[j] = 0.5 * (beta[j] + start[j]);
                }
            }
            if (change < tolerance) {
                return Status.CONVERGED;
            }
        }
    }

    /** One coordinate-descent pass over the strong set (all) or the ever-active set; returns max v d^2. */
    private double sweep(double lambda, boolean all) {
        double dlx = 0;
        int count = all ? p : activeCount;
        for (int c = 0; c < count; c++) {
            int j = all ? c : active[c];
            if (!strong[j]) {
                continue;
            }
            double v = curvature[j];
            double old = beta[j];
            double next = update(j, old * v + dot(x[j], model, n), v, lambda);
            if (next != old) {
                double d = next - old;
                beta[j] = next;
                dlx = Math.max(dlx, v * d * d);
                supportChanged |= old == 0 || next == 0;
                double[] h = hx[j];
                for (int i = first; i < n; i++) {
                    model[i] -= d * h[i];
                }
                activate(j);
            }
        }
        return dlx;
    }

    @Override
    double devianceRatio() {
        return (logLik - logLikNull) / (logLikSaturated - logLikNull);
    }

    @Override
    double interceptStandardised() {
        return 0;
    }

    @Override
    double nullDeviance() {
        return 2.0 * n * (logLikSaturated - logLikNull);
    }

    @Override
    boolean stopByDeviance(List<Double> dev, int k) {
        // coxnet: sml = 100 * fdev, devmax = 0.99, the change over mnlam - 1 steps relative to the current ratio
        int back = k - (MIN_LAMBDAS - 1);
        double now = dev.get(k);
        return (back >= 0 && (now - dev.get(back)) / now < 1e-3) || now > 0.99;
    }

    @Override
    PenalizedFamily family() {
        return PenalizedFamily.COX;
    }
}
