package io.radflow.stats.survival;

import java.util.ArrayList;
import java.util.List;

/**
 * One Kaplan-Meier survival curve (immutable), as R's {@code survfit(Surv(time, status) ~ 1, conf.type,
 * conf.int)} (defaults {@code conf.type = "log"}, {@code conf.int = 0.95}). Row {@code i} refers to the
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
 * <li>Pointwise confidence interval of the chosen {@link ConfidenceType} (log by default:
 * {@code exp(log S +/- z * SE[log S])}, upper bound capped at 1, NaN where {@code S = 0}).</li>
 * <li>Median survival: the first time with {@code S(t) <= 0.5}; when S is exactly 0.5 on an
 * interval, the midpoint between that time and the next time S drops (R's rule, {@code survival:::survmean}
 * {@code minmin}); NaN when S never reaches 0.5. Its confidence limits apply the same rule to the lower and
 * upper pointwise limits ({@code print(survfit)} columns {@code 0.95LCL}, {@code 0.95UCL}).</li>
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
    private final ConfidenceType confidenceType;
    private final double confidenceLevel;

    /** The restricted mean survival time up to {@code tau} and its standard error. */
    public record RestrictedMean(double tau, double mean, double se) {
    }

    /**
     * The curve at one requested time, as a row of R's {@code summary(fit, times = ...)}: subjects at risk at
     * {@code time} (time &gt;= t), events in (previous requested time, time], S(time), the Greenwood standard
     * error of S and the pointwise limits.
     */
    public record TimePoint(double time, int nRisk, int nEvent, double survival, double stdErr, double lower,
            double upper) {
    }

    KaplanMeierCurve(String group, int n, double[] times, int[] nRisk, int[] nEvent, int[] nCensor,
            double[] survival, double[] stdErrLog, double[] lower, double[] upper, ConfidenceType confidenceType,
            double confidenceLevel) {
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
        this.confidenceType = confidenceType;
        this.confidenceLevel = confidenceLevel;
        this.median = firstBelowHalf(survival);
    }

    /** The pointwise interval type. */
    public ConfidenceType confidenceType() {
        return confidenceType;
    }

    /** The pointwise interval level, e.g. 0.95. */
    public double confidenceLevel() {
        return confidenceLevel;
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

    /** Lower pointwise confidence limit at each time. */
    public double[] lower() {
        return lower.clone();
    }

    /** Upper pointwise confidence limit at each time. */
    public double[] upper() {
        return upper.clone();
    }

    /** Median survival time, NaN when the curve does not reach 0.5 (R {@code summary(fit)$table[, "median"]}). */
    public double median() {
        return median;
    }

    /** Lower confidence limit of the median: the median rule applied to {@link #lower()} (R {@code 0.95LCL}). */
    public double medianLower() {
        return firstBelowHalf(lower);
    }

    /** Upper confidence limit of the median: the median rule applied to {@link #upper()} (R {@code 0.95UCL}). */
    public double medianUpper() {
        return firstBelowHalf(upper);
    }

    /**
     * R's {@code minmin} rule of {@code survival:::survmean}: among rows with a non-NaN value below
     * {@code 0.5 + sqrt(eps)}, the first time; if that value equals 0.5 (within {@code sqrt(eps)}) and a later
     * value is smaller, the midpoint of that time and the first time with a smaller value. NaN if none.
     */
    private double firstBelowHalf(double[] values) {
        double tolerance = Math.sqrt(Math.ulp(1.0));
        int first = -1;
        for (int k = 0; k < values.length; k++) {
            if (!Double.isNaN(values[k]) && values[k] < 0.5 + tolerance) {
                first = k;
                break;
            }
        }
        if (first < 0) {
            return Double.NaN;
        }
        if (Math.abs(values[first] - 0.5) < tolerance) {
            for (int k = first + 1; k < values.length; k++) {
                if (!Double.isNaN(values[k]) && values[k] < values[first]) {
                    return (times[first] + times[k]) / 2.0;
                }
            }
        }
        return times[first];
    }

    /**
     * Restricted mean survival time up to {@code tau} with its standard error, as R's
     * {@code print(fit, rmean = tau)} / {@code summary(fit, rmean = tau)$table[, c("rmean", "se(rmean)")]}
     * ({@code survival:::survmean}). With the times {@code t_1 < ... < t_m <= tau} and {@code t_0 = min(0, t_1)}:
     * {@code RMST = sum_{i=1}^{m+1} (t_i - t_{i-1}) S(t_{i-1})} with {@code t_{m+1} = tau}, {@code S(t_0) = 1};
     * {@code Var = sum_{i=1}^{m} A_i^2 d_i / (n_i (n_i - d_i))}, {@code A_i} the area under S from {@code t_i}
     * to {@code tau} (terms with {@code n_i = d_i} are 0).
     *
     * @throws IllegalArgumentException when tau is NaN or infinite
     */
    public RestrictedMean restrictedMean(double tau) {
        if (!Double.isFinite(tau)) {
            throw new IllegalArgumentException("restricted mean: tau must be finite, got " + tau);
        }
        double start = Math.min(0, times.length == 0 ? 0 : times[0]);
        List<double[]> keep = new ArrayList<>();
        for (int k = 0; k < times.length && times[k] <= tau; k++) {
            double h = nRisk[k] - nEvent[k] == 0 ? 0 : (double) nEvent[k] / ((double) nRisk[k] * (nRisk[k] - nEvent[k]));
            keep.add(new double[] {times[k], survival[k], h});
        }
        int m = keep.size();
        double[] rect = new double[m + 1];
        double previousTime = start;
        double previousSurvival = 1.0;
        for (int k = 0; k <= m; k++) {
            double t = k < m ? keep.get(k)[0] : tau;
            rect[k] = (t - previousTime) * previousSurvival;
            previousTime = t;
            if (k < m) {
                previousSurvival = keep.get(k)[1];
            }
        }
        double mean = start;
        for (double r : rect) {
            mean += r;
        }
        double variance = 0;
        double tail = 0;
        for (int k = m; k >= 1; k--) {
            tail += rect[k];
            variance += tail * tail * keep.get(k - 1)[2];
        }
        return new RestrictedMean(tau, mean, Math.sqrt(variance));
    }

    /**
     * The curve at the requested times (ascending), as R's {@code summary(fit, times = times)}: times after the
     * last observed time are left out (R's {@code extend = FALSE}).
     *
     * @throws IllegalArgumentException when the times are not finite and ascending
     */
    public List<TimePoint> at(double... requested) {
        List<TimePoint> out = new ArrayList<>();
        double last = times.length == 0 ? Double.NEGATIVE_INFINITY : times[times.length - 1];
        double previous = Double.NEGATIVE_INFINITY;
        for (double t : requested) {
            if (!Double.isFinite(t) || t < previous) {
                throw new IllegalArgumentException("times must be finite and ascending, got " + t + " after " + previous);
            }
            if (t > last) {
                break;
            }
            int row = -1;
            int events = 0;
            int risk = n;
            for (int k = 0; k < times.length; k++) {
                if (times[k] <= t) {
                    row = k;
                    if (times[k] > previous) {
                        events += nEvent[k];
                    }
                }
            }
            if (row + 1 < times.length) {
                risk = nRisk[row + 1];
                if (row >= 0 && times[row] == t) {
                    risk = nRisk[row];
                }
            } else {
                risk = nRisk[row];
            }
            if (row < 0) {
                out.add(new TimePoint(t, n, 0, 1.0, 0.0, 1.0, 1.0));
            } else {
                out.add(new TimePoint(t, risk, events, survival[row], survival[row] * stdErrLog[row], lower[row],
                        upper[row]));
            }
            previous = t;
        }
        return List.copyOf(out);
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
