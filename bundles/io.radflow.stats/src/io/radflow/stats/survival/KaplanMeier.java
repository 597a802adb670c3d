package io.radflow.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kaplan-Meier (product-limit) estimator, equal to R's {@code survfit(Surv(time, status) ~ 1)} and
 * {@code survfit(Surv(time, status) ~ group)} with default options. Formulas are on
 * {@link KaplanMeierCurve}. Reference: Kaplan EL, Meier P (1958) JASA 53:457-481; Greenwood M
 * (1926) Reports on Public Health and Medical Subjects 33.
 */
public final class KaplanMeier {

    /** Tolerance R uses when comparing a survival value with 0.5 ({@code sqrt(.Machine$double.eps)}). */
    private static final double MEDIAN_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private KaplanMeier() {
    }

    /** One curve over all subjects, ignoring any groups; its group label is "all". */
    public static KaplanMeierCurve fit(SurvivalData data) {
        return fit("all", data.time(), data.event());
    }

    /** One curve per group, in {@link SurvivalData#groupLevels()} order. */
    public static List<KaplanMeierCurve> fitByGroup(SurvivalData data) {
        List<KaplanMeierCurve> curves = new ArrayList<>();
        for (String level : data.groupLevels()) {
            SurvivalData part = data.subset(level);
            curves.add(fit(level, part.time(), part.event()));
        }
        return List.copyOf(curves);
    }

    private static KaplanMeierCurve fit(String group, double[] time, boolean[] event) {
        int n = time.length;
        if (n == 0) {
            throw new IllegalArgumentException("Group '" + group + "' has no subjects");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        List<double[]> rows = new ArrayList<>();
        int atRisk = n;
        double s = 1.0;
        double varLog = 0.0;
        int i = 0;
        while (i < n) {
            double t = time[order[i]];
            int d = 0;
            int c = 0;
            while (i < n && time[order[i]] == t) {
                if (event[order[i]]) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                s *= 1.0 - (double) d / atRisk;
                varLog += d == atRisk ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
            }
            double se = Math.sqrt(varLog);
            double lo;
            double hi;
            if (s == 0) {
                lo = Double.NaN;
                hi = Double.NaN;
            } else {
                lo = Math.exp(Math.log(s) - Distributions.Z_975 * se);
                hi = Math.min(1.0, Math.exp(Math.log(s) + Distributions.Z_975 * se));
            }
            rows.add(new double[] {t, atRisk, d, c, s, se, lo, hi});
            atRisk -= d + c;
        }
        int m = rows.size();
        double[] times = new double[m];
        int[] nRisk = new int[m];
        int[] nEvent = new int[m];
        int[] nCensor = new int[m];
        double[] surv = new double[m];
        double[] se = new double[m];
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int k = 0; k < m; k++) {
            double[] r = rows.get(k);
            times[k] = r[0];
            nRisk[k] = (int) r[1];
            nEvent[k] = (int) r[2];
            nCensor[k] = (int) r[3];
            surv[k] = r[4];
            se[k] = r[5];
            lower[k] = r[6];
            upper[k] = r[7];
        }
        return new KaplanMeierCurve(group, n, times, nRisk, nEvent, nCensor, surv, se, lower, upper,
                median(times, nEvent, surv));
    }

    /** R's median rule (see {@link KaplanMeierCurve#median()}), on event times only. */
    static double median(double[] times, int[] nEvent, double[] surv) {
        int first = -1;
        for (int k = 0; k < times.length; k++) {
            if (nEvent[k] > 0 && surv[k] <= 0.5 + MEDIAN_TOLERANCE) {
                first = k;
                break;
            }
        }
        if (first < 0) {
            return Double.NaN;
        }
        if (Math.abs(surv[first] - 0.5) < MEDIAN_TOLERANCE) {
            for (int k = first + 1; k < times.length; k++) {
                if (nEvent[k] > 0 && surv[k] < 0.5 - MEDIAN_TOLERANCE) {
                    return (times[first] + times[k]) / 2.0;
                }
            }
        }
        return times[first];
    }
}
