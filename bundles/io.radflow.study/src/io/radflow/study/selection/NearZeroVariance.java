package io.radflow.study.selection;

import java.util.HashMap;
import java.util.Map;

/**
 * The near-zero-variance rule of R's {@code caret::nearZeroVar(x, freqCut = 95/5, uniqueCut = 10)}. Over the
 * non-missing values of a column: {@code freqRatio} = count of the most frequent value / count of the second most
 * frequent (0 when there is only one distinct value), {@code percentUnique} = 100 x distinct values / n with n
 * counting missing values too; a column is near-zero variance when
 * {@code (freqRatio > freqCut and percentUnique <= uniqueCut) or zeroVar}, zeroVar meaning at most one distinct value.
 * Values are compared exactly (caret compares their 15-significant-digit text, which differs only for values equal to
 * 15 digits but not as doubles). Stateless.
 */
public final class NearZeroVariance {

    /**
     * The rule's quantities for one column.
     *
     * @param freqRatio     most / second most frequent count
     * @param percentUnique distinct values in percent of all rows
     * @param zeroVar       at most one distinct non-missing value
     * @param nzv           the verdict
     */
    public record Metrics(double freqRatio, double percentUnique, boolean zeroVar, boolean nzv) {
    }

    private NearZeroVariance() {
    }

    /** The metrics of {@code values} (NaN = missing). */
    public static Metrics of(double[] values, double freqCut, double uniqueCut) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts.merge(v == 0 ? 0.0 : v, 1, Integer::sum);
            }
        }
        int first = 0;
        int second = 0;
        for (int c : counts.values()) {
            if (c > first) {
                second = first;
                first = c;
            } else if (c > second) {
                second = c;
            }
        }
        double freqRatio = counts.size() <= 1 ? 0 : (double) first / second;
        double percentUnique = 100.0 * counts.size() / values.length;
        boolean zeroVar = counts.size() <= 1;
        return new Metrics(freqRatio, percentUnique, zeroVar, freqRatio > freqCut && percentUnique <= uniqueCut || zeroVar);
    }
}
