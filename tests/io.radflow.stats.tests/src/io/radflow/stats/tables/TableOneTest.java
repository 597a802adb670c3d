package io.radflow.stats.tables;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.ITERATIVE;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.GoldenJson;
import io.radflow.stats.evaluation.Conformance;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** t tests, Wilcoxon, chi-square, Fisher and descriptive summaries against R. */
class TableOneTest {

    @AfterAll
    static void report() {
        Conformance.write();
    }

    @Test
    void tTestsAndWilcoxonMatchR() {
        GoldenJson file = GoldenJson.load("eval/ttest_wilcox.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            double[] x = g.numbers("x");
            double[] y = g.numbers("y");
            compare("t.test var.equal=TRUE", set, TTest.student(x, y, 0.95), g.object("student"));
            compare("t.test (Welch)", set, TTest.welch(x, y, 0.95), g.object("welch"));
            MannWhitney.Result w = MannWhitney.test(x, y);
            GoldenJson rw = g.object("wilcox");
            String method = "wilcox.test" + (w.exact() ? " exact" : " normal+correction");
            assertEquals(rw.number("exact") == 1, w.exact(), set + ": exact vs normal approximation");
            check(method, set, "W", w.w(), rw.number("w"), CLOSED);
            check(method, set, "p", w.p(), rw.number("p"), CLOSED);
        }
    }

    private static void compare(String method, String set, TTestResult t, GoldenJson r) {
        check(method, set, "t", t.t(), r.number("t"), CLOSED);
        check(method, set, "df", t.df(), r.number("df"), CLOSED);
        check(method, set, "p", t.p(), r.number("p"), CLOSED);
        check(method, set, "lower", t.difference().lower(), r.number("lower"), CLOSED);
        check(method, set, "upper", t.difference().upper(), r.number("upper"), CLOSED);
    }

    @Test
    void chiSquareMatchesChisqTest() {
        GoldenJson file = GoldenJson.load("eval/chisq.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            ChiSquareTest.Result r = ChiSquareTest.test(g.matrix("table"));
            String method = "chisq.test" + (r.yates() ? " (Yates)" : "");
            check(method, set, "X-squared", r.statistic(), g.number("statistic"), CLOSED);
            check(method, set, "df", r.df(), g.number("df"), CLOSED);
            check(method, set, "p", r.p(), g.number("p"), CLOSED);
        }
    }

    @Test
    void fisherMatchesFisherTest() {
        GoldenJson file = GoldenJson.load("eval/fisher.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            FisherExactTest.Result r = FisherExactTest.test(g.matrix("table"), 0.95);
            check("fisher.test", set, "p", r.p(), g.number("p"), CLOSED);
            GoldenJson tight = g.object("tight");
            check("fisher.test equations, uniroot tol=1e-13", set, "odds ratio", r.oddsRatio(),
                    tight.number("estimate"), ITERATIVE);
            check("fisher.test equations, uniroot tol=1e-13", set, "lower", r.lower(), tight.number("lower"),
                    ITERATIVE);
            check("fisher.test equations, uniroot tol=1e-13", set, "upper", r.upper(), tight.number("upper"),
                    ITERATIVE);
            // fisher.test itself stops uniroot at ~1.2e-4 in psi or 1/psi
            check("fisher.test (uniroot default tol)", set, "odds ratio", r.oddsRatio(), g.number("estimate"), 1e-3);
        }
    }

    @Test
    void tablesRejectBadCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChiSquareTest.test(new double[][] {{1, 2}, {-1, 4}}));
        assertTrue(e.getMessage().contains("row 2, column 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChiSquareTest.test(new double[][] {{0, 0}, {3, 4}}));
        assertThrows(IllegalArgumentException.class,
                () -> FisherExactTest.test(new double[][] {{1, 2, 3}, {3, 4, 5}}, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> TTest.welch(new double[] {1, 1}, new double[] {2, 2}, 0.95));
    }

    @Test
    void descriptiveSummariesMatchQuantileAndShapiro() {
        GoldenJson file = GoldenJson.load("eval/descriptive.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            Descriptive.Summary s = Descriptive.summarize(g.numbers("x"), 0.05);
            double[] q = g.numbers("quantiles");
            check("mean/sd", set, "mean", s.mean(), g.number("mean"), CLOSED);
            check("mean/sd", set, "sd", s.sd(), g.number("sd"), CLOSED);
            check("quantile type 7", set, "Q1", s.q1(), q[0], CLOSED);
            check("quantile type 7", set, "median", s.median(), q[1], CLOSED);
            check("quantile type 7", set, "Q3", s.q3(), q[2], CLOSED);
            check("shapiro.test", set, "p", s.shapiroP(), g.number("shapiro_p"), CLOSED);
            assertEquals(g.number("shapiro_p") >= 0.05, s.normal(), set);
            assertTrue(s.format(1).contains(s.normal() ? "±" : "("), s.format(1));
        }
        List<Descriptive.CategoryCount> counts = Descriptive.counts(new String[] {"b", "a", "b", "b"});
        assertEquals(List.of(new Descriptive.CategoryCount("a", 1, 25.0), new Descriptive.CategoryCount("b", 3, 75.0)),
                counts);
    }
}
