package io.radflow.stats;

import io.radflow.stats.regression.LogisticGolden;
import io.radflow.stats.selection.StepwiseGolden;
import io.radflow.stats.survival.CoxGolden;
import io.radflow.stats.survival.KaplanMeierGolden;
import io.radflow.testsupport.TestOutput;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Writes the conformance table of the statistical models against R ({@code golden/models/}):
 * {@code ${radflow.test.output}/conformance-stats-models.md} and {@code .csv}, every compared quantity with
 * Radflow's value, R's value, the tolerance and pass/fail, and the summary line "N of M pass".
 */
class ModelsConformanceTest {

    @Test
    void writesConformanceTable() {
        Conformance c = new Conformance();
        KaplanMeierGolden.compareCurves(c);
        KaplanMeierGolden.compareSurvdiff(c);
        CoxGolden.compareFits(c);
        CoxGolden.compareMonotone(c);
        LogisticGolden.compareGlm(c);
        LogisticGolden.compareSeparationAndFirth(c);
        StepwiseGolden.compare(c);
        Path out = TestOutput.folder();
        c.write(out, "conformance-stats-models", "Statistics models: conformance with R (survival, MASS, glm)");
        System.out.println("conformance-stats-models: " + c.summary());
        c.assertAllPass();
    }
}
