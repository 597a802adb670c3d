package io.radflow.stats.penalized;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import io.radflow.core.node.SerializableTask;
import io.radflow.core.node.TaskRunner;
import io.radflow.stats.survival.SurvivalData;

/**
 * K-fold cross-validation of an elastic-net path, reproducing R's {@code cv.glmnet} (glmnet 4.1).
 *
 * <p>Procedure: fit the path on all rows; then for each fold k fit a path on the other folds (its own
 * default lambda sequence, as cv.glmnet 4.1 does when no lambda is given) and score the held-out fold at
 * every lambda of the full path with the chosen {@link CvMeasure}, taking the fold's coefficients at that
 * lambda by glmnet's linear interpolation ({@code predict(fit_k, s = lambda)}, clamped to the fold path's
 * ends).
 * Per lambda, with fold scores {@code s_k} and fold weights {@code w_k} (Cox deviance: events in fold k;
 * otherwise rows in fold k):
 * <pre>
 *   cvm  = sum_k w_k s_k / sum_k w_k
 *   cvsd = sqrt( [sum_k w_k (s_k - cvm)^2 / sum_k w_k] / (K - 1) )
 * </pre>
 * (folds with an undefined score are left out of the sums; for the Cox deviance K also drops them).
 * Binomial deviance and class error are first averaged over the rows of each fold (cv.glmnet's
 * {@code grouped = TRUE}). The Cox deviance score of fold k is the grouped partial-likelihood deviance
 * {@code [D(b_-k; all rows) - D(b_-k; rows not in k)] / events_k} (Verweij and van Houwelingen 1993),
 * with {@code D = 2 (l_sat - l)} (Breslow).
 *
 * <p>Folds run as independent tasks on the given {@link Executor} (default: the common fork-join pool) or
 * {@link TaskRunner} (a node's, which may run them on a cluster); each fold task holds copies of all it needs
 * (serialisable) and nothing is shared between them, so results do not depend on where they ran. Results are
 * combined in fold order.
 *
 * <p>References: Verweij PJM, van Houwelingen HC (1993) Cross-validation in survival analysis. Stat Med
 * 12:2305-2314. Simon N et al. (2011) J Stat Softw 39(5). Harrell FE et al. (1982) JAMA 247:2543-2546.
 * R glmnet 4.1 {@code cv.glmnet}, {@code cv.coxnet}, {@code cv.lognet}, {@code getOptcv.glmnet}.
 */
public final class ElasticNetCrossValidation {

    private ElasticNetCrossValidation() {
    }

    /** Cox CV on the common pool. */
    public static CrossValidatedPath cox(FeatureMatrix x, SurvivalData y, ElasticNetOptions options, Folds folds,
            CvMeasure measure) {
        return cox(x, y, options, folds, measure, ForkJoinPool.commonPool());
    }

    /**
     * Cox CV ({@code cv.glmnet(x, Surv(time, status), family = "cox", foldid, type.measure)}).
     *
     * @param measure {@link CvMeasure#DEVIANCE} or {@link CvMeasure#C_INDEX}
     * @throws IllegalArgumentException for a binomial measure, folds of the wrong size, a fold without
     *         events (deviance), or any error of {@link ElasticNet#cox}
     */
    public static CrossValidatedPath cox(FeatureMatrix x, SurvivalData y, ElasticNetOptions options, Folds folds,
            CvMeasure measure, Executor executor) {
        return cox(x, y, options, folds, measure, TaskRunner.on(executor));
    }

