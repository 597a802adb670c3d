package io.radflow.stats.survival;

import static io.radflow.stats.survival.Golden.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Kaplan-Meier curves against R {@code survfit} (golden files from r/make-golden.R). */
class KaplanMeierTest {

    private static final double CLOSED_FORM = 1e-9;

    @Test
    void lungOverallMatchesSurvfit() {
        Table lung = Golden.lung();
        KaplanMeierCurve curve = KaplanMeier.fit(Golden.survival(lung, Golden.allRows(lung), 2, null));
        compare(curve, Golden.table("km_lung.csv"), "all");
        compareMedians(List.of(curve), Golden.table("km_lung_median.csv"));
    }

    @Test
    void lungBySexMatchesSurvfit() {
        Table lung = Golden.lung();
        List<KaplanMeierCurve> curves = KaplanMeier.fitByGroup(Golden.survival(lung, Golden.allRows(lung), 2, "sex"));
        assertEquals(2, curves.size());
        Table golden = Golden.table("km_lung_sex.csv");
        for (KaplanMeierCurve c : curves) {
            compare(c, golden, c.group());
        }
        compareMedians(curves, Golden.table("km_lung_sex_median.csv"));
    }

    @Test
    void veteranByTreatmentMatchesSurvfitIncludingCurveEndingAtZero() {
        Table vet = Golden.veteran();
        List<KaplanMeierCurve> curves = KaplanMeier.fitByGroup(Golden.survival(vet, Golden.allRows(vet), 1, "trt"));
        Table golden = Golden.table("km_veteran_trt.csv");
        for (KaplanMeierCurve c : curves) {
            compare(c, golden, c.group());
        }
        // group 2 has a median where S is exactly 0.5 on an interval (R: midpoint, 52.5)
        compareMedians(curves, Golden.table("km_veteran_trt_median.csv"));
    }

    private static void compare(KaplanMeierCurve curve, Table golden, String group) {
        List<Integer> rows = Golden.rowsOf(golden, group);
        assertEquals(rows.size(), curve.size(), "number of distinct times of group " + group);
        double[] t = curve.times();
        int[] risk = curve.nRisk();
        int[] ev = curve.nEvent();
        int[] cens = curve.nCensor();
        double[] s = curve.survival();
        double[] se = curve.stdErrLogSurvival();
        double[] lo = curve.lower();
        double[] hi = curve.upper();
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i);
            String at = "group " + group + " row " + i;
            assertEquals(Golden.number(golden, "time", r), t[i], 0.0, at + " time");
            assertEquals(Golden.number(golden, "n_risk", r), risk[i], 0.0, at + " n.risk");
            assertEquals(Golden.number(golden, "n_event", r), ev[i], 0.0, at + " n.event");
            assertEquals(Golden.number(golden, "n_censor", r), cens[i], 0.0, at + " n.censor");
            assertRelative(Golden.number(golden, "surv", r), s[i], CLOSED_FORM, at + " surv");
            assertRelative(Golden.number(golden, "std_err", r), se[i], CLOSED_FORM, at + " std.err");
            assertRelative(Golden.number(golden, "lower", r), lo[i], CLOSED_FORM, at + " lower");
            assertRelative(Golden.number(golden, "upper", r), hi[i], CLOSED_FORM, at + " upper");
        }
    }

    private static void compareMedians(List<KaplanMeierCurve> curves, Table golden) {
        for (KaplanMeierCurve c : curves) {
            int row = golden.findRow("group", c.group());
            assertTrue(row >= 0, "no golden median for " + c.group());
            assertEquals(Golden.number(golden, "records", row), c.n(), 0.0, "records of " + c.group());
            assertEquals(Golden.number(golden, "events", row), c.events(), 0.0, "events of " + c.group());
            assertEquals(Golden.number(golden, "median", row), c.median(), 0.0, "median of " + c.group());
        }
    }

    @Test
    void greenwoodStandardErrorOfSurvivalIsSTimesStdErrOfLog() {
        Table lung = Golden.lung();
        KaplanMeierCurve c = KaplanMeier.fit(Golden.survival(lung, Golden.allRows(lung), 2, null));
        double[] s = c.survival();
        double[] seLog = c.stdErrLogSurvival();
        double[] seS = c.stdErrSurvival();
        for (int i = 0; i < s.length; i++) {
            assertEquals(s[i] * seLog[i], seS[i], 1e-15);
            assertTrue(c.lower()[i] <= s[i] && s[i] <= c.upper()[i], "CI contains S at row " + i);
        }
        // monotone non-increasing
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i] <= s[i - 1]);
        }
    }

    @Test
    void validationNamesTheRow() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> SurvivalData.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
        assertTrue(nan.getMessage().contains("row 2"), nan.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> SurvivalData.of(new double[] {1, 2, -3}, new boolean[] {true, false, true}));
        assertTrue(negative.getMessage().contains("row 3") && negative.getMessage().contains("negative"),
                negative.getMessage());
        IllegalArgumentException event = assertThrows(IllegalArgumentException.class,
                () -> SurvivalData.ofNumeric(new double[] {1, 2}, new double[] {Double.NaN, 1}, null));
        assertTrue(event.getMessage().contains("row 1") && event.getMessage().contains("event"), event.getMessage());
        IllegalArgumentException code = assertThrows(IllegalArgumentException.class,
                () -> SurvivalData.ofNumeric(new double[] {1, 2}, new double[] {0, 2}, null));
        assertTrue(code.getMessage().contains("row 2"), code.getMessage());
    }
}
