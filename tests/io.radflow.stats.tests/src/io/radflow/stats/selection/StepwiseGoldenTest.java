package io.radflow.stats.selection;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.stats.Conformance;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Stepwise selection against R (see {@link StepwiseGolden}) and argument checks. */
class StepwiseGoldenTest {

    @Test
    void pathsAndFinalModelsMatchR() {
        Conformance c = new Conformance();
        StepwiseGolden.compare(c);
        c.assertAllPass();
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StepwiseSelection.Criterion.pValue(0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> StepwiseSelection.Criterion.bic(1));
        SubsetModel constant = terms -> new SubsetModel.Fit(10, terms.size());
        assertThrows(IllegalArgumentException.class, () -> StepwiseSelection.run(constant, List.of("a"),
                List.of("b"), StepwiseSelection.Direction.BACKWARD, StepwiseSelection.Criterion.aic()));
    }
}