    /**
     * Cox CV with the folds run as tasks of {@code tasks} (e.g. the node's {@code ExecutionContext.taskRunner()},
     * which on Spark runs them on the executors); the result equals the sequential one bit for bit.
     *
     * @see #cox(FeatureMatrix, SurvivalData, ElasticNetOptions, Folds, CvMeasure, Executor)
     */
    public static CrossValidatedPath cox(FeatureMatrix x, SurvivalData y, ElasticNetOptions options, Folds folds,
            CvMeasure measure, TaskRunner tasks) {
        if (measure != CvMeasure.DEVIANCE && measure != CvMeasure.C_INDEX) {
            throw new IllegalArgumentException("Cox cross-validation supports DEVIANCE and C_INDEX, not " + measure);
        }
        checkSize(folds, x.rows());
        double[] time = y.time();
        boolean[] event = y.event();
        int k = folds.count();
        double[] weights = new double[k];
        for (int i = 0; i < time.length; i++) {
            if (measure == CvMeasure.C_INDEX || event[i]) {
                weights[folds.ids()[i] - 1]++;
            }
        }
        if (measure == CvMeasure.DEVIANCE) {
            for (int f = 0; f < k; f++) {
                if (weights[f] == 0) {
                    throw new IllegalArgumentException("Fold " + (f + 1) + " has no events; the grouped Cox deviance"
                            + " needs at least one event per fold");
                }
            }
        }
        ElasticNetPath full = ElasticNet.cox(x, y, options);
        double[] lambdas = lambdas(full);
        List<CoxFold> foldTasks = new ArrayList<>(k);
        for (int f = 1; f <= k; f++) {
            foldTasks.add(new CoxFold(x, y, options, folds, measure, lambdas, weights[f - 1], f));
        }
        double[][] scores = tasks.runAll(k + " Cox cross-validation folds", foldTasks).toArray(double[][]::new);
        return summarise(full, measure, folds, scores, weights, measure == CvMeasure.DEVIANCE);
    }

    /** Binomial CV on the common pool. */
    public static CrossValidatedPath binomial(FeatureMatrix x, double[] y, ElasticNetOptions options, Folds folds,
            CvMeasure measure) {
        return binomial(x, y, options, folds, measure, ForkJoinPool.commonPool());
    }

    /**
     * Logistic CV ({@code cv.glmnet(x, y, family = "binomial", foldid, type.measure)}), y coded 0/1.
     *
     * @param measure {@link CvMeasure#DEVIANCE}, {@link CvMeasure#AUC} (needs >= 10 rows per fold, as
     *        cv.glmnet) or {@link CvMeasure#CLASS_ERROR}
     */
    public static CrossValidatedPath binomial(FeatureMatrix x, double[] y, ElasticNetOptions options, Folds folds,
            CvMeasure measure, Executor executor) {
        return binomial(x, y, options, folds, measure, TaskRunner.on(executor));
    }

    /**
     * Logistic CV with the folds run as tasks of {@code tasks} (see
     * {@link #cox(FeatureMatrix, SurvivalData, ElasticNetOptions, Folds, CvMeasure, TaskRunner)}).
     *
     * @see #binomial(FeatureMatrix, double[], ElasticNetOptions, Folds, CvMeasure, Executor)
     */
    public static CrossValidatedPath binomial(FeatureMatrix x, double[] y, ElasticNetOptions options, Folds folds,
            CvMeasure measure, TaskRunner tasks) {
        if (measure == CvMeasure.C_INDEX) {
            throw new IllegalArgumentException("Binomial cross-validation supports DEVIANCE, AUC and CLASS_ERROR, not "
                    + measure);
        }
        checkSize(folds, x.rows());
        int k = folds.count();
        if (measure == CvMeasure.AUC && (double) y.length / k < 10) {
            throw new IllegalArgumentException("AUC needs at least 10 rows per fold on average (" + y.length + " rows, "
                    + k + " folds); use fewer folds or DEVIANCE");
        }
        double[] weights = new double[k];
        for (int id : folds.ids()) {
            weights[id - 1]++;
        }
        ElasticNetPath full = ElasticNet.binomial(x, y, options);
        double[] lambdas = lambdas(full);
        List<BinomialFold> foldTasks = new ArrayList<>(k);
        for (int f = 1; f <= k; f++) {
            foldTasks.add(new BinomialFold(x, y, options, folds, measure, lambdas, f));
        }
        double[][] scores = tasks.runAll(k + " logistic cross-validation folds", foldTasks).toArray(double[][]::new);
        return summarise(full, measure, folds, scores, weights, false);
    }

    private static void checkSize(Folds folds, int rows) {
        if (folds.size() != rows) {
            throw new IllegalArgumentException("Folds cover " + folds.size() + " rows but the data have " + rows);
        }
    }

