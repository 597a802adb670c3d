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
 * For each candidate cut-point {@code mu} (a distinct value of {@code x} with {@code m = #{x <= mu}} in
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
        Selection sel = select(logRankScores(checked(data, x, minprop, maxprop)), x, minprop, maxprop);
        double b = sel.statistics[sel.best];
        return new Result(b, sel.cuts[sel.best], sel.cuts, sel.statistics, lausen92(b, minprop, maxprop),
                lausen94(b, x.length, sel.ms));
    }

    /**
     * The Hothorn-Lausen p value (maxstat {@code pmethod = "HL"}; Hothorn T, Lausen B, Comput Stat Data
     * Anal 43:121-137, 2003). As maxstat, the log-rank scores are first made integers
     * ({@code a' = round((a - min a) N / max(a - min a))}, or {@code 2a} when all fractional parts are 1/2),
     * so the statistic and cut-point can differ slightly from {@link #test}. With {@code P_m(s)} the
     * permutation probability that the first m subjects (in x order) have score sum s (from the counts of
     * m-subsets by sum), the p value is maxstat's improved Bonferroni bound
     * {@code sum_{m} [P(|T_m| > M) - P(paths already beyond M at m-1 that must stay beyond at m)]} over the
     * candidate m, capped at 1. Computed on the probability scale, so it stays finite where R's factorials
     * overflow (N &gt; 170, R returns NaN). Time O(N^2 sum a').
     */
    public static HothornLausen hothornLausen(SurvivalData data, double[] x, double minprop, double maxprop) {
        double[] scores = integerScores(logRankScores(checked(data, x, minprop, maxprop)));
        Selection sel = select(scores, x, minprop, maxprop);
        double b = sel.statistics[sel.best];
        return new HothornLausen(b, sel.cuts[sel.best], hothornLausenP(b, scores, sel.ms));
    }

    /**
     * @param statistic maximal standardised statistic on the integer scores
     * @param cutpoint its cut-point (low group: x &lt;= cutpoint)
     * @param p Hothorn-Lausen p value
     */
    public record HothornLausen(double statistic, double cutpoint, double p) {
    }

    private static SurvivalData checked(SurvivalData data, double[] x, double minprop, double maxprop) {
        Checks.finite("x", x, 2);
        Checks.sameLength("x", x.length, "survival data", data.size());
        if (!(minprop >= 0 && minprop < maxprop && maxprop <= 1)) {
            throw new IllegalArgumentException("need 0 <= minprop < maxprop <= 1, got " + minprop + ", " + maxprop);
        }
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException("all subjects are censored: the log-rank scores are all 0");
        }
        return data;
    }

    private record Selection(double[] cuts, double[] statistics, int[] ms, int best) {
    }

    private static Selection select(double[] scores, double[] x, double minprop, double maxprop) {
        int n = x.length;
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
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (stats[k] > stats[best]) {
                best = k;
            }
        }
        return new Selection(Arrays.copyOf(cuts, count), Arrays.copyOf(stats, count), Arrays.copyOf(ms, count),
                best);
    }

    /** maxstat's integer scores for {@code pmethod = "HL"}. */
    static double[] integerScores(double[] scores) {
        boolean integer = true;
        boolean halves = true;
        for (double a : scores) {
            double f = a - Math.floor(a);
            if (f != 0) {
                integer = false;
                if (f != 0.5) {
                    halves = false;
                }
            }
        }
        double[] out = new double[scores.length];
        if (integer) {
            System.arraycopy(scores, 0, out, 0, scores.length);
            return out;
        }
        if (halves) {
            for (int i = 0; i < scores.length; i++) {
                out[i] = 2 * scores[i];
            }
            return out;
        }
        double min = Arrays.stream(scores).min().orElseThrow();
        double max = Arrays.stream(scores).map(a -> a - min).max().orElseThrow();
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.rint((scores[i] - min) * scores.length / max);
        }
        return out;
    }

    /** maxstat {@code pmaxstat} on the probability scale (see {@link #hothornLausen}). */
    static double hothornLausenP(double b, double[] scores, int[] msample) {
        int n = scores.length;
        double min = Arrays.stream(scores).min().orElseThrow();
        int[] sc = new int[n];
        int total = 0;
        int maxScore = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            sc[i] = (int) Math.rint(scores[i] - min);
            total += sc[i];
            maxScore = Math.max(maxScore, sc[i]);
            squares += (double) sc[i] * sc[i];
        }
        // counts[m][s]: number of m-subsets with score sum s
        double[][] counts = new double[n + 1][total + 1];
        counts[0][0] = 1;
        int reach = 0;
        for (int i = 0; i < n; i++) {
            reach += sc[i];
            for (int m = i; m >= 0; m--) {
                double[] from = counts[m];
                double[] to = counts[m + 1];
                for (int s = reach - sc[i]; s >= 0; s--) {
                    if (from[s] != 0) {
                        to[s + sc[i]] += from[s];
                    }
                }
            }
        }
        // probabilities and standardised statistics for m = 1..n-1, sums s = 1..total (maxstat drops s = 0)
        double[][] prob = new double[n][];
        double[][] stat = new double[n][];
        double[] expect = new double[n];
        for (int m = 1; m < n; m++) {
            double subsets = 0;
            for (double c : counts[m]) {
                subsets += c;
            }
            expect[m] = (double) m / n * total;
            double v = (double) m * (n - m) / ((double) n * n * (n - 1)) * (n * squares - (double) total * total);
            prob[m] = new double[total + 1];
            stat[m] = new double[total + 1];
            for (int s = 1; s <= total; s++) {
                if (counts[m][s] > 0) {
                    stat[m][s] = Math.abs((s - expect[m]) / Math.sqrt(v));
                    prob[m][s] = stat[m][s] <= b ? 0 : counts[m][s] / subsets;
                }
            }
        }
        double[] beyond = new double[n];
        for (int m = 1; m < n; m++) {
            for (int s = 1; s <= total; s++) {
                beyond[m] += prob[m][s];
            }
        }
        int first = Arrays.stream(msample).min().orElseThrow();
        for (int m = first; m <= n - 2; m++) {
            for (int s = 1; s <= total; s++) {
                if (prob[m][s] <= 0) {
                    continue;
                }
                if (s < expect[m] && s + maxScore <= total && stat[m + 1][s + maxScore] > b) {
                    beyond[m + 1] -= prob[m][s];
                } else if (s > expect[m] && stat[m + 1][s] > b) {
                    beyond[m + 1] -= prob[m][s];
                }
            }
        }
        double p = 0;
        for (int m : msample) {
            p += beyond[m];
        }
        return Math.min(p, 1);
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
