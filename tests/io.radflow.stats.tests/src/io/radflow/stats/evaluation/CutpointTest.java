package io.radflow.stats.evaluation;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.stats.GoldenJson;
import io.radflow.stats.survival.SurvivalData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Maximally selected log-rank statistics (maxstat, survminer::surv_cutpoint) and simple cut-points. */
class CutpointTest {

    @AfterAll
    static void report() {
        Conformance.write();
    }

    @Test
    void maxstatLogRankMatchesMaxstatAndSurvminer() {
        GoldenJson file = GoldenJson.load("eval/maxstat.json");
        for (String set : file.asMap().keySet()) {
            GoldenJson g = file.object(set);
            SurvivalData data = SurvivalData.ofNumeric(g.numbers("time"), g.numbers("status"), null);
            MaximallySelectedLogRank.Result r = MaximallySelectedLogRank.test(data, g.numbers("x"), 0.1, 0.9);
            check("maxstat.test LogRank", set, "M", r.statistic(), g.number("statistic"), CLOSED);
            check("maxstat.test LogRank", set, "cutpoint", r.cutpoint(), g.number("cutpoint"), CLOSED);
            check("maxstat.test LogRank", set, "cuts", r.cuts(), g.numbers("cuts"), CLOSED);
            check("maxstat.test LogRank", set, "stats", r.statistics(), g.numbers("stats"), CLOSED);
            check("maxstat.test Lau92", set, "p", r.pLausen92(), g.number("p_lau92"), CLOSED);
            check("maxstat.test Lau94", set, "p", r.pLausen94(), g.number("p_lau94"), CLOSED);
            check("survminer surv_cutpoint", set, "cutpoint", r.cutpoint(), g.number("survminer_cutpoint"), CLOSED);
            check("survminer surv_cutpoint", set, "statistic", r.statistic(), g.number("survminer_statistic"),
                    CLOSED);
        }
    }

    @Test
    void maxstatRejectsConstantPredictorAndAllCensored() {
        SurvivalData data = SurvivalData.of(new double[] {1, 2, 3, 4, 5}, new boolean[] {true, false, true, true, false});
        assertThrows(IllegalArgumentException.class,
                () -> MaximallySelectedLogRank.test(data, new double[] {2, 2, 2, 2, 2}, 0.1, 0.9));
        SurvivalData censored = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {false, false, false});
        assertThrows(IllegalArgumentException.class,
                () -> MaximallySelectedLogRank.test(censored, new double[] {1, 2, 3}, 0.1, 0.9));
    }

    @Test
    void medianAndYoudenCutpoints() {
        assertEquals(2.5, Cutpoints.median(new double[] {4, 1, 2, 3}), 0.0);
        assertEquals(3.0, Cutpoints.median(new double[] {5, 1, 3}), 0.0);
        // perfectly separated: the Youden threshold lies between the classes with J = 1
        YoudenCutoff y = Cutpoints.youden(new double[] {1, 2, 3, 10, 11}, new double[] {0, 0, 0, 1, 1});
        assertEquals(6.5, y.threshold(), 0.0);
        assertEquals(1.0, y.youdenIndex(), 0.0);
    }
}
