package io.radflow.stats.evaluation;

import static io.radflow.stats.evaluation.Conformance.CLOSED;
import static io.radflow.stats.evaluation.Conformance.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.stats.GoldenJson;
import io.radflow.stats.survival.SurvivalData;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** ROC/DeLong (pROC), Harrell's and Uno's C (survival::concordance) and time-dependent AUC against R. */
class DiscriminationTest {

    private static final GoldenJson ROC = GoldenJson.load("eval/roc_asah.json");

    @AfterAll
    static void report() {
        Conformance.write();
    }

    @Test
    void rocAucDelongAndYoudenMatchPRoc() {
        GoldenJson data = ROC.object("data");
        double[] outcome = data.numbers("poor");
        for (String marker : List.of("s100b", "ndka", "wfns")) {
            GoldenJson r = ROC.object("roc").object(marker);
            RocAnalysis roc = RocAnalysis.of(data.numbers(marker), outcome);
            String set = "aSAH " + marker;
            check("pROC auc", set, "AUC", roc.auc(), r.number("auc"), CLOSED);
            check("pROC var delong", set, "variance", roc.delongVariance(), r.number("var"), CLOSED);
            ConfidenceInterval ci = roc.aucConfidenceInterval(0.95);
            check("pROC ci.auc delong", set, "lower", ci.lower(), r.number("lower"), CLOSED);
            check("pROC ci.auc delong", set, "upper", ci.upper(), r.number("upper"), CLOSED);
            RocCurve curve = roc.curve();
            check("pROC roc", set, "thresholds", curve.thresholds(), r.numbers("thresholds"), CLOSED);
            check("pROC roc", set, "sensitivities", curve.sensitivities(), r.numbers("sensitivities"), CLOSED);
            check("pROC roc", set, "specificities", curve.specificities(), r.numbers("specificities"), CLOSED);
            YoudenCutoff best = roc.youden();
            check("pROC coords best youden", set, "threshold", best.threshold(), r.numbers("youden_threshold")[0],
                    CLOSED);
            check("pROC coords best youden", set, "sensitivity", best.sensitivity(),
                    r.numbers("youden_sensitivity")[0], CLOSED);
            check("pROC coords best youden", set, "specificity", best.specificity(),
                    r.numbers("youden_specificity")[0], CLOSED);
        }
    }

    @Test
    void pairedDelongTestMatchesRocTest() {
        GoldenJson data = ROC.object("data");
        double[] outcome = data.numbers("poor");
        RocComparison test = RocAnalysis.compareDeLong(RocAnalysis.of(data.numbers("s100b"), outcome),
                RocAnalysis.of(data.numbers("ndka"), outcome), 0.95);
        GoldenJson r = ROC.object("test");
        check("pROC roc.test delong paired", "aSAH s100b vs ndka", "z", test.z(), r.number("z"), CLOSED);
        check("pROC roc.test delong paired", "aSAH s100b vs ndka", "p", test.p(), r.number("p"), CLOSED);
        check("pROC roc.test delong paired", "aSAH s100b vs ndka", "lower", test.difference().lower(),
                r.number("lower"), CLOSED);
        check("pROC roc.test delong paired", "aSAH s100b vs ndka", "upper", test.difference().upper(),
                r.number("upper"), CLOSED);
    }

    @Test
    void rocRejectsBadInput() {
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> RocAnalysis.of(new double[] {1, 2, 3}, new double[] {1, 1, 1}));
        assertTrue(single.getMessage().contains("single class"), single.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RocAnalysis.of(new double[] {1, Double.NaN, 3}, new double[] {0, 1, 1}));
        assertTrue(nan.getMessage().contains("score[2]"), nan.getMessage());
        RocAnalysis constant = RocAnalysis.of(new double[] {5, 5, 5, 5}, new double[] {0, 1, 0, 1});
        assertEquals(0.5, constant.auc(), 0.0);
    }

    private static SurvivalData survival(GoldenJson g) {
        return SurvivalData.ofNumeric(g.numbers("time"), g.numbers("status"), null);
    }

    @Test
    void harrellAndUnoConcordanceMatchSurvival() {
        GoldenJson file = GoldenJson.load("eval/concordance.json");
        for (String set : List.of("lung_lp", "veteran_karno")) {
            GoldenJson g = file.object(set);
            SurvivalData data = survival(g);
            double[] risk = g.numbers("risk");
            ConcordanceResult h = Concordance.harrell(data, risk);
            GoldenJson rh = g.object("harrell");
            check("survival concordance", set, "C", h.concordance(), rh.number("c"), CLOSED);
            check("survival concordance", set, "var", h.variance(), rh.number("var"), CLOSED);
            double[] count = rh.numbers("count");
            check("survival concordance", set, "concordant", h.concordant(), count[0], CLOSED);
            check("survival concordance", set, "discordant", h.discordant(), count[1], CLOSED);
            check("survival concordance", set, "tied.x", h.tiedRisk(), count[2], CLOSED);
            check("survival concordance", set, "tied.y", h.tiedTime(), count[3], CLOSED);
            check("survival concordance", set, "tied.xy", h.tiedBoth(), count[4], CLOSED);
            ConcordanceResult u = Concordance.uno(data, risk, g.number("tau"));
            GoldenJson ru = g.object("uno");
            check("survival concordance n/G2", set, "C", u.concordance(), ru.number("c"), CLOSED);
            check("survival concordance n/G2", set, "var", u.variance(), ru.number("var"), CLOSED);
        }
    }

    @Test
    void concordanceRejectsAllCensored() {
        SurvivalData censored = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {false, false, false});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Concordance.harrell(censored, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("censored"), e.getMessage());
    }

    @Test
    void timeDependentAucMatchesIpcwFormulaAndRiskRegression() {
        GoldenJson file = GoldenJson.load("eval/td_auc.json");
        for (String set : List.of("lung_lp", "veteran_karno", "lung_age_jitter")) {
            GoldenJson g = file.object(set);
            double[] times = g.numbers("times");
            TimeDependentAuc.Result[] res = TimeDependentAuc.at(survival(g), g.numbers("marker"), times);
            double[] auc = g.numbers("auc");
            double[] se = g.numbers("se");
            double[] score = g.numbers("score_auc");
            double[] scoreSe = g.numbers("score_se");
            for (int k = 0; k < times.length; k++) {
                check("timeROC formula (IPCW)", set, "AUC(" + times[k] + ")", res[k].auc(), auc[k], CLOSED);
                check("Blanche 2013 iid formula", set, "se(" + times[k] + ")", res[k].standardError(), se[k], CLOSED);
                // riskRegression::Score breaks marker and time ties slightly differently: cross-check only
                check("riskRegression Score", set, "AUC(" + times[k] + ")", res[k].auc(), score[k], 2e-4);
                check("riskRegression Score", set, "se(" + times[k] + ")", res[k].standardError(), scoreSe[k], 2e-3);
            }
        }
    }
}
