package io.radflow.stats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.Conformance;

import org.junit.jupiter.api.Test;

/** Kaplan-Meier extras and the G-rho tests against R (see {@link KaplanMeierGolden}), plus properties. */
class KaplanMeierGoldenTest {

    @Test
    void curvesMatchSurvfit() {
        Conformance c = new Conformance();
        KaplanMeierGolden.compareCurves(c);
        c.assertAllPass();
    }

    @Test
    void logRankAndPetoPetoMatchSurvdiff() {
        Conformance c = new Conformance();
        KaplanMeierGolden.compareSurvdiff(c);
        c.assertAllPass();
    }

    @Test
    void restrictedMeanOfCurveWithoutEventsIsTau() {
        KaplanMeierCurve km = KaplanMeier.fit(SurvivalData.of(new double[] {5, 6, 7}, new boolean[3]));
        assertEquals(4.0, km.restrictedMean(4).mean(), 0.0);
        assertEquals(0.0, km.restrictedMean(4).se(), 0.0);
        assertTrue(Double.isNaN(km.median()));
    }

    @Test
    void badArgumentsAreRejected() {
        KaplanMeierCurve km = KaplanMeier.fit(SurvivalData.of(new double[] {1, 2}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class, () -> km.at(2, 1));
        assertThrows(IllegalArgumentException.class, () -> km.restrictedMean(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceType.parse("logit"));
        assertThrows(IllegalArgumentException.class,
                () -> KaplanMeier.fit(SurvivalData.of(new double[] {1}, new boolean[] {true}), ConfidenceType.LOG, 1.0));
    }
}
