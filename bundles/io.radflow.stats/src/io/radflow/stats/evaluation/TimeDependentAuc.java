package io.radflow.stats.evaluation;

import io.radflow.stats.survival.SurvivalData;

import java.util.Arrays;

/**
 * Cumulative/dynamic time-dependent AUC with inverse-probability-of-censoring weights (IPCW), the
 * convention of R's {@code timeROC} (Blanche P, Dartigues JF, Jacqmin-Gadda H, Stat Med 32:5381-5397,
 * 2013). At horizon {@code t}: cases {@code A_i = I(T_i <= t, event)}, controls {@code B_j = I(T_j > t)};
 * weights {@code W_i = 1/G(T_i-)} for cases and {@code W_t = 1/G(t)} for controls, {@code G} the
 * Kaplan-Meier estimate of the censoring distribution; subjects censored before {@code t} get weight 0.
 *
 * <p>{@code AUC(t) = N/(a b)} with {@code N = n^-2 sum_ij c_ij A_i W_i B_j W_t},
 * {@code c_ij = I(M_i > M_j) + I(M_i = M_j)/2}, {@code a = n^-1 sum A_i W_i}, {@code b = n^-1 sum B_j W_t}
 * (marker ties count 1/2: the trapezoidal area of the weighted ROC curve; a constant marker gives 0.5).
 * A higher marker means higher risk.
 *
 * <p>Standard error from the influence function (iid representation of Blanche et al. 2013, including
 * the Kaplan-Meier censoring term): with {@code psi_k(s) = int_0^s dM^C_k(u)/y(u)} ({@code M^C_k} the
 * censoring martingale of subject k, {@code y(u)} the fraction at risk), which is the influence of
 * {@code 1/G(s)} relative to it,
 * {@code IF_N(k) = n^-1 (sum_j Q_kj + sum_i Q_ik) - 2N + n^-2 sum_ij Q_ij (psi_k(T_i-) + psi_k(t))},
 * {@code IF_a(k) = A_k W_k - a + n^-1 sum_i A_i W_i psi_k(T_i-)}, {@code IF_b(k) = B_k W_t - b + b psi_k(t)},
 * {@code IF(k) = (IF_N - AUC (a IF_b + b IF_a))/(a b)}; {@code se = sd(IF)/sqrt(n)} (the convention of
 * R's {@code riskRegression::Score(metrics = "auc", cens.model = "km")}, whose standard error it
 * reproduces). {@link #compare} uses the same influence functions for a paired comparison of two markers,
 * {@link #roc} gives the ROC(t) curve whose trapezoidal area is AUC(t). O(n^2) time. Thread-safe, stateless.
 */
public final class TimeDependentAuc {

    /**
     * @param time horizon {@code t}
     * @param auc AUC(t)
     * @param standardError influence-function standard error
     * @param cases number of cases (events up to t)
     * @param controls number of controls (still event-free after t)
     */
    public record Result(double time, double auc, double standardError, int cases, int controls) {

        /** {@code AUC -/+ z se}, clipped to [0, 1] (as riskRegression). */
        public ConfidenceInterval confidenceInterval(double level) {
            Checks.level("level", level);
            double z = Probabilities.normalQuantile((1 + level) / 2);
            return new ConfidenceInterval(auc, Math.max(0, auc - z * standardError),
                    Math.min(1, auc + z * standardError), level);
        }
    }

    /**
     * Paired comparison of two markers' AUC(t) on the same subjects at one horizon.
     *
     * @param time horizon {@code t}
     * @param first AUC(t) of the first marker
     * @param second AUC(t) of the second marker
     * @param difference {@code AUC_1(t) - AUC_2(t)}
     * @param standardError {@code sd(IF_1 - IF_2)/sqrt(n)}
     * @param p two-sided p value of {@code difference/standardError} against the standard normal
     */
    public record Comparison(double time, Result first, Result second, double difference, double standardError,
            double p) {

        /** {@code difference -/+ z se} (not clipped). */
        public ConfidenceInterval confidenceInterval(double level) {
            Checks.level("level", level);
            double z = Probabilities.normalQuantile((1 + level) / 2);
            return new ConfidenceInterval(difference, difference - z * standardError, difference + z * standardError,
                    level);
        }
    }

    /** AUC(t) of one marker at one horizon with its influence function (one value per subject). */
    private record Estimate(Result result, double[] influence) {
    }

    private TimeDependentAuc() {
    }

    /**
     * AUC(t) for each horizon.
     *
     * @throws IllegalArgumentException for a NaN marker (named), a horizon without cases or without
     *         controls, or a non-positive horizon
     */
    public static Result[] at(SurvivalData data, double[] marker, double... horizons) {
        Estimate[] estimates = estimates(data, marker, horizons);
        Result[] out = new Result[horizons.length];
        for (int h = 0; h < horizons.length; h++) {
            out[h] = estimates[h].result();
        }
        return out;
    }

