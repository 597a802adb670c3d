package io.radflow.stats.agreement;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.ITERATIVE;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.GoldenJson;
import io.radflow.stats.evaluation.Conformance;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** ICC (psych::ICC), correlation tests (cor.test) and Shapiro-Wilk (shapiro.test) against R. */
class AgreementTest {

    @AfterAll
    static void report() {
        Conformance.write();
    }

    @Test
    void iccMatchesPsych() {
        GoldenJson file = GoldenJson.load("eval/icc.json");
        for (String set : List.of("shrout_fleiss", "simulated")) {
            GoldenJson g = file.object(set);
            List<IccResult> res = Icc.compute(g.matrix("ratings"), 0.95);
            double[][] r = {g.numbers("icc"), g.numbers("F"), g.numbers("df1"), g.numbers("df2"), g.numbers("p"),
                g.numbers("lower"), g.numbers("upper")};
            for (int k = 0; k < 6; k++) {
                IccResult x = res.get(k);
                String q = g.strings("type").get(k);
                check("psych ICC", set, q + " ICC", x.icc(), r[0][k], CLOSED);
                check("psych ICC", set, q + " F", x.f(), r[1][k], CLOSED);
                check("psych ICC", set, q + " df1", x.df1(), r[2][k], CLOSED);
                check("psych ICC", set, q + " df2", x.df2(), r[3][k], CLOSED);
                check("psych ICC", set, q + " p", x.p(), r[4][k], CLOSED);
                check("psych ICC", set, q + " lower", x.lower(), r[5][k], ITERATIVE);
                check("psych ICC", set, q + " upper", x.upper(), r[6][k], ITERATIVE);
            }
        }
    }

    @Test
    void iccRejectsConstantAndMissingRatings() {
        assertThrows(IllegalArgumentException.class, () -> Icc.compute(new double[][] {{1, 1}, {1, 1}}, 0.95));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Icc.compute(new double[][] {{1, 2}, {3, Double.NaN}}, 0.95));
        assertTrue(e.getMessage().contains("row 2, column 2"), e.getMessage());
    }

    @Test
    void correlationTestsMatchCorTest() {
        GoldenJson file = GoldenJson.load("eval/correlation.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            CorrelationTest p = Correlation.pearson(g.numbers("x"), g.numbers("y"), 0.95);
            GoldenJson rp = g.object("pearson");
            check("cor.test pearson", set, "r", p.estimate(), rp.number("r"), CLOSED);
            check("cor.test pearson", set, "t", p.statistic(), rp.number("t"), CLOSED);
            check("cor.test pearson", set, "p", p.p(), rp.number("p"), CLOSED);
            check("cor.test pearson", set, "lower", p.interval().lower(), rp.number("lower"), CLOSED);
            check("cor.test pearson", set, "upper", p.interval().upper(), rp.number("upper"), CLOSED);
            CorrelationTest s = Correlation.spearmanApproximate(g.numbers("x"), g.numbers("y"));
            GoldenJson rs = g.object("spearman");
            check("cor.test spearman exact=FALSE", set, "rho", s.estimate(), rs.number("rho"), CLOSED);
            check("cor.test spearman exact=FALSE", set, "S", s.statistic(), rs.number("S"), CLOSED);
            check("cor.test spearman exact=FALSE", set, "p", s.p(), rs.number("p"), CLOSED);
        }
    }

    @Test
    void spearmanDefaultPValueMatchesCorTest() {
        GoldenJson file = GoldenJson.load("eval/spearman_exact.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            CorrelationTest s = Correlation.spearman(g.numbers("x"), g.numbers("y"));
            String method = g.numbers("x").length <= 9 ? "cor.test spearman exact (AS 89 enumeration)"
                    : "cor.test spearman (AS 89 Edgeworth)";
            check(method, set, "rho", s.estimate(), g.number("rho"), CLOSED);
            check(method, set, "S", s.statistic(), g.number("S"), CLOSED);
            check(method, set, "p", s.p(), g.number("p"), CLOSED);
        }
        // with ties the default falls back to the t approximation, as R does
        double[] x = {1, 2, 2, 3, 4, 5};
        double[] y = {2, 1, 4, 3, 6, 5};
        assertEquals(Correlation.spearmanApproximate(x, y).p(), Correlation.spearman(x, y).p(), 0.0);
    }

    @Test
    void correlationOfAConstantIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 2, 2, 2}, 0.95));
        assertTrue(e.getMessage().contains("y is constant"), e.getMessage());
    }

    @Test
    void shapiroWilkMatchesShapiroTest() {
        GoldenJson file = GoldenJson.load("eval/shapiro.json");
        for (Map.Entry<String, Object> e : file.asMap().entrySet()) {
            GoldenJson g = file.object(e.getKey());
            ShapiroWilk.Result r = ShapiroWilk.test(g.numbers("x"));
            check("shapiro.test", e.getKey(), "W", r.w(), g.number("w"), CLOSED);
            check("shapiro.test", e.getKey(), "p", r.p(), g.number("p"), CLOSED);
        }
    }

    @Test
    void shapiroWilkRejectsTooFewOrIdenticalValues() {
        assertThrows(IllegalArgumentException.class, () -> ShapiroWilk.test(new double[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapiroWilk.test(new double[] {3, 3, 3, 3}));
        assertTrue(e.getMessage().contains("identical"), e.getMessage());
    }
}
