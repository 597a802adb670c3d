package io.radflow.stats.penalized;

import java.util.Arrays;

/**
 * Cox partial-likelihood deviance {@code D = 2 (l_sat - l)} with unit weights and Breslow ties, as
 * glmnet's {@code coxnet.deviance}: {@code l = sum_k [sum_{i in D_k} eta_i - d_k log sum_{y_j >= t_k}
 * exp(eta_j)]}, {@code l_sat = -sum_k d_k log d_k} over unique event times {@code t_k} with {@code d_k}
 * events. Censored times tied with an event time are at risk. Invariant to a shift of eta; eta is centred
 * before exponentiating.
 */
final class CoxDeviance {

    private final int[] sorted;
    private final boolean[] event;
    private final int[] groupStart;
    private final double[] deaths;
    private final double saturated;

    /** Prepares the deviance of the rows {@code rows} (null = all) of the data. */
    CoxDeviance(double[] time, boolean[] event, int[] rows) {
        int m = rows == null ? time.length : rows.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = rows == null ? i : rows[i];
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(time[a], time[b]);
            return c != 0 ? c : Boolean.compare(event[b], event[a]);
        });
        sorted = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        this.event = event;
        int[] starts = new int[m + 1];
        double[] d = new double[m];
        int groups = 0;
        double current = Double.NaN;
        for (int i = 0; i < m; i++) {
            int r = sorted[i];
            if (event[r]) {
                if (!(time[r] == current)) {
                    starts[groups++] = i;
                    current = time[r];
                }
                d[groups - 1]++;
            }
        }
        starts[groups] = m;
        groupStart = Arrays.copyOf(starts, groups + 1);
        deaths = Arrays.copyOf(d, groups);
        double sat = 0;
        for (double dk : deaths) {
            sat -= dk * Math.log(dk);
        }
        saturated = sat;
    }

    /** The deviance at linear predictor {@code eta} (indexed by the original rows). */
    double deviance(double[] eta) {
        double mean = 0;
        for (int r : sorted) {
            mean += eta[r];
        }
        mean /= sorted.length;
        double ll = 0;
        double[] risk = new double[deaths.length];
        double acc = 0;
        for (int k = deaths.length - 1; k >= 0; k--) {
            for (int i = groupStart[k]; i < groupStart[k + 1]; i++) {
                acc += Math.exp(eta[sorted[i]] - mean);
            }
            risk[k] = acc;
        }
        for (int k = 0; k < deaths.length; k++) {
            ll -= deaths[k] * Math.log(risk[k]);
            for (int i = groupStart[k]; i < groupStart[k + 1]; i++) {
                int r = sorted[i];
                if (event[r]) {
                    ll += eta[r] - mean;
                }
            }
        }
        return 2 * (saturated - ll);
    }
}
