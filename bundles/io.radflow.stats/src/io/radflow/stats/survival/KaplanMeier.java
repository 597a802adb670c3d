package io.radflow.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kaplan-Meier (product-limit) estimator, equal to R's {@code survfit(Surv(time, status) ~ 1)} and
 * {@code survfit(Surv(time, status) ~ group, conf.type = ..., conf.int = ...)}. Formulas are on
 * {@link KaplanMeierCurve}. Reference: Kaplan EL, Meier P (1958) JASA 53:457-481; Greenwood M
 * (1926) Reports on Public Health and Medical Subjects 33.
 */
public final class KaplanMeier {

    private KaplanMeier() {
    }

    /** One curve over all subjects, ignoring any groups; its group label is "all"; log CI, 95 %. */
    public static KaplanMeierCurve fit(SurvivalData data) {
        return fit(data, ConfidenceType.LOG, 0.95);
    }

    /**
     * One curve over all subjects with the given interval type and level (R {@code survfit(..., conf.type,
     * conf.int)}).
     */
    public static KaplanMeierCurve fit(SurvivalData data, ConfidenceType type, double level) {
        return fit("all", data.time(), data.event(), type, level);
    }

    /** One curve per group, in {@link SurvivalData#groupLevels()} order; log CI, 95 %. */
    public static List<KaplanMeierCurve> fitByGroup(SurvivalData data) {
        return fitByGroup(data, ConfidenceType.LOG, 0.95);
    }

    /** One curve per group, in {@link SurvivalData#groupLevels()} order, with the given interval type and level. */
    public static List<KaplanMeierCurve> fitByGroup(SurvivalData data, ConfidenceType type, double level) {
        List<KaplanMeierCurve> curves = new ArrayList<>();
        for (String level1 : data.groupLevels()) {
            SurvivalData part = data.subset(level1);
            curves.add(fit(level1, part.time(), part.event(), type, level));
        }
        return List.copyOf(curves);
    }

    private static KaplanMeierCurve fit(String group, double[] time, boolean[] event, ConfidenceType type,
            double level) {
        if (type == null) {
            throw new IllegalArgumentException("confidence type must not be null");
        }
        double z = Distributions.twoSidedCritical(level);
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
            double[] ci = type.interval(s, se, z);
            rows.add(new double[] {t, atRisk, d, c, s, se, ci[0], ci[1]});
            atRisk -= d + c;
        }
        int m = rows.size();
        double[][] columns = new double[8][m];
        for (int k = 0; k < m; k++) {
            for (int col = 0; col < 8; col++) {
                columns[col][k] = rows.get(k)[col];
            }
        }
        return new KaplanMeierCurve(group, n, columns[0], toInt(columns[1]), toInt(columns[2]), toInt(columns[3]),
                columns[4], columns[5], columns[6], columns[7], type, level);
    }

    private static int[] toInt(double[] values) {
        int[] out = new int[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) values[k];
        }
        return out;
    }
}
