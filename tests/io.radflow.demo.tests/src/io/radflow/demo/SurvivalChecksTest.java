package io.radflow.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test helpers against values computed by R. */
class SurvivalChecksTest {

    /**
     * R 4.x, survival package, {@code survdiff(Surv(time, status) ~ x, data = aml)}: observed 7 / 11,
     * expected 10.69 / 7.31, Chisq = 3.4 on 1 df, p = 0.07.
     */
    @Test
    void logRankMatchesRSurvdiffOnAml() {
        double[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
        int[] status = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1};
        boolean[] event = new boolean[time.length];
        boolean[] maintained = new boolean[time.length];
        for (int i = 0; i < time.length; i++) {
            event[i] = status[i] == 1;
            maintained[i] = i < 11;
        }
        assertEquals(3.4, SurvivalChecks.logRankChiSquare(time, event, maintained), 0.05);
    }

    /** R: {@code cor(c(1,2,3,4,5), c(2,1,4,3,5), method = "spearman")} = 0.8; ties get average ranks. */
    @Test
    void spearmanMatchesR() {
        assertEquals(0.8, SurvivalChecks.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}), 1e-12);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, SurvivalChecks.ranks(new double[] {1, 7, 7, 9}), 0);
        // R: cor(c(1,2,2,3), c(1,3,2,4), method = "spearman") = 0.9486833
        assertEquals(0.9486833, SurvivalChecks.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}), 1e-6);
    }
}