    /**
     * Paired comparison of {@code AUC_1(t)} and {@code AUC_2(t)} for each horizon: {@code difference = AUC_1 - AUC_2},
     * {@code se = sd(IF_1 - IF_2)/sqrt(n)} with the influence functions of the class description (so the
     * covariance of the two estimates, which share subjects and censoring weights, is accounted for),
     * {@code p = 2 (1 - Phi(|difference|/se))}. Reference: R {@code riskRegression::Score(list(m1, m2),
     * formula = Hist(time, status) ~ 1, metrics = "auc", cens.model = "km", null.model = FALSE)$AUC$contrasts}
     * (whose {@code delta.AUC} is {@code AUC_2 - AUC_1}: the opposite sign); a DeLong-type comparison for censored
     * data (Blanche et al. 2013, section 4).
     *
     * @throws IllegalArgumentException as {@link #at} for either marker (named "marker 1" / "marker 2")
     */
    public static Comparison[] compare(SurvivalData data, double[] marker1, double[] marker2, double... horizons) {
        Estimate[] first = estimates(data, marker1, "marker 1", horizons);
        Estimate[] second = estimates(data, marker2, "marker 2", horizons);
        int n = data.size();
        Comparison[] out = new Comparison[horizons.length];
        for (int h = 0; h < horizons.length; h++) {
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = first[h].influence()[k] - second[h].influence()[k];
            }
            double se = standardError(d);
            double diff = first[h].result().auc() - second[h].result().auc();
            double p = se > 0 ? 2 * Probabilities.normalUpper(Math.abs(diff) / se) : Double.NaN;
            out[h] = new Comparison(horizons[h], first[h].result(), second[h].result(), diff, se, p);
        }
        return out;
    }

    /**
     * The time-dependent ROC curve (cumulative cases, dynamic controls) at horizon {@code t}, weighted as
     * AUC(t): at threshold {@code c}, {@code TP(t, c) = sum_i A_i W_i I(M_i > c) / sum_i A_i W_i} and
     * {@code FP(t, c) = sum_j B_j I(M_j > c) / sum_j B_j} (Heagerty PJ, Lumley T, Pepe MS, Biometrics
     * 56:337-344, 2000; the IPCW estimator of R's {@code timeROC}, Blanche et al. 2013). The trapezoidal area
     * under it is {@link #at AUC(t)}.
     *
     * @throws IllegalArgumentException as {@link #at}
     */
    public static TimeDependentRoc roc(SurvivalData data, double[] marker, double t) {
        Checks.finite("marker", marker, 2);
        Checks.sameLength("marker", marker.length, "survival data", data.size());
        Weights w = new Weights(data, new CensoringDistribution(data, false), t);
        double[] distinct = Arrays.stream(marker).sorted().distinct().toArray();
        double[] thresholds = new double[distinct.length + 1];
        thresholds[0] = Double.NEGATIVE_INFINITY;
        System.arraycopy(distinct, 0, thresholds, 1, distinct.length);
        double caseTotal = 0;
        for (int i = 0; i < marker.length; i++) {
            caseTotal += w.weight[i];
        }
        double[] tp = new double[thresholds.length];
        double[] fp = new double[thresholds.length];
        for (int c = 0; c < thresholds.length; c++) {
            double caseAbove = 0;
            int controlAbove = 0;
            for (int i = 0; i < marker.length; i++) {
                if (marker[i] > thresholds[c]) {
                    caseAbove += w.weight[i];
                    controlAbove += w.control[i] ? 1 : 0;
                }
            }
            tp[c] = caseAbove / caseTotal;
            fp[c] = (double) controlAbove / w.controls;
        }
        return new TimeDependentRoc(t, thresholds, tp, fp);
    }

    private static Estimate[] estimates(SurvivalData data, double[] marker, double[] horizons) {
        return estimates(data, marker, "marker", horizons);
    }

    private static Estimate[] estimates(SurvivalData data, double[] marker, String name, double[] horizons) {
        Checks.finite(name, marker, 2);
        Checks.sameLength(name, marker.length, "survival data", data.size());
        CensoringDistribution g = new CensoringDistribution(data, false);
        CensoringMartingale psi = new CensoringMartingale(data);
        Estimate[] out = new Estimate[horizons.length];
        for (int h = 0; h < horizons.length; h++) {
            out[h] = one(data, marker, g, psi, horizons[h]);
        }
        return out;
    }

    /** Case flags and weights {@code A_i W_i}, control flags {@code B_j} and {@code W_t} at horizon t. */
    private static final class Weights {
        final double[] weight;
        final boolean[] caseFlag;
        final boolean[] control;
        final int cases;
        final int controls;
        final double controlWeight;

        Weights(SurvivalData data, CensoringDistribution g, double t) {
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("horizon must be a positive finite time, got " + t);
            }
            int n = data.size();
            weight = new double[n];
            caseFlag = new boolean[n];
            control = new boolean[n];
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                if (data.time(i) <= t && data.event(i)) {
                    caseFlag[i] = true;
                    weight[i] = 1 / g.before(data.time(i));
                    a++;
                } else if (data.time(i) > t) {
                    control[i] = true;
                    b++;
                }
            }
            if (a == 0 || b == 0) {
                throw new IllegalArgumentException("horizon t=" + t + " has " + a + " cases and " + b
                        + " controls: AUC(t) needs both");
            }
            cases = a;
            controls = b;
            controlWeight = 1 / g.at(t);
        }
    }

    private static Estimate one(SurvivalData data, double[] marker, CensoringDistribution g, CensoringMartingale psi,
            double t) {
        Weights weights = new Weights(data, g, t);
        int n = data.size();
        double[] w = weights.weight;
        boolean[] caseFlag = weights.caseFlag;
        boolean[] controlFlag = weights.control;
        int cases = weights.cases;
        int controls = weights.controls;
        double wt = weights.controlWeight;
        double[] rowSum = new double[n]; // sum_j Q_ij (i a case)
        double[] colSum = new double[n]; // sum_i Q_ij (j a control)
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!caseFlag[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (controlFlag[j]) {
                    double c = marker[i] > marker[j] ? 1 : marker[i] == marker[j] ? 0.5 : 0;
                    double q = c * w[i] * wt;
                    rowSum[i] += q;
                    colSum[j] += q;
                    total += q;
                }
            }
        }
        double bigN = total / ((double) n * n);
        double a = 0;
        for (int i = 0; i < n; i++) {
            a += w[i] / n;
        }
        double b = controls * wt / n;
        double auc = bigN / (a * b);

        double[] influence = new double[n];
        for (int k = 0; k < n; k++) {
            double psiT = psi.at(k, t, false);
            double censN = 0;
            double censA = 0;
            for (int i = 0; i < n; i++) {
                if (caseFlag[i]) {
                    double p = psi.at(k, data.time(i), true);
                    censN += rowSum[i] * p;
                    censA += w[i] * p;
                }
            }
            double ifN = (rowSum[k] + colSum[k]) / n - 2 * bigN + (censN + total * psiT) / ((double) n * n);
            double ifA = w[k] - a + censA / n;
            double ifB = (controlFlag[k] ? wt : 0) - b + b * psiT;
            influence[k] = (ifN - auc * (a * ifB + b * ifA)) / (a * b);
        }
        return new Estimate(new Result(t, auc, standardError(influence), cases, controls), influence);
    }

    /** {@code sd(v)/sqrt(n)} with the (n - 1) standard deviation. */
    private static double standardError(double[] v) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x / n;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }

    /**
     * {@code psi_k(s) = int dM^C_k(u)/y(u)} over {@code u < s} ({@code strict}) or {@code u <= s}, with the
     * empirical at-risk fraction {@code y(u) = #{T >= u}/n} and censoring hazard increments
     * {@code dL(u) = #{censored at u}/#{T >= u}}:
     * {@code psi_k(s) = I(T_k in range, censored)/y(T_k) - sum_{u in range, u <= T_k} dL(u)/y(u)}.
     */
    private static final class CensoringMartingale {

        private final double[] times;
        private final double[] cumulative; // H[idx] = sum_{u <= times[idx]} dL/y
        private final double[] inverseAtRisk; // 1/y(u)
        private final SurvivalData data;

        CensoringMartingale(SurvivalData data) {
            this.data = data;
            int n = data.size();
            double[] sorted = data.time();
            Arrays.sort(sorted);
            double[] unique = Arrays.stream(sorted).distinct().toArray();
            times = unique;
            cumulative = new double[unique.length];
            inverseAtRisk = new double[unique.length];
            int[] censored = new int[unique.length];
            for (int i = 0; i < n; i++) {
                if (!data.event(i)) {
                    censored[Arrays.binarySearch(unique, data.time(i))]++;
                }
            }
            double run = 0;
            int below = 0;
            for (int u = 0; u < unique.length; u++) {
                int atRisk = n - below;
                double y = (double) atRisk / n;
                inverseAtRisk[u] = 1 / y;
                run += (double) censored[u] / atRisk / y;
                cumulative[u] = run;
                final double time = unique[u];
                int here = 0;
                while (below + here < n && sorted[below + here] == time) {
                    here++;
                }
                below += here;
            }
        }

        /** Sum of dL/y over unique times {@code <= s} ({@code strict}: {@code < s}). */
        private double cumulativeUpTo(double s, boolean strict) {
            int k = Arrays.binarySearch(times, s);
            int last = k >= 0 ? (strict ? k - 1 : k) : -k - 2;
            return last < 0 ? 0 : cumulative[last];
        }

        double at(int k, double s, boolean strict) {
            double tk = data.time(k);
            boolean inRange = strict ? tk < s : tk <= s;
            double jump = !data.event(k) && inRange ? inverseAtRisk[Arrays.binarySearch(times, tk)] : 0;
            double compensator = inRange ? cumulativeUpTo(tk, false) : cumulativeUpTo(s, strict);
            return jump - compensator;
        }
    }
}