    private static double[] lambdas(ElasticNetPath full) {
        double[] out = new double[full.size()];
        for (int l = 0; l < out.length; l++) {
            out[l] = full.lambda(l);
        }
        return out;
    }

    /**
     * The scores of fold {@code fold} (1-based) at each of {@code lambdas} (the full path's): the path fitted
     * without the fold, scored as the class comment says. Holds all it needs, so it may run on another machine.
     */
    private record CoxFold(FeatureMatrix x, SurvivalData y, ElasticNetOptions options, Folds folds, CvMeasure measure,
            double[] lambdas, double weight, int fold) implements SerializableTask<double[]> {
        @Override
        public double[] run() {
            try {
                double[] time = y.time();
                boolean[] event = y.event();
                int[] train = folds.rows(fold, true);
                int[] test = folds.rows(fold, false);
                SurvivalData trainY = SurvivalData.of(subset(time, train), subset(event, train));
                ElasticNetPath path = ElasticNet.cox(x.subsetRows(train), trainY, options);
                double[] out = new double[lambdas.length];
                CoxDeviance allRows = measure == CvMeasure.DEVIANCE ? new CoxDeviance(time, event, null) : null;
                CoxDeviance trainRows = measure == CvMeasure.DEVIANCE ? new CoxDeviance(time, event, train) : null;
                for (int l = 0; l < out.length; l++) {
                    double[] b = path.coefficientsAt(lambdas[l]);
                    if (measure == CvMeasure.DEVIANCE) {
                        double[] eta = linear(x, b, null);
                        out[l] = (allRows.deviance(eta) - trainRows.deviance(eta)) / weight;
                    } else {
                        out[l] = harrellC(linear(x, b, test), subset(time, test), subset(event, test));
                    }
                }
                return out;
            } catch (RuntimeException e) {
                throw foldError(fold, e);
            }
        }
    }

    /** As {@link CoxFold}, for the logistic model. */
    private record BinomialFold(FeatureMatrix x, double[] y, ElasticNetOptions options, Folds folds, CvMeasure measure,
            double[] lambdas, int fold) implements SerializableTask<double[]> {
        @Override
        public double[] run() {
            try {
                int[] train = folds.rows(fold, true);
                int[] test = folds.rows(fold, false);
                ElasticNetPath path = ElasticNet.binomial(x.subsetRows(train), subset(y, train), options);
                double[] yTest = subset(y, test);
                double[] out = new double[lambdas.length];
                for (int l = 0; l < out.length; l++) {
                    double s = lambdas[l];
                    double[] eta = linear(x, path.coefficientsAt(s), test);
                    double a0 = path.interceptAt(s);
                    double[] prob = new double[eta.length];
                    for (int i = 0; i < eta.length; i++) {
                        prob[i] = 1 / (1 + Math.exp(-(eta[i] + a0)));
                    }
                    out[l] = switch (measure) {
                        case AUC -> auc(prob, yTest);
                        case CLASS_ERROR -> classError(prob, yTest);
                        default -> binomialDeviance(prob, yTest);
                    };
                }
                return out;
            } catch (RuntimeException e) {
                throw foldError(fold, e);
            }
        }
    }

    private static IllegalArgumentException foldError(int fold, RuntimeException e) {
        return new IllegalArgumentException("Cross-validation fold " + fold + ": " + e.getMessage(), e);
    }

