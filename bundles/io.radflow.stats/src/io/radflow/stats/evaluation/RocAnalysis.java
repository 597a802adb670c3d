package io.radflow.stats.evaluation;

import java.util.Arrays;

/**
 * Empirical ROC analysis of a continuous score against a binary outcome, with DeLong's variance of the
 * AUC. A higher score means "more likely positive" (pROC's {@code direction = "<"}: controls below
 * cases); negate a score for the other direction.
 *
 * <p>Notation: cases (positives) {@code X_1..X_m}, controls {@code Y_1..Y_n},
 * {@code psi(x, y) = 1} if {@code x > y}, {@code 1/2} if {@code x = y}, else 0.
 * <ul>
 * <li>AUC {@code = (1/mn) sum_i sum_j psi(X_i, Y_j)} (Mann-Whitney form, trapezoidal area under the
 * empirical curve).</li>
 * <li>DeLong placements {@code V10_i = (1/n) sum_j psi(X_i, Y_j)}, {@code V01_j = (1/m) sum_i psi(X_i, Y_j)};
 * {@code Var(AUC) = S10/m + S01/n} with the sample variances {@code S10}, {@code S01} (divisor m-1, n-1)
 * of the placements.</li>
 * </ul>
 * References: DeLong ER, DeLong DM, Clarke-Pearson DL, Biometrics 44:837-845 (1988); Sun X, Xu W, IEEE
 * Signal Process Lett 21:1389-1393 (2014) for the placement algorithm; R pROC {@code roc}, {@code auc},
 * {@code var(method = "delong")}, {@code ci.auc(method = "delong")}, {@code coords(x, "best")},
 * {@code roc.test(method = "delong")}. Immutable and thread-safe.
 */
public final class RocAnalysis {

    private final double[] cases;
    private final double[] controls;
    private final double[] caseScores;
    private final double[] controlScores;
    private final double auc;

