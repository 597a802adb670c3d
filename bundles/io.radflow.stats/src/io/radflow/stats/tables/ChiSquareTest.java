package io.radflow.stats.tables;

import io.radflow.stats.evaluation.Probabilities;

/**
 * Pearson's chi-square test of independence in an r x c contingency table (R {@code chisq.test(table)}):
 * expected counts {@code E_ij = R_i C_j / N}, {@code X^2 = sum (|O - E| - Y)^2 / E} with Yates' continuity
 * correction {@code Y = min(1/2, |O - E|)} for 2 x 2 tables (else {@code Y = 0}), on {@code (r-1)(c-1)}
 * df. Thread-safe, stateless.
 */
public final class ChiSquareTest {

    /**
     * @param statistic X^2
     * @param df degrees of freedom
     * @param p upper-tail p value
     * @param yates whether Yates' correction was applied
     * @param smallestExpected the smallest expected count (R warns below 5)
     */
    public record Result(double statistic, int df, double p, boolean yates, double smallestExpected) {
    }

    private ChiSquareTest() {
    }

    /**
     * @param counts observed counts, rows x columns (at least 2 x 2)
     * @throws IllegalArgumentException for a ragged/small table, a negative or non-finite count (named by
     *         cell), or a row or column with total 0
     */
    public static Result test(double[][] counts) {
        Contingency table = Contingency.of(counts);
        double[][] expected = table.expected();
        boolean yates = table.rows() == 2 && table.columns() == 2;
        double x2 = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < table.columns(); j++) {
                double e = expected[i][j];
                double diff = Math.abs(counts[i][j] - e);
                double y = yates ? Math.min(0.5, diff) : 0;
                x2 += (diff - y) * (diff - y) / e;
                smallest = Math.min(smallest, e);
            }
        }
        int df = (table.rows() - 1) * (table.columns() - 1);
        return new Result(x2, df, Probabilities.chiSquareUpper(x2, df), yates, smallest);
    }
}