    /** cvstats + getOptcv.glmnet. */
    private static CrossValidatedPath summarise(ElasticNetPath full, CvMeasure measure, Folds folds,
            double[][] scores, double[] weights, boolean dropUndefinedFolds) {
        int k = scores.length;
        int m = full.size();
        int[] nz = full.nonzeroCounts();
        List<Integer> kept = new ArrayList<>();
        double[] cvm = new double[m];
        double[] cvsd = new double[m];
        for (int l = 0; l < m; l++) {
            double sw = 0;
            double s = 0;
            int defined = 0;
            for (int f = 0; f < k; f++) {
                double v = scores[f][l];
                if (!Double.isNaN(v)) {
                    sw += weights[f];
                    s += weights[f] * v;
                    defined++;
                }
            }
            cvm[l] = s / sw;
            double ss = 0;
            for (int f = 0; f < k; f++) {
                double v = scores[f][l];
                if (!Double.isNaN(v)) {
                    ss += weights[f] * (v - cvm[l]) * (v - cvm[l]);
                }
            }
            int folds0 = dropUndefinedFolds ? defined : k;
            cvsd[l] = Math.sqrt(ss / sw / (folds0 - 1));
            if (!Double.isNaN(cvsd[l])) {
                kept.add(l);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("The cross-validated " + measure + " is undefined at every lambda");
        }
        double[] lambda = new double[kept.size()];
        double[] m2 = new double[kept.size()];
        double[] sd2 = new double[kept.size()];
        int[] nz2 = new int[kept.size()];
        for (int i = 0; i < lambda.length; i++) {
            int l = kept.get(i);
            lambda[i] = full.lambda(l);
            m2[i] = cvm[l];
            sd2[i] = cvsd[l];
            nz2[i] = nz[l];
        }
        double sign = measure.higherIsBetter() ? -1 : 1;
        int idMin = 0;
        for (int i = 1; i < lambda.length; i++) {
            if (sign * m2[i] < sign * m2[idMin]) {
                idMin = i;
            }
        }
        double limit = sign * m2[idMin] + sd2[idMin];
        int id1se = 0;
        while (sign * m2[id1se] > limit) {
            id1se++;
        }
        return new CrossValidatedPath(full, measure, folds, lambda, m2, sd2, nz2, idMin, id1se);
    }

    static double[] subset(double[] a, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    static boolean[] subset(boolean[] a, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** {@code x b} (no intercept) over {@code rows} (null = all). */
    static double[] linear(FeatureMatrix x, double[] b, int[] rows) {
        int m = rows == null ? x.rows() : rows.length;
        double[] out = new double[m];
        for (int j = 0; j < b.length; j++) {
            double bj = b[j];
            if (bj != 0) {
                double[] col = x.columnView(j);
                if (rows == null) {
                    for (int i = 0; i < m; i++) {
                        out[i] += bj * col[i];
                    }
                } else {
                    for (int i = 0; i < m; i++) {
                        out[i] += bj * col[rows[i]];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Harrell's C as {@code survival::concordance(Surv(time, event) ~ -eta)}: over pairs where the shorter
     * time is an event (a censored time tied with an event time counts as longer; two events at the same time
     * are not compared), concordant when the shorter time has the larger eta; tied eta counts 1/2. NaN when no
     * pair is comparable.
     */
    static double harrellC(double[] eta, double[] time, boolean[] event) {
        double concordant = 0;
        double tied = 0;
        double total = 0;
        int m = eta.length;
        for (int i = 0; i < m; i++) {
            if (!event[i]) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                if (j == i) {
                    continue;
                }
                boolean comparable = time[j] > time[i] || (time[j] == time[i] && !event[j]);
                if (!comparable) {
                    continue;
                }
                total++;
                if (eta[i] > eta[j]) {
                    concordant++;
                } else if (eta[i] == eta[j]) {
                    tied++;
                }
            }
        }
        return total == 0 ? Double.NaN : (concordant + 0.5 * tied) / total;
    }

    /** AUC (Mann-Whitney, ties 1/2); NaN if the fold has one class only. */
    static double auc(double[] prob, double[] y) {
        double[] pos = Arrays.stream(indices(y, 1)).mapToDouble(i -> prob[i]).sorted().toArray();
        double[] neg = Arrays.stream(indices(y, 0)).mapToDouble(i -> prob[i]).sorted().toArray();
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double pp : pos) {
            for (double pn : neg) {
                s += pp > pn ? 1 : (pp == pn ? 0.5 : 0);
            }
        }
        return s / ((double) pos.length * neg.length);
    }

    private static int[] indices(double[] y, double value) {
        return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == value).toArray();
    }

    static double classError(double[] prob, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] == 1 ? (prob[i] <= 0.5 ? 1 : 0) : (prob[i] > 0.5 ? 1 : 0);
        }
        return s / y.length;
    }

    static double binomialDeviance(double[] prob, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double p = Math.min(Math.max(prob[i], 1e-5), 1 - 1e-5);
            s += -2 * (y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
        }
        return s / y.length;
    }
}
