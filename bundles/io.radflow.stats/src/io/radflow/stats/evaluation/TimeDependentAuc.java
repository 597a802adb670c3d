package io.radflow.stats.evaluation;

import io.radflow.stats.survival.SurvivalData;

/**
 * Cumulative/dynamic time-dependent AUC with inverse-probability-of-censoring weights (IPCW), the
 * convention of R's {@code timeROC} (Blanche P, Dartigues JF, Jacqmin-Gadda H, Stat Med 32:5381-5397,
 * 2013). At horizon {@code t}: cases are subjects with an event at {@code T_i <= t}, controls subjects
 * with {@code T_j > t}; weights {@code W_i = 1/G(T_i-)} for cases and {@code W_j = 1/G(t)} for controls,
 * {@code G} the Kaplan-Meier estimate of the censoring distribution; subjects censored before {@code t}
 * get weight 0.
 *
 * <p>{@code AUC(t) = sum_i sum_j W_i W_j [I(M_i > M_j) + I(M_i = M_j)/2] / (sum_i W_i sum_j W_j)}
 * (marker ties count 1/2, the trapezoidal area of the weighted ROC curve). A higher marker means
 * higher risk. Point estimate only (no standard error yet). Thread-safe, stateless.
 */
public final class TimeDependentAuc {

    /**
     * @param time horizon {@code t}
     * @param auc AUC(t)
     * @param cases number of cases (events up to t)
     * @param controls number of controls (still event-free after t)
     */
    public record Result(double time, double auc, int cases, int controls) {
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
        Result[] out = new Result[horizons.length];
        for (int h = 0; h < horizons.length; h++) {
            out[h] = one(data, marker, g, horizons[h]);
        }
        return out;
    }

    private static Result one(SurvivalData data, double[] marker, CensoringDistribution g, double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("horizon must be a positive finite time, got " + t);
        }
        int n = data.size();
        int cases = 0;
        int controls = 0;
        double caseWeight = 0;
        for (int i = 0; i < n; i++) {
            if (data.time(i) <= t && data.event(i)) {
                cases++;
                caseWeight += 1 / g.before(data.time(i));
            } else if (data.time(i) > t) {
                controls++;
            }
        }
        if (cases == 0 || controls == 0) {
            throw new IllegalArgumentException("horizon t=" + t + " has " + cases + " cases and " + controls
                    + " controls: AUC(t) needs both");
        }
        double numerator = 0;
        for (int i = 0; i < n; i++) {
            if (!(data.time(i) <= t && data.event(i))) {
                continue;
            }
            double wi = 1 / g.before(data.time(i));
            double favourable = 0;
            for (int j = 0; j < n; j++) {
                if (data.time(j) > t) {
                    favourable += marker[i] > marker[j] ? 1 : marker[i] == marker[j] ? 0.5 : 0;
                }
            }
            numerator += wi * favourable;
        }
        // control weights are all 1/G(t): they cancel between numerator and denominator
        return new Result(t, numerator / (caseWeight * controls), cases, controls);
    }
}
