package io.radflow.stats.bootstrap;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.GoldenJson;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.Conformance;

import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Percentile and BCa intervals on R's replicates (boot::boot.ci) and the seeded parallel resampler. */
class BootstrapTest {

    @AfterAll
    static void report() {
        Conformance.write();
    }

    @Test
    void percentileAndBcaMatchBootCiOnRsReplicates() {
        GoldenJson file = GoldenJson.load("eval/bootstrap.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            double t0 = g.number("t0");
            double[] t = g.numbers("t");
            ConfidenceInterval perc = Bootstrap.percentile(t0, t, 0.95);
            double[] rp = g.numbers("perc");
            check("boot.ci perc", set + " R=" + t.length, "lower", perc.lower(), rp[0], CLOSED);
            check("boot.ci perc", set + " R=" + t.length, "upper", perc.upper(), rp[1], CLOSED);
            ConfidenceInterval bca = Bootstrap.bca(t0, t, g.numbers("L"), 0.95);
            double[] rb = g.numbers("bca");
            check("boot.ci bca (L = empinf jack)", set + " R=" + t.length, "lower", bca.lower(), rb[0], CLOSED);
            check("boot.ci bca (L = empinf jack)", set + " R=" + t.length, "upper", bca.upper(), rb[1], CLOSED);
        }
    }

    @Test
    void jackknifeInfluenceMatchesEmpinf() {
        GoldenJson g = GoldenJson.load("eval/bootstrap.json").object("lung_age_mean");
        double[] x = g.numbers("data");
        double[] l = Bootstrap.jackknifeInfluence(x.length, mean(x));
        check("boot::empinf jack", "lung_age_mean", "L", l, g.numbers("L"), CLOSED);
    }

    private static ToDoubleFunction<int[]> mean(double[] x) {
        return rows -> {
            double s = 0;
            for (int r : rows) {
                s += x[r];
            }
            return s / rows.length;
        };
    }

    @Test
    void replicatesAreReproducibleAndIndependentOfThreadCount() {
        double[] x = new double[57];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i) * 10 + i * 0.1;
        }
        double[] one = Bootstrap.replicates(x.length, 301, 12345L, mean(x), 1);
        double[] four = Bootstrap.replicates(x.length, 301, 12345L, mean(x), 4);
        double[] seven = Bootstrap.replicates(x.length, 301, 12345L, mean(x), 7);
        assertArrayEquals(one, four, 0.0);
        assertArrayEquals(one, seven, 0.0);
        double[] other = Bootstrap.replicates(x.length, 301, 54321L, mean(x), 4);
        assertTrue(one[0] != other[0] || one[1] != other[1], "a different seed gives different replicates");
        int[][] rows = Bootstrap.resamples(x.length, 301, 12345L);
        assertEquals(one[17], mean(x).applyAsDouble(rows[17]), 0.0);
        // the bootstrap standard error of a mean is close to sd/sqrt(n)
        double m = 0;
        for (double v : one) {
            m += v / one.length;
        }
        double s2 = 0;
        for (double v : one) {
            s2 += (v - m) * (v - m) / (one.length - 1);
        }
        double xm = 0;
        for (double v : x) {
            xm += v / x.length;
        }
        double sx2 = 0;
        for (double v : x) {
            sx2 += (v - xm) * (v - xm) / x.length;
        }
        double expected = Math.sqrt(sx2 / x.length);
        assertEquals(expected, Math.sqrt(s2), 0.15 * expected);
    }

    @Test
    void statisticFailuresPropagateAndBadArgumentsAreRejected() {
        IllegalStateException boom = assertThrows(IllegalStateException.class,
                () -> Bootstrap.replicates(10, 20, 1L, rows -> {
                    throw new IllegalStateException("boom");
                }, 3));
        assertEquals("boom", boom.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.replicates(10, 20, 1L, rows -> 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.percentile(1, new double[] {1, Double.NaN, 2}, 0.95));
    }
}
