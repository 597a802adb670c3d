package io.radflow.stats.evaluation;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.GoldenJson;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Brier score, Hosmer-Lemeshow, decision curves and the binned bootstrap calibration curve against R. */
class CalibrationTest {

    private static final GoldenJson FILE = GoldenJson.load("eval/calibration.json");

    @AfterAll
    static void report() {
        Conformance.write();
    }

    @Test
    void brierHosmerLemeshowAndNetBenefitMatchR() {
        for (String set : List.of("asah", "pbc")) {
            GoldenJson g = FILE.object(set);
            double[] y = g.numbers("y");
            double[] p = g.numbers("p");
            check("Brier score mean((p-y)^2)", set, "Brier", Calibration.brier(p, y), g.number("brier"), CLOSED);
            Calibration.HosmerLemeshow hl = Calibration.hosmerLemeshow(p, y, 10);
            GoldenJson rhl = g.object("hl");
            check("hoslem.test formula g=10", set, "statistic", hl.statistic(), rhl.number("statistic"), CLOSED);
            check("hoslem.test formula g=10", set, "p", hl.p(), rhl.number("p"), CLOSED);
            check("hoslem.test formula g=10", set, "observed", hl.observed(), rhl.numbers("observed"), CLOSED);
            check("hoslem.test formula g=10", set, "expected", hl.expected(), rhl.numbers("expected"), CLOSED);
            GoldenJson dca = g.object("dca");
            DecisionCurve.Result nb = DecisionCurve.netBenefit(p, y, dca.numbers("thresholds"));
            check("dcurves::dca formula", set, "net benefit model", nb.model(), dca.numbers("model"), CLOSED);
            check("dcurves::dca formula", set, "net benefit treat all", nb.treatAll(), dca.numbers("all"), CLOSED);
        }
    }

    @Test
    void binnedBootstrapCalibrationMatchesRFormulaOnRResamples() {
        GoldenJson g = FILE.object("pbc_binned");
        double[][] rows = g.matrix("resamples");
        double[][] predictions = g.matrix("resample_predictions");
        int[][] resamples = new int[rows.length][];
        for (int b = 0; b < rows.length; b++) {
            resamples[b] = new int[rows[b].length];
            for (int i = 0; i < rows[b].length; i++) {
                resamples[b][i] = (int) rows[b][i];
            }
        }
        // the refit is R's glm on each resample: look its predictions up by the resample's rows
        CalibrationCurve.Refit refit = sample -> {
            for (int b = 0; b < resamples.length; b++) {
                if (java.util.Arrays.equals(resamples[b], sample)) {
                    double[] pb = predictions[b];
                    return row -> pb[row];
                }
            }
            throw new AssertionError("unexpected resample");
        };
        CalibrationCurve.Result r = CalibrationCurve.bootstrap(g.numbers("y"), g.numbers("p"), 10, refit, resamples);
        String set = "pbc (glm dead ~ log(bili) + albumin + age, B=20)";
        check("binned calibrate formula", set, "breaks", r.breaks(), g.numbers("breaks"), CLOSED);
        check("binned calibrate formula", set, "mean predicted", r.predicted(), g.numbers("predicted"), CLOSED);
        check("binned calibrate formula", set, "observed", r.observed(), g.numbers("observed"), CLOSED);
        check("binned calibrate formula", set, "optimism", r.optimism(), g.numbers("optimism"), CLOSED);
        check("binned calibrate formula", set, "corrected", r.corrected(), g.numbers("corrected"), CLOSED);
        double[] valid = g.numbers("valid");
        for (int k = 0; k < valid.length; k++) {
            check("binned calibrate formula", set, "valid resamples[" + (k + 1) + "]", r.valid()[k], valid[k], 0);
        }
    }

    @Test
    void calibrationRejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibration.brier(new double[] {0.2, 1.3}, new double[] {0, 1}));
        assertTrue(e.getMessage().contains("predicted[2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Calibration.brier(new double[] {0.2, 0.3}, new double[] {0, 2}));
        assertTrue(e.getMessage().contains("outcome[2]"), e.getMessage());
        double[] tied = new double[40];
        java.util.Arrays.fill(tied, 0.3);
        double[] y = new double[40];
        y[0] = 1;
        e = assertThrows(IllegalArgumentException.class, () -> Calibration.hosmerLemeshow(tied, y, 10));
        assertTrue(e.getMessage().contains("tied"), e.getMessage());
        DecisionCurve.Result none = DecisionCurve.netBenefit(new double[] {0.1, 0.9}, new double[] {0, 1},
                new double[] {0.5});
        assertArrayEquals(new double[] {0}, none.treatNone());
    }
}
