package io.radflow.stats.survival;

/**
 * One Kaplan-Meier survival curve (immutable), as R's {@code survfit(Surv(time, status) ~ 1)} with
 * its defaults ({@code conf.type = "log"}, {@code conf.int = 0.95}). Row {@code i} refers to the
 * {@code i}-th distinct observed time (event or censoring), ascending.
 *
 * <p>Notation: {@code n_i} subjects at risk just before {@code t_i}, {@code d_i} events and
 * {@code c_i} censorings at {@code t_i}.
 * <ul>
 * <li>Product-limit estimate: {@code S(t_i) = prod_{j <= i} (1 - d_j / n_j)}.</li>
 * <li>Greenwood variance of the log survival: {@code Var[log S(t_i)] = sum_{j <= i} d_j / (n_j (n_j - d_j))};
 * {@link #stdErrLogSurvival()} is its square root, which is what R reports as {@code std.err}
 * (infinite once {@code d_j = n_j}).</li>
 * <li>Greenwood standard error of S itself: {@code SE[S(t_i)] = S(t_i) * sqrt(Var[log S(t_i)])}
 * ({@link #stdErrSurvival()}; R's {@code summary(fit)$std.err}).</li>
 * <li>Log confidence interval: {@code exp(log S +/- z_{0.975} * SE[log S])}, the upper bound capped
 * at 1; undefined (NaN) where {@code S = 0}.</li>
 * <li>Median survival: the first event time with {@code S(t) <= 0.5}; when S is exactly 0.5 on an
 * interval, the midpoint between that time and the next event time (R's rule); NaN when S never
 * reaches 0.5.</li>
 * </ul>
 */
public final class KaplanMeierCurve {

    private final String group;
    private final int n;
    private final double[] times;
    private final int[] nRisk;
    private final int[] nEvent;
    private final int[] nCensor;
    private final double[] survival;
    private final double[] stdErrLog;
    private final double[] lower;
    private final double[] upper;
    private final double median;

    KaplanMeierCurve(String group, int n, double[] times, int[] nRisk, int[] nEvent, int[] nCensor,
            double[] survival, double[] stdErrLog, double[] lower, double[] upper, double median) {
        this.group = group;
        this.n = n;
        this.times = times;
        this.nRisk = nRisk;
        this.nEvent = nEvent;
        this.nCensor = nCensor;
        this.survival = survival;
        this.stdErrLog = stdErrLog;
        this.lower = lower;
        this.upper = upper;
        this.median = median;
    }

    /** The group label ("all" for an ungrouped fit). */
    public String group() {
        return group;
    }

    /** Number of subjects. */
    public int n() {
        return n;
    }

    /** Total number of events. */
    public int events() {
        int d = 0;
        for (int e : nEvent) {
            d += e;
        }
        return d;
    }

    /** Number of rows (distinct times). */
    public int size() {
        return times.length;
    }

    public double[] times() {
        return times.clone();
    }

    public int[] nRisk() {
        return nRisk.clone();
    }

    public int[] nEvent() {
        return nEvent.clone();
    }

    public int[] nCensor() {
        return nCensor.clone();
    }

    /** Product-limit survival estimate at each time. */
    public double[] survival() {
        return survival.clone();
    }

    /** Greenwood standard error of {@code log S} (R {@code survfit()$std.err}). */
    public double[] stdErrLogSurvival() {
        return stdErrLog.clone();
    }

    /** Greenwood standard error of {@code S} (R {@code summary(survfit())$std.err}). */
    public double[] stdErrSurvival() {
        double[] se = new double[survival.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = survival[i] == 0 ? Double.NaN : survival[i] * stdErrLog[i];
        }
        return se;
    }

    /** Lower bound of the 95 % log confidence interval. */
    public double[] lower() {
        return lower.clone();
    }

    /** Upper bound of the 95 % log confidence interval (at most 1). */
    public double[] upper() {
        return upper.clone();
    }

    /** Median survival time, NaN when the curve does not reach 0.5. */
    public double median() {
        return median;
    }

    /** S(t): the estimate at the last row with {@code time <= t} (1 before the first time). */
    public double survivalAt(double t) {
        double s = 1.0;
        for (int i = 0; i < times.length && times[i] <= t; i++) {
            s = survival[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "KaplanMeierCurve[" + group + ": n=" + n + ", events=" + events() + ", median=" + median + "]";
    }
}
