package io.radflow.stats.evaluation;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.GoldenJson;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Brier score, Hosmer-Lemeshow, decision curves and the bootstrap calibration curve against R. */
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
    void bootstrapCalibrationMatchesRmsCalibrateWithBinnedSmoother() {
        GoldenJson g = FILE.object("pbc_rms_calibrate");
        double[][] rows = g.matrix("resamples");
        double[][] predictions = g.matrix("resample_predictions");
        int[][] resamples = new int[rows.length][];
        for (int b = 0; b < rows.length; b++) {
            resamples[b] = new int[rows[b].length];
            for (int i = 0; i < rows[b].length; i++) {
                resamples[b][i] = (int) rows[b][i];
            }
        }
        // the refit is rms's lrm.fit on each resample calibrate drew: look its predictions up by the rows
        CalibrationCurve.Refit refit = sample -> {
            for (int b = 0; b < resamples.length; b++) {
                if (Arrays.equals(resamples[b], sample)) {
                    double[] pb = predictions[b];
                    return row -> pb[row];
                }
            }
            throw new AssertionError("unexpected resample");
        };
        CalibrationCurve.Result r = CalibrationCurve.bootstrap(g.numbers("y"), g.numbers("p"), 10, refit, resamples);
        String set = "pbc lrm(dead ~ log(bili) + albumin + age), B=40";
        String method = "rms calibrate (binned smoother)";
        check(method, set, "predy", r.grid(), g.numbers("predy"), CLOSED);
        check(method, set, "calibrated.orig", r.apparent(), g.numbers("calibrated_orig"), CLOSED);
        check(method, set, "optimism", r.optimism(), g.numbers("optimism"), CLOSED);
        check(method, set, "calibrated.corrected", r.corrected(), g.numbers("calibrated_corrected"), CLOSED);
        double[] n = g.numbers("n");
        for (int k = 0; k < n.length; k++) {
            check(method, set, "n[" + (k + 1) + "]", r.valid()[k], n[k], 0);
        }
    }

    /**
     * Tied predictions (as in every bootstrap resample): R's {@code cut} refuses repeated quantile breaks, so
     * Hosmer-Lemeshow does too, while the calibration smoother merges the groups of a repeated break. For
     * {0.2 x12, 0.6 x12} and 4 groups the type-7 quantiles are 0.2, 0.2, 0.4, 0.6, 0.6: distinct breaks 0.2,
     * 0.4, 0.6, two groups, with event fractions 3/12 and 9/12.
     */
    @Test
    void tiedPredictionsMergeSmootherGroups() {
        double[] p = new double[24];
        double[] y = new double[24];
        for (int i = 0; i < 24; i++) {
            p[i] = i < 12 ? 0.2 : 0.6;
            y[i] = i % 4 == 0 ? (i < 12 ? 1 : 0) : (i < 12 ? 0 : 1);
        }
        assertThrows(IllegalArgumentException.class, () -> new ProbabilityBins(p, 4));
        ProbabilityBins bins = ProbabilityBins.mergingTies(p, 4);
        assertArrayEquals(new double[] {0.2, 0.4, 0.6}, bins.breaks(), 1e-15);
        assertEquals(0, bins.of(0.2));
        assertEquals(1, bins.of(0.6));
        int[][] resamples = new int[2][24];
        for (int i = 0; i < 24; i++) {
            resamples[0][i] = (i * 7) % 24 / 2 * 2; // every even row twice
            resamples[1][i] = (i * 5 + 3) % 24;
        }
        CalibrationCurve.Result r = CalibrationCurve.bootstrap(y, p, 4, rows -> row -> p[row], resamples);
        assertArrayEquals(new double[] {0.2, 0.6}, r.groupPredicted(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.75}, r.groupObserved(), 1e-15);
        for (int k = 0; k < r.grid().length; k++) {
            if (!Double.isNaN(r.corrected()[k])) {
                assertEquals(r.apparent()[k] - r.optimism()[k], r.corrected()[k], 1e-12, "corrected = apparent - optimism");
            }
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
        Arrays.fill(tied, 0.3);
        double[] y = new double[40];
        y[0] = 1;
        e = assertThrows(IllegalArgumentException.class, () -> Calibration.hosmerLemeshow(tied, y, 10));
        assertTrue(e.getMessage().contains("tied"), e.getMessage());
        DecisionCurve.Result none = DecisionCurve.netBenefit(new double[] {0.1, 0.9}, new double[] {0, 1},
                new double[] {0.5});
        assertArrayEquals(new double[] {0}, none.treatNone());
    }
}
