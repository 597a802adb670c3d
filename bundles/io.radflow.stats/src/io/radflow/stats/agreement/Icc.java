package io.radflow.stats.agreement;

import io.radflow.stats.evaluation.Checks;
import io.radflow.stats.evaluation.Probabilities;

import java.util.ArrayList;
import java.util.List;

/**
 * Intraclass correlation coefficients of an {@code n x k} table (n subjects rated by the same k raters),
 * from the two-way ANOVA mean squares: between subjects {@code MSB = k sum_i (m_i - m)^2/(n-1)}, between
 * raters {@code MSJ = n sum_j (m_j - m)^2/(k-1)}, residual {@code MSE = SSE/((n-1)(k-1))} and within
 * subjects {@code MSW = (SSJ + SSE)/(n(k-1))}.
 * <ul>
 * <li>ICC1 {@code = (MSB - MSW)/(MSB + (k-1) MSW)}, ICC1k {@code = (MSB - MSW)/MSB}; {@code F = MSB/MSW}
 * with {@code (n-1, n(k-1))} df.</li>
 * <li>ICC2 {@code = (MSB - MSE)/(MSB + (k-1) MSE + k (MSJ - MSE)/n)}, ICC2k
 * {@code = (MSB - MSE)/(MSB + (MSJ - MSE)/n)}; ICC3 {@code = (MSB - MSE)/(MSB + (k-1) MSE)}, ICC3k
 * {@code = (MSB - MSE)/MSB}; {@code F = MSB/MSE} with {@code (n-1, (n-1)(k-1))} df.</li>
 * <li>Confidence intervals: {@code F_L = F/F_{1-a/2}(df1, df2)}, {@code F_U = F F_{1-a/2}(df2, df1)};
 * ICC1 and ICC3 {@code [(F_L-1)/(F_L+k-1), (F_U-1)/(F_U+k-1)]}, the k forms {@code [1-1/F_L, 1-1/F_U]};
 * ICC2 by Satterthwaite's approximate df {@code v} (Shrout and Fleiss 1979, eq. for ICC(2,1)), ICC2k by the
 * Spearman-Brown step-up of the ICC2 bounds.</li>
 * </ul>
 * References: Shrout PE, Fleiss JL, Psychol Bull 86:420-428 (1979); McGraw KO, Wong SP, Psychol Methods
 * 1:30-46 (1996); R {@code psych::ICC(x, lmer = FALSE)}. Thread-safe, stateless.
 */
public final class Icc {

    private Icc() {
    }

    /**
     * All six forms at confidence {@code level} (psych's {@code alpha = 1 - level}), in the order ICC1,
     * ICC2, ICC3, ICC1k, ICC2k, ICC3k.
     *
     * @param ratings rows = subjects, columns = raters; no missing values
     * @throws IllegalArgumentException for fewer than 2 subjects or raters, ragged rows, NaN (named by
     *         row and column) or constant ratings (all mean squares 0)
     */
    public static List<IccResult> compute(double[][] ratings, double level) {
        Checks.level("level", level);
        int n = ratings.length;
        if (n < 2) {
            throw new IllegalArgumentException("ICC needs at least 2 subjects (rows), got " + n);
        }
        int k = ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("ICC needs at least 2 raters (columns), got " + k);
        }
        double grand = 0;
        double[] rowMean = new double[n];
        double[] colMean = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + ratings[i].length + " ratings, row 1 has "
                        + k);
            }
            for (int j = 0; j < k; j++) {
                double x = ratings[i][j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("rating at row " + (i + 1) + ", column " + (j + 1)
                            + " is missing or infinite (" + x + ")");
                }
                rowMean[i] += x / k;
                colMean[j] += x / n;
                grand += x;
            }
        }
        grand /= n * k;
        double ssb = 0;
        double ssj = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            ssb += k * (rowMean[i] - grand) * (rowMean[i] - grand);
            for (int j = 0; j < k; j++) {
                sst += (ratings[i][j] - grand) * (ratings[i][j] - grand);
            }
        }
        for (int j = 0; j < k; j++) {
            ssj += n * (colMean[j] - grand) * (colMean[j] - grand);
        }
        if (sst == 0) {
            throw new IllegalArgumentException("all ratings are equal: the ICC is undefined");
        }
        double sse = sst - ssb - ssj;
        double dfB = n - 1;
        double dfJ = k - 1;
        double dfE = (n - 1.0) * (k - 1.0);
        double msb = ssb / dfB;
        double msj = ssj / dfJ;
        double mse = sse / dfE;
        double msw = (ssj + sse) / (dfJ + dfE);

        double icc1 = (msb - msw) / (msb + (k - 1) * msw);
        double icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
        double icc3 = (msb - mse) / (msb + (k - 1) * mse);
        double icc1k = (msb - msw) / msb;
        double icc2k = (msb - mse) / (msb + (msj - mse) / n);
        double icc3k = (msb - mse) / msb;
        double f11 = msb / msw;
        double df11d = n * (k - 1.0);
        double p11 = Probabilities.fUpper(f11, dfB, df11d);
        double f21 = msb / mse;
        double p21 = Probabilities.fUpper(f21, dfB, dfE);
        double q = 1 - (1 - level) / 2;

        double f1l = f11 / Probabilities.fQuantile(q, dfB, df11d);
        double f1u = f11 * Probabilities.fQuantile(q, df11d, dfB);
        double f3l = f21 / Probabilities.fQuantile(q, dfB, dfE);
        double f3u = f21 * Probabilities.fQuantile(q, dfE, dfB);

        double fj = msj / mse;
        double a = k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2;
        double v = (k - 1) * (n - 1) * a * a
                / ((n - 1) * k * k * icc2 * icc2 * fj * fj
                        + Math.pow(n * (1 + (k - 1) * icc2) - k * icc2, 2));
        double fu2 = Probabilities.fQuantile(q, n - 1, v);
        double fl2 = Probabilities.fQuantile(q, v, n - 1);
        double l2 = n * (msb - fu2 * mse) / (fu2 * (k * msj + (k * n - k - n) * mse) + n * msb);
        double u2 = n * (fl2 * msb - mse) / (k * msj + (k * n - k - n) * mse + n * fl2 * msb);

        List<IccResult> out = new ArrayList<>(6);
        out.add(new IccResult(IccType.ICC1, icc1, f11, dfB, df11d, p11, (f1l - 1) / (f1l + (k - 1)),
                (f1u - 1) / (f1u + k - 1)));
        out.add(new IccResult(IccType.ICC2, icc2, f21, dfB, dfE, p21, l2, u2));
        out.add(new IccResult(IccType.ICC3, icc3, f21, dfB, dfE, p21, (f3l - 1) / (f3l + k - 1),
                (f3u - 1) / (f3u + k - 1)));
        out.add(new IccResult(IccType.ICC1K, icc1k, f11, dfB, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u));
        out.add(new IccResult(IccType.ICC2K, icc2k, f21, dfB, dfE, p21, l2 * k / (1 + l2 * (k - 1)),
                u2 * k / (1 + u2 * (k - 1))));
        out.add(new IccResult(IccType.ICC3K, icc3k, f21, dfB, dfE, p21, 1 - 1 / f3l, 1 - 1 / f3u));
        return List.copyOf(out);
    }
}
