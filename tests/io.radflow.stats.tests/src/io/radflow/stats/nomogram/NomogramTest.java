package io.radflow.stats.nomogram;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.stats.GoldenJson;
import io.radflow.stats.evaluation.Conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Points scales and total-points axes against rms::nomogram of an lrm fit. */
class NomogramTest {

    @AfterAll
    static void report() {
        Conformance.write();
    }

    @Test
    void pointsAndRiskAxesMatchRmsNomogram() {
        GoldenJson g = GoldenJson.load("eval/nomogram.json");
        List<String> names = g.strings("names");
        double[] coef = g.numbers("coefficients");
        List<Nomogram.Predictor> predictors = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] x = g.object("axes").object(names.get(j)).numbers("x");
            predictors.add(new Nomogram.Predictor(names.get(j), coef[j], Arrays.stream(x).min().orElseThrow(),
                    Arrays.stream(x).max().orElseThrow()));
        }
        Nomogram nomogram = Nomogram.of(g.number("intercept"), predictors, 100);
        String set = "pbc lrm(dead ~ log(bili) + albumin + age)";
        check("rms nomogram", set, "scale (points per lp unit)", nomogram.scale(), g.number("scale"), CLOSED);
        for (int j = 0; j < names.size(); j++) {
            GoldenJson axis = g.object("axes").object(names.get(j));
            double[] x = axis.numbers("x");
            double[] points = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                points[k] = nomogram.points(j, x[k]);
            }
            check("rms nomogram", set, names.get(j) + " points", points, axis.numbers("points"), CLOSED);
        }
        double[] lp = g.numbers("lp_at");
        double[] lpPoints = g.numbers("lp_points");
        for (int k = 0; k < lp.length; k++) {
            check("rms nomogram", set, "total points at lp=" + lp[k], nomogram.totalPointsForLinearPredictor(lp[k]),
                    lpPoints[k], CLOSED);
        }
        double[] risk = g.numbers("risk_at");
        double[] riskPoints = g.numbers("risk_points");
        for (int k = 0; k < risk.length; k++) {
            // rms places the risk ticks by linear interpolation of plogis on 1000 lp grid points: ~1e-6
            check("rms nomogram (approx on 1000-point lp grid)", set, "total points at risk=" + risk[k],
                    nomogram.totalPointsForLogisticRisk(risk[k]), riskPoints[k], 1e-5);
            assertEquals(risk[k], nomogram.risk(nomogram.totalPointsForLogisticRisk(risk[k]), v -> 1 / (1 + Math.exp(-v))),
                    1e-12);
        }
    }

    @Test
    void badPredictorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Nomogram.Predictor("age", 0.1, 80, 20));
        assertThrows(IllegalArgumentException.class, () -> new Nomogram.Predictor("age", Double.NaN, 20, 80));
        assertThrows(IllegalArgumentException.class,
                () -> Nomogram.of(0, List.of(new Nomogram.Predictor("age", 0, 20, 80)), 100));
    }
}