    private RocAnalysis(double[] caseScores, double[] controlScores) {
        this.caseScores = caseScores;
        this.controlScores = controlScores;
        int m = caseScores.length;
        int n = controlScores.length;
        double[] sortedControls = controlScores.clone();
        Arrays.sort(sortedControls);
        double[] sortedCases = caseScores.clone();
        Arrays.sort(sortedCases);
        this.cases = new double[m];
        this.controls = new double[n];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            cases[i] = placement(caseScores[i], sortedControls, true);
            sum += cases[i];
        }
        for (int j = 0; j < n; j++) {
            controls[j] = placement(controlScores[j], sortedCases, false);
        }
        this.auc = sum / m;
    }

    /**
     * Fraction of {@code others} below {@code value} (half weight for ties) when {@code value} is a case;
     * fraction of {@code others} above it when it is a control.
     */
    private static double placement(double value, double[] sortedOthers, boolean valueIsCase) {
        int below = lowerBound(sortedOthers, value);
        int notAbove = upperBound(sortedOthers, value);
        int ties = notAbove - below;
        int above = sortedOthers.length - notAbove;
        double favourable = valueIsCase ? below : above;
        return (favourable + 0.5 * ties) / sortedOthers.length;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Analyses {@code score} against {@code positive}.
     *
     * @throws IllegalArgumentException for different lengths, a NaN/infinite score (named by position) or
     *         an outcome with a single class (the AUC needs at least one case and one control)
     */
    public static RocAnalysis of(double[] score, boolean[] positive) {
        Checks.finite("score", score, 2);
        Checks.sameLength("score", score.length, "outcome", positive.length);
        int m = Checks.count(positive);
        if (m == 0 || m == positive.length) {
            throw new IllegalArgumentException("outcome has a single class (" + m + " positives of "
                    + positive.length + "): the ROC curve needs cases and controls");
        }
        double[] caseScores = new double[m];
        double[] controlScores = new double[positive.length - m];
        int a = 0;
        int b = 0;
        for (int i = 0; i < score.length; i++) {
            if (positive[i]) {
                caseScores[a++] = score[i];
            } else {
                controlScores[b++] = score[i];
            }
        }
        return new RocAnalysis(caseScores, controlScores);
    }

    /** Same as {@link #of(double[], boolean[])} with a 0/1 outcome (1 = positive). */
    public static RocAnalysis of(double[] score, double[] outcome) {
        return of(score, Checks.binary("outcome", outcome));
    }

    public int caseCount() {
        return caseScores.length;
    }

    public int controlCount() {
        return controlScores.length;
    }

    /** AUC = P(case score &gt; control score) + P(tie)/2 (pROC {@code auc}). */
    public double auc() {
        return auc;
    }

    /**
     * DeLong variance {@code S10/m + S01/n} (pROC {@code var(roc, method = "delong")}); NaN when there is a
     * single case or a single control (sample variance undefined).
     */
    public double delongVariance() {
        return sampleVariance(cases, auc) / cases.length + sampleVariance(controls, auc) / controls.length;
    }

    private static double sampleVariance(double[] v, double mean) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    /**
     * DeLong confidence interval {@code AUC -/+ z_{(1+level)/2} sqrt(Var)}, clipped to [0, 1] (pROC
     * {@code ci.auc(method = "delong")}).
     */
    public ConfidenceInterval aucConfidenceInterval(double level) {
        Checks.level("level", level);
        double z = Probabilities.normalQuantile(0.5 + level / 2);
        double se = Math.sqrt(delongVariance());
        return new ConfidenceInterval(auc, Math.max(0, auc - z * se), Math.min(1, auc + z * se), level);
    }

    /** The empirical curve with pROC's thresholds (see {@link RocCurve}). */
    public RocCurve curve() {
        double[] all = new double[caseScores.length + controlScores.length];
        System.arraycopy(caseScores, 0, all, 0, caseScores.length);
        System.arraycopy(controlScores, 0, all, caseScores.length, controlScores.length);
        double[] distinct = Arrays.stream(all).sorted().distinct().toArray();
        double[] thresholds = new double[distinct.length + 1];
        thresholds[0] = Double.NEGATIVE_INFINITY;
        thresholds[distinct.length] = Double.POSITIVE_INFINITY;
        for (int k = 1; k < distinct.length; k++) {
            thresholds[k] = (distinct[k - 1] + distinct[k]) / 2;
        }
        double[] sortedCases = caseScores.clone();
        Arrays.sort(sortedCases);
        double[] sortedControls = controlScores.clone();
        Arrays.sort(sortedControls);
        double[] sens = new double[thresholds.length];
        double[] spec = new double[thresholds.length];
        for (int k = 0; k < thresholds.length; k++) {
            sens[k] = (double) (sortedCases.length - upperBound(sortedCases, thresholds[k])) / sortedCases.length;
            spec[k] = (double) upperBound(sortedControls, thresholds[k]) / sortedControls.length;
        }
        return new RocCurve(thresholds, sens, spec);
    }

    /**
     * The threshold with the largest sensitivity + specificity (pROC {@code coords(roc, "best",
     * best.method = "youden")}); among equal maxima the lowest threshold is returned. The infinite end
     * thresholds are candidates as in pROC.
     */
    public YoudenCutoff youden() {
        RocCurve curve = curve();
        double[] t = curve.thresholds();
        double[] se = curve.sensitivities();
        double[] sp = curve.specificities();
        int best = 0;
        for (int k = 1; k < t.length; k++) {
            if (se[k] + sp[k] > se[best] + sp[best]) {
                best = k;
            }
        }
        return new YoudenCutoff(t[best], se[best], sp[best]);
    }

    /**
     * Paired DeLong test of two scores measured on the same subjects with the same outcome:
     * {@code z = (A1 - A2) / sqrt(L S L')} with {@code L = (1, -1)} and {@code S = S10/m + S01/n}, the 2x2
     * covariance matrices of the placements of both scores (pROC {@code roc.test(method = "delong",
     * paired = TRUE)}); the interval is {@code (A1 - A2) -/+ z_{(1+level)/2} sqrt(L S L')}.
     *
     * @throws IllegalArgumentException if the analyses do not share the same cases and controls
     */
    public static RocComparison compareDeLong(RocAnalysis first, RocAnalysis second, double level) {
        Checks.level("level", level);
        if (first.cases.length != second.cases.length || first.controls.length != second.controls.length) {
            throw new IllegalArgumentException("paired DeLong test needs the same subjects: " + first.cases.length
                    + "/" + first.controls.length + " vs " + second.cases.length + "/" + second.controls.length
                    + " cases/controls");
        }
        int m = first.cases.length;
        int n = first.controls.length;
        double var = (covariance(first.cases, first.auc, first.cases, first.auc)
                + covariance(second.cases, second.auc, second.cases, second.auc)
                - 2 * covariance(first.cases, first.auc, second.cases, second.auc)) / m
                + (covariance(first.controls, first.auc, first.controls, first.auc)
                        + covariance(second.controls, second.auc, second.controls, second.auc)
                        - 2 * covariance(first.controls, first.auc, second.controls, second.auc)) / n;
        double d = first.auc - second.auc;
        double se = Math.sqrt(var);
        double z = d == 0 && se == 0 ? 0 : d / se;
        double p = 2 * Probabilities.normalCdf(-Math.abs(z));
        double crit = Probabilities.normalQuantile(0.5 + level / 2);
        return new RocComparison(first.auc, second.auc, se, z, p,
                new ConfidenceInterval(d, d - crit * se, d + crit * se, level));
    }

    private static double covariance(double[] a, double meanA, double[] b, double meanB) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - meanA) * (b[i] - meanB);
        }
        return s / (a.length - 1);
    }
}
