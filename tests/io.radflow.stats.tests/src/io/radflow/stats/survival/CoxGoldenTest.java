package io.radflow.stats.survival;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.Conformance;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Cox extras against R (see {@link CoxGolden}) and clear errors for bad input. */
class CoxGoldenTest {

    @Test
    void stratifiedWeightedFitsBaselineHazardPredictionAndZphMatchR() {
        Conformance c = new Conformance();
        CoxGolden.compareFits(c);
        c.assertAllPass();
    }

    @Test
    void monotoneLikelihoodIsFlaggedLikeR() {
        Conformance c = new Conformance();
        CoxGolden.compareMonotone(c);
        c.assertAllPass();
    }

    @Test
    void badInputGivesClearErrors() {
        SurvivalData three = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {true, true, false});
        CoxRegression cox = new CoxRegression(CoxRegression.Ties.EFRON);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(three, new double[][] {{1, 2, 3, 4}, {2, 3, 1, 5}, {0, 1, 1, 2}}, List.of("a", "b", "c", "d")));
        assertTrue(e.getMessage().contains("n < p"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cox.fit(
                SurvivalData.of(new double[] {1, 2, 3}, new boolean[3]), new double[][] {{1}, {2}, {3}}, List.of("a")));
        assertTrue(e.getMessage().contains("censored"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(three, new double[][] {{1, 2}, {Double.NaN, 3}, {0, 1}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("'a'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(three, new double[][] {{1, 2}, {2, 4}, {3, 6}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("collinear"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(three, new double[][] {{1, 7}, {2, 7}, {3, 7}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cox.fit(three, new double[][] {{1}, {2}, {0}},
                List.of("a"), null, new double[] {1, 0, 1}));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }
}
