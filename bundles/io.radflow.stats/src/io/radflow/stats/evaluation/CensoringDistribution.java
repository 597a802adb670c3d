package io.radflow.stats.evaluation;

import io.radflow.stats.survival.SurvivalData;

import java.util.Arrays;

/**
 * Kaplan-Meier estimate {@code G} of the censoring survival function ("reverse" Kaplan-Meier: censored
 * subjects are the events), as R's {@code survfit(Surv(time, 1 - status) ~ 1)}:
 * {@code G(t) = prod_{s <= t} (1 - c(s) / r(s))} with {@code c(s)} censorings at {@code s} and
 * {@code r(s)} subjects with time {@code >= s}. Used for inverse-probability-of-censoring weights.
 *
 * <p>With {@code eventsFirst}, events at a tied time are taken to happen before the censorings, so the
 * censored subjects at {@code s} are at risk among {@code r(s) - d(s)} ({@code d(s)} events at {@code s}):
 * the convention of survival's internal {@code fastkm1} used by {@code concordance(timewt = "n/G2")}.
 */
final class CensoringDistribution {

    private final double[] times;
    private final double[] survival;

    CensoringDistribution(SurvivalData data, boolean eventsFirst) {
        int n = data.size();
        double[] t = data.time();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));
        double[] jumpTimes = new double[n];
        double[] jumpValues = new double[n];
        int jumps = 0;
        double g = 1;
        int i = 0;
        while (i < n) {
            double time = t[order[i]];
            int atRisk = n - i;
            int censored = 0;
            int events = 0;
            int k = i;
            while (k < n && t[order[k]] == time) {
                if (data.event(order[k])) {
                    events++;
                } else {
                    censored++;
                }
                k++;
            }
            if (censored > 0) {
                g *= 1.0 - (double) censored / (eventsFirst ? atRisk - events : atRisk);
                jumpTimes[jumps] = time;
                jumpValues[jumps] = g;
                jumps++;
            }
            i = k;
        }
        this.times = Arrays.copyOf(jumpTimes, jumps);
        this.survival = Arrays.copyOf(jumpValues, jumps);
    }

    /** {@code G(t)}, right-continuous. */
    double at(double t) {
        int k = Arrays.binarySearch(times, t);
        int last = k >= 0 ? k : -k - 2;
        return last < 0 ? 1.0 : survival[last];
    }

    /** {@code G(t-)}, the left limit. */
    double before(double t) {
        int k = Arrays.binarySearch(times, t);
        int last = k >= 0 ? k - 1 : -k - 2;
        return last < 0 ? 1.0 : survival[last];
    }
}
