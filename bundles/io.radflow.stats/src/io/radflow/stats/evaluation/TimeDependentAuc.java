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
 * (marker ties count 1/2: the trapezoidal area of the weighted ROC curve). A higher marker means higher
 * risk.
 *
 * <p>Standard error from the influence function (iid representation of Blanche et al. 2013, including
 * the Kaplan-Meier censoring term): with {@code psi_k(s) = int_0^s dM^C_k(u)/y(u)} ({@code M^C_k} the
 * censoring martingale of subject k, {@code y(u)} the fraction at risk), which is the influence of
 * {@code 1/G(s)} relative to it,
 * {@code IF_N(k) = n^-1 (sum_j Q_kj + sum_i Q_ik) - 2N + n^-2 sum_ij Q_ij (psi_k(T_i-) + psi_k(t))},
 * {@code IF_a(k) = A_k W_k - a + n^-1 sum_i A_i W_i psi_k(T_i-)}, {@code IF_b(k) = B_k W_t - b + b psi_k(t)},
 * {@code IF(k) = (IF_N - AUC (a IF_b + b IF_a))/(a b)}; {@code se = sd(IF)/sqrt(n)} (the convention of
 * R's {@code riskRegression::Score(metrics = "auc", cens.model = "km")}, whose standard error it
 * reproduces). O(n^2) time. Thread-safe, stateless.
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

    private TimeDependentAuc() {
    }

    /**
     * AUC(t) for each horizon.
     *
     * @throws IllegalArgumentException for a NaN marker (named), a horizon without cases or without
     *         controls, or a non-positive horizon
     */
    public static Result[] at(SurvivalData data, double[] marker, double... horizons) {
        Checks.finite("marker", marker, 2);
        Checks.sameLength("marker", marker.length, "survival data", data.size());
        CensoringDistribution g = new CensoringDistribution(data, false);
        CensoringMartingale psi = new CensoringMartingale(data);
        Result[] out = new Result[horizons.length];
        for (int h = 0; h < horizons.length; h++) {
            out[h] = one(data, marker, g, psi, horizons[h]);
        }
        return out;
    }

    private static Result one(SurvivalData data, double[] marker, CensoringDistribution g, CensoringMartingale psi,
            double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("horizon must be a positive finite time, got " + t);
        }
        int n = data.size();
        double[] w = new double[n];
        boolean[] caseFlag = new boolean[n];
        boolean[] controlFlag = new boolean[n];
        int cases = 0;
        int controls = 0;
        for (int i = 0; i < n; i++) {
            if (data.time(i) <= t && data.event(i)) {
                caseFlag[i] = true;
                w[i] = 1 / g.before(data.time(i));
                cases++;
            } else if (data.time(i) > t) {
                controlFlag[i] = true;
                controls++;
            }
        }
        if (cases == 0 || controls == 0) {
            throw new IllegalArgumentException("horizon t=" + t + " has " + cases + " cases and " + controls
                    + " controls: AUC(t) needs both");
        }
        double wt = 1 / g.at(t);
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
        double mean = 0;
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
            mean += influence[k] / n;
        }
        double ss = 0;
        for (double v : influence) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Result(t, auc, se, cases, controls);
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
