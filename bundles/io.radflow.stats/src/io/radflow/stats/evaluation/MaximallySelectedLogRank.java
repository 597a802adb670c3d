package io.radflow.stats.evaluation;

import io.radflow.stats.survival.SurvivalData;

import java.util.Arrays;

/**
 * Maximally selected log-rank statistic for an optimal cut-point of a continuous variable, as R's
 * {@code maxstat::maxstat.test(Surv(time, status) ~ x, smethod = "LogRank")} (and
 * {@code survminer::surv_cutpoint}, which calls it with {@code maxprop = 1 - minprop}).
 *
 * <p>Log-rank scores (exactRankTests {@code cscores}): with subjects sorted by time and {@code r_i} the
 * largest rank among those tied with {@code i}, {@code a_i = d_i - sum_{k: rank <= r_i} d_k/(N - r_k + 1)}.
 * For each candidate cut-point {@code mu} (a distinct value of {@code x} with {@code m} = #{x <= mu} in
 * {@code [max(1, floor(N minprop)), floor(N maxprop)]}) the standardised linear rank statistic is
 * {@code |S_m - E_m| / sqrt(V_m)}, {@code S_m = sum_{x_i <= mu} a_i}, {@code E_m = m/N sum a},
 * {@code V_m = m(N-m)/(N^2(N-1)) (N sum a^2 - (sum a)^2)}; the statistic {@code M} is their maximum and the
 * estimated cut-point the smallest {@code mu} attaining it (subjects with {@code x <= mu} form the low group).
 * <ul>
 * <li>{@code pmethod = "Lau92"}: {@code p = 4 phi(M)/M + phi(M)(M - 1/M) log(maxprop(1-minprop) /
 * ((1-maxprop)minprop))} (1 for M &lt; 1, clipped to [0, 1]) (Lausen B, Schumacher M, Biometrics
 * 48:73-85, 1992).</li>
 * <li>{@code pmethod = "Lau94"}: {@code p = 2 Phi(-M) + sum_k exp(-M^2/2)/pi (t_k - (M^2/4 - 1) t_k^3/6)},
 * {@code t_k = sqrt(1 - m_k(N - m_{k+1})/((N - m_k) m_{k+1}))} over consecutive candidate m (Lausen B,
 * Sauerbrei W, Schumacher M, 1994).</li>
 * </ul>
 * Thread-safe, stateless.
 */
public final class MaximallySelectedLogRank {

    /**
     * @param statistic the maximal standardised statistic M
     * @param cutpoint the estimated cut-point (low group: x &lt;= cutpoint)
     * @param cuts candidate cut-points, increasing
     * @param statistics the standardised statistic at each candidate
     * @param pLausen92 Lausen-Schumacher 1992 approximate p value
     * @param pLausen94 Lausen-Sauerbrei-Schumacher 1994 improved Bonferroni p value
     */
    public record Result(double statistic, double cutpoint, double[] cuts, double[] statistics, double pLausen92,
            double pLausen94) {

        public Result {
            cuts = cuts.clone();
            statistics = statistics.clone();
        }

        @Override
        public double[] cuts() {
            return cuts.clone();
        }

        @Override
        public double[] statistics() {
            return statistics.clone();
        }
    }

    private MaximallySelectedLogRank() {
    }

    /**
     * @param minprop smallest fraction of subjects in a group (maxstat default 0.1)
     * @param maxprop largest fraction (maxstat default 0.9)
     * @throws IllegalArgumentException for NaN in x (named), no events, a constant x, or no candidate
     *         cut-point between the proportions
     */
    public static Result test(SurvivalData data, double[] x, double minprop, double maxprop) {
        Checks.finite("x", x, 2);
        Checks.sameLength("x", x.length, "survival data", data.size());
        if (!(minprop >= 0 && minprop < maxprop && maxprop <= 1)) {
            throw new IllegalArgumentException("need 0 <= minprop < maxprop <= 1, got " + minprop + ", " + maxprop);
        }
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException("all subjects are censored: the log-rank scores are all 0");
        }
        int n = x.length;
        double[] scores = logRankScores(data);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double total = 0;
        double squares = 0;
        for (double a : scores) {
            total += a;
            squares += a * a;
        }
        int lowest = Math.max(1, (int) Math.floor(n * minprop));
        int highest = (int) Math.floor(n * maxprop);
        double[] cuts = new double[n];
        double[] stats = new double[n];
        int[] ms = new int[n];
        int count = 0;
        double cumulative = 0;
        for (int pos = 0; pos < n; pos++) {
            cumulative += scores[order[pos]];
            int m = pos + 1;
            boolean lastOfTies = pos == n - 1 || x[order[pos + 1]] != x[order[pos]];
            if (!lastOfTies || m < lowest || m > highest || m == n) {
                continue;
            }
            double e = (double) m / n * total;
            double v = (double) m * (n - m) / ((double) n * n * (n - 1)) * (n * squares - total * total);
            cuts[count] = x[order[pos]];
            stats[count] = Math.abs((cumulative - e) / Math.sqrt(v));
            ms[count] = m;
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("no cut-point leaves between " + minprop + " and " + maxprop
                    + " of the " + n + " subjects in the low group (is x constant?)");
        }
        cuts = Arrays.copyOf(cuts, count);
        stats = Arrays.copyOf(stats, count);
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (stats[k] > stats[best]) {
                best = k;
            }
        }
        double b = stats[best];
        return new Result(b, cuts[best], cuts, stats, lausen92(b, minprop, maxprop),
                lausen94(b, n, Arrays.copyOf(ms, count)));
    }

    /** Log-rank scores of exactRankTests {@code cscores(Surv, type = "LogRank")}. */
    static double[] logRankScores(SurvivalData data) {
        int n = data.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(data.time(a), data.time(b)));
        double[] cumulative = new double[n];
        int[] maxRank = new int[n];
        int pos = 0;
        double run = 0;
        while (pos < n) {
            int end = pos;
            while (end + 1 < n && data.time(order[end + 1]) == data.time(order[pos])) {
                end++;
            }
            int rank = end + 1;
            for (int k = pos; k <= end; k++) {
                maxRank[order[k]] = rank;
                if (data.event(order[k])) {
                    run += 1.0 / (n - rank + 1);
                }
            }
            for (int k = pos; k <= end; k++) {
                cumulative[order[k]] = run;
            }
            pos = end + 1;
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = (data.event(i) ? 1 : 0) - cumulative[i];
        }
        return scores;
    }

    static double lausen92(double b, double minprop, double maxprop) {
        if (b < 1) {
            return 1;
        }
        double db = Math.exp(-b * b / 2) / Math.sqrt(2 * Math.PI);
        double p = 4 * db / b + db * (b - 1 / b) * Math.log(maxprop * (1 - minprop) / ((1 - maxprop) * minprop));
        return Math.min(1, Math.max(p, 0));
    }

    static double lausen94(double b, int n, int[] m) {
        double d = 0;
        for (int k = 0; k + 1 < m.length; k++) {
            double t = Math.sqrt(1 - (double) m[k] * (n - m[k + 1]) / ((double) (n - m[k]) * m[k + 1]));
            d += 1 / Math.PI * Math.exp(-b * b / 2) * (t - (b * b / 4 - 1) * t * t * t / 6);
        }
        return Math.min(1, 2 * Probabilities.normalUpper(b) + d);
    }
}
