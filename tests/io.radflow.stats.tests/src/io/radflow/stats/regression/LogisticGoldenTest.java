package io.radflow.stats.regression;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.Conformance;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Logistic and Firth regression against R (see {@link LogisticGolden}) and clear errors for bad input. */
class LogisticGoldenTest {

    @Test
    void glmMatchesR() {
        Conformance c = new Conformance();
        LogisticGolden.compareGlm(c);
        c.assertAllPass();
    }

    @Test
    void separationIsFlaggedAndFirthMatchesTheReference() {
        Conformance c = new Conformance();
        LogisticGolden.compareSeparationAndFirth(c);
        c.assertAllPass();
    }

    @Test
    void quasiSeparationNamesTheDivergingCoefficient() {
        double[] y = {0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1};
        double[][] x = {{0, 1.2}, {0, -0.3}, {0, 0.5}, {0, 0.1}, {0, -1.1}, {1, 0.2}, {0, 0.7}, {1, -0.4}, {1, 1.5},
            {0, -0.8}, {0, 0.9}, {1, 0.0}};
        LogisticFit fit = new LogisticRegression().fit(y, x, List.of("x1", "x2"));
        assertTrue(fit.separation().detected(), fit.summary());
        assertTrue(fit.separation().divergingCoefficients().contains("x1"), fit.separation().toString());
    }

    @Test
    void badInputGivesClearErrors() {
        LogisticRegression glm = new LogisticRegression();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> glm.fit(new double[] {0, 1, 2, 0}, new double[][] {{1}, {2}, {3}, {4}}, List.of("a")));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> glm.fit(new double[] {0, 1, 1, 0},
                new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8.0}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("collinear"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> glm.fit(new double[] {0, 1, 1, 0},
                new double[][] {{1, 2}, {2, Double.NaN}, {3, 6}, {4, 8.0}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("'b'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> glm.fit(new double[] {0, 1, 1},
                new double[][] {{1, 2}, {2, 3}, {3, 6}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("more rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FirthLogisticRegression().fit(
                new double[] {0, 1, 1, 0}, new double[][] {{5}, {5}, {5}, {5}}, List.of("c")));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("constant"), e.getMessage());
    }
}
