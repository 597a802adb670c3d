package io.radflow.stats.evaluation;

import io.radflow.stats.survival.ConfidenceType;
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of predicted risks of a survival model at a horizon {@code t}: predicted risk
 * {@code F(t|x) = 1 - S(t|x)} against the observed risk {@code 1 - KM(t)}. Thread-safe, stateless.
 *
 * <ul>
 * <li>Groups: {@code g} groups cut at the type-7 quantiles of the predicted risks (R
 * {@code cut(risk, quantile(risk, 0:g/g), include.lowest = TRUE)}, as the Hosmer-Lemeshow groups of
 * {@link Calibration}). Per group: mean predicted risk and observed risk {@code 1 - KM_k(t)} ({@link KaplanMeier},
 * R {@code summary(survfit(Surv(time, status) ~ 1), times = t, extend = TRUE)}: the last value before t when the
 * group's follow-up ends earlier) with the Greenwood log-type interval ({@code 1 - upper}, {@code 1 - lower}).</li>
 * <li>D'Agostino-Nam chi-square {@code sum_k n_k (O_k - P_k)^2 / (P_k (1 - P_k))} with {@code O_k = 1 - KM_k(t)}
 * and {@code P_k} the mean predicted risk, on {@code g - 1} df (D'Agostino RB, Nam BH, Handbook of Statistics
 * 23:1-25, 2004; Demler OV, Paynter NP, Cook NR, Stat Med 34:1659-1680, 2015).</li>
 * <li>IPCW Brier score (Graf E, Schmoor C, Sauerbrei W, Schumacher M, Stat Med 18:2529-2545, 1999):
 * {@code BS(t) = n^-1 sum_i [I(T_i <= t, event) (1 - F_i)^2 / G(T_i-) + I(T_i > t) F_i^2 / G(t)]}, {@code G} the
 * Kaplan-Meier of the censoring times; R {@code riskRegression::Score(metrics = "brier", cens.model = "km")}.</li>
 * </ul>
 */
public final class SurvivalCalibration {

    /**
     * One risk group.
     *
     * @param size subjects in the group
     * @param predicted mean predicted risk {@code F(t|x)}
     * @param observed {@code 1 - KM(t)} of the group
     * @param lower lower limit of the observed risk ({@code 1 -} upper Greenwood log limit of S)
     * @param upper upper limit of the observed risk (NaN where {@code KM(t) = 0})
     */
    public record Group(int size, double predicted, double observed, double lower, double upper) {
    }

    /**
     * @param horizon {@code t}
     * @param groups the risk groups, in increasing order of predicted risk
     * @param chiSquare D'Agostino-Nam statistic
     * @param df {@code g - 1}
     * @param p upper-tail chi-square p value
     * @param brier IPCW Brier score at t
     */
    public record Result(double horizon, List<Group> groups, double chiSquare, int df, double p, double brier) {
        public Result {
            groups = List.copyOf(groups);
        }
    }

    private SurvivalCalibration() {
    }

    /**
     * Calibration at horizon {@code t} with {@code g} groups and Greenwood intervals at {@code level}.
     *
     * @param risk predicted risk {@code F(t|x)} per subject, in [0, 1]
     * @throws IllegalArgumentException for a risk outside [0, 1] (named by position), a length mismatch, fewer than
     *         2 groups, tied risks that make quantile breaks repeat, a group whose mean predicted risk is 0 or 1, or a
     *         bad horizon ({@link Checks#horizon})
     */
    public static Result at(SurvivalData data, double[] risk, double t, int groups, double level) {
        check(data, risk, t);
        Checks.level("level", level);
        ProbabilityBins bins = new ProbabilityBins(risk, groups);
        List<List<Integer>> members = new ArrayList<>();
        for (int k = 0; k < bins.groups(); k++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < risk.length; i++) {
            members.get(bins.of(risk[i])).add(i);
        }
        List<Group> out = new ArrayList<>();
        double chi = 0;
        for (int k = 0; k < members.size(); k++) {
            List<Integer> rows = members.get(k);
            double mean = 0;
            for (int row : rows) {
                mean += risk[row] / rows.size();
            }
            if (!(mean > 0 && mean < 1)) {
                throw new IllegalArgumentException("risk group " + (k + 1) + " has mean predicted risk " + mean
                        + " at t=" + t + ": the chi-square needs 0 < risk < 1");
            }
            double[] km = kaplanMeierAt(subset(data, rows), t, level);
            double observed = 1 - km[0];
            out.add(new Group(rows.size(), mean, observed, 1 - km[2], 1 - km[1]));
            chi += rows.size() * (observed - mean) * (observed - mean) / (mean * (1 - mean));
        }
        int df = out.size() - 1;
        return new Result(t, out, chi, df, Probabilities.chiSquareUpper(chi, df), brier(data, risk, t));
    }

    /**
     * IPCW Brier score at {@code t} (formula in the class description).
     *
     * @throws IllegalArgumentException as {@link #at}
     */
    public static double brier(SurvivalData data, double[] risk, double t) {
        check(data, risk, t);
        CensoringDistribution g = new CensoringDistribution(data, false);
        double gt = g.at(t);
        double sum = 0;
        for (int i = 0; i < risk.length; i++) {
            if (data.time(i) <= t && data.event(i)) {
                sum += (1 - risk[i]) * (1 - risk[i]) / g.before(data.time(i));
            } else if (data.time(i) > t) {
                sum += risk[i] * risk[i] / gt;
            }
        }
        return sum / risk.length;
    }

    /**
     * {@code {S(t), lower, upper}} of the Kaplan-Meier curve of {@code data} (log-type interval at {@code level}):
     * the last row at or before t, {@code {1, 1, 1}} before the first time.
     */
    static double[] kaplanMeierAt(SurvivalData data, double t, double level) {
        KaplanMeierCurve curve = KaplanMeier.fit(data, ConfidenceType.LOG, level);
        double[] times = curve.times();
        int row = -1;
        while (row + 1 < times.length && times[row + 1] <= t) {
            row++;
        }
        return row < 0 ? new double[] {1, 1, 1}
                : new double[] {curve.survival()[row], curve.lower()[row], curve.upper()[row]};
    }

    /** The given rows of {@code data}, in that order. */
    static SurvivalData subset(SurvivalData data, List<Integer> rows) {
        double[] time = new double[rows.size()];
        boolean[] event = new boolean[rows.size()];
        for (int r = 0; r < time.length; r++) {
            time[r] = data.time(rows.get(r));
            event[r] = data.event(rows.get(r));
        }
        return SurvivalData.of(time, event);
    }

    static void check(SurvivalData data, double[] risk, double t) {
        Checks.probabilities("risk", risk);
        Checks.sameLength("risk", risk.length, "survival data", data.size());
        Checks.horizon(data, t);
    }
}
