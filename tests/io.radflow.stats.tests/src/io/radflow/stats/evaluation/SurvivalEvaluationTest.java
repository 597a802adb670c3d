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

/**
 * Survival-outcome evaluation against {@code golden/eval/survival_eval.json} ({@code r/golden-survival-eval.R}):
 * paired AUC(t) comparison (riskRegression::Score contrasts and the influence-function formula), ROC(t) curve,
 * calibration at a horizon with the D'Agostino-Nam chi-square, IPCW Brier score and survival decision curves.
 */
class SurvivalEvaluationTest {

    private static final GoldenJson GOLDEN = GoldenJson.load("eval/survival_eval.json");

    @AfterAll
    static void report() {
        Conformance.write();
    }

    private static SurvivalData survival(GoldenJson g) {
        return SurvivalData.ofNumeric(g.numbers("time"), g.numbers("status"), null);
    }

    @Test
    void pairedAucComparisonMatchesInfluenceFormulaAndRiskRegression() {
        GoldenJson file = GOLDEN.object("paired");
        for (String set : List.of("sim_m1_m2", "lung_lp_age")) {
            GoldenJson g = file.object(set);
            double[] times = g.numbers("times");
            TimeDependentAuc.Comparison[] res = TimeDependentAuc.compare(survival(g), g.numbers("m1"), g.numbers("m2"),
                    times);
            for (int k = 0; k < times.length; k++) {
                String at = "(" + times[k] + ")";
                TimeDependentAuc.Comparison c = res[k];
                ConfidenceInterval ci = c.confidenceInterval(0.95);
                // the references give AUC_2 - AUC_1, Radflow AUC_1 - AUC_2
                check("paired AUC(t), IF formula", set, "AUC1" + at, c.first().auc(), g.numbers("auc1")[k], CLOSED);
                check("paired AUC(t), IF formula", set, "AUC2" + at, c.second().auc(), g.numbers("auc2")[k], CLOSED);
                check("paired AUC(t), IF formula", set, "delta" + at, -c.difference(), g.numbers("delta")[k], CLOSED);
                check("paired AUC(t), IF formula", set, "se" + at, c.standardError(), g.numbers("se")[k], CLOSED);
                check("paired AUC(t), IF formula", set, "lower" + at, -ci.upper(), g.numbers("lower")[k], CLOSED);
                check("paired AUC(t), IF formula", set, "upper" + at, -ci.lower(), g.numbers("upper")[k], CLOSED);
                check("paired AUC(t), IF formula", set, "p" + at, c.p(), g.numbers("p")[k], CLOSED);
                // riskRegression breaks tied times slightly differently (lung): exact on untied data only
                double tol = set.startsWith("sim") ? CLOSED : 2e-3;
                check("riskRegression Score contrasts", set, "delta" + at, -c.difference(), g.numbers("score_delta")[k],
                        tol);
                check("riskRegression Score contrasts", set, "se" + at, c.standardError(), g.numbers("score_se")[k], tol);
                check("riskRegression Score contrasts", set, "lower" + at, -ci.upper(), g.numbers("score_lower")[k], tol);
                check("riskRegression Score contrasts", set, "upper" + at, -ci.lower(), g.numbers("score_upper")[k], tol);
                check("riskRegression Score contrasts", set, "p" + at, c.p(), g.numbers("score_p")[k], tol);
            }
        }
    }

    @Test
    void rocCurveMatchesIpcwFormulaAndItsAreaIsAuc() {
        GoldenJson file = GOLDEN.object("roc");
        for (String set : List.of("sim_m1_10", "lung_age_365")) {
            GoldenJson g = file.object(set);
            SurvivalData data = survival(g);
            double t = g.number("horizon");
            TimeDependentRoc roc = TimeDependentAuc.roc(data, g.numbers("marker"), t);
            double[] thresholds = roc.thresholds();
            assertEquals(Double.NEGATIVE_INFINITY, thresholds[0]);
            assertEquals(1.0, roc.truePositive()[0]);
            assertEquals(1.0, roc.falsePositive()[0]);
            check("ROC(t) formula (IPCW)", set, "thresholds", java.util.Arrays.copyOfRange(thresholds, 1, roc.size()),
                    g.numbers("thresholds"), CLOSED);
            check("ROC(t) formula (IPCW)", set, "TP", java.util.Arrays.copyOfRange(roc.truePositive(), 1, roc.size()),
                    g.numbers("tp"), CLOSED);
            check("ROC(t) formula (IPCW)", set, "FP", java.util.Arrays.copyOfRange(roc.falsePositive(), 1, roc.size()),
                    g.numbers("fp"), CLOSED);
            check("ROC(t) trapezoid area", set, "AUC(" + t + ")", roc.area(), g.number("auc"), CLOSED);
            // riskRegression's plot frame gives the rule M >= c: at c = k-th distinct value, Radflow's point k - 1
            double[] risk = g.numbers("score_risk");
            double[] tpr = g.numbers("score_tpr");
            double[] fpr = g.numbers("score_fpr");
            double[] tp = roc.truePositive();
            double[] fp = roc.falsePositive();
            double tol = set.startsWith("sim") ? CLOSED : 2e-3;
            for (int r = 0; r < risk.length; r++) {
                int k = java.util.Arrays.binarySearch(thresholds, risk[r]);
                assertTrue(k > 0, "riskRegression threshold " + risk[r] + " is a marker value");
                check("riskRegression Score ROC plotframe", set, "TPR(M >= " + risk[r] + ")", tp[k - 1], tpr[r], tol);
                check("riskRegression Score ROC plotframe", set, "FPR(M >= " + risk[r] + ")", fp[k - 1], fpr[r], tol);
            }
            check("ROC(t) trapezoid area = AUC(t)", set, "AUC(" + t + ")", roc.area(),
                    TimeDependentAuc.at(data, g.numbers("marker"), t)[0].auc(), CLOSED);
        }
    }

    @Test
    void calibrationAtHorizonMatchesSurvfitPerGroupAndBrierMatchesRiskRegression() {
        GoldenJson file = GOLDEN.object("calibration");
        for (String set : List.of("lung_cox_365", "sim_cox_5")) {
            GoldenJson g = file.object(set);
            SurvivalData data = survival(g);
            double t = g.number("horizon");
            SurvivalCalibration.Result r = SurvivalCalibration.at(data, g.numbers("risk"), t, (int) g.number("groups"),
                    0.95);
            List<SurvivalCalibration.Group> groups = r.groups();
            check("calibration at t (survfit per group)", set, "n",
                    groups.stream().mapToDouble(SurvivalCalibration.Group::size).toArray(), g.numbers("n"), CLOSED);
            check("calibration at t (survfit per group)", set, "predicted",
                    groups.stream().mapToDouble(SurvivalCalibration.Group::predicted).toArray(), g.numbers("predicted"),
                    CLOSED);
            check("calibration at t (survfit per group)", set, "observed 1-KM",
                    groups.stream().mapToDouble(SurvivalCalibration.Group::observed).toArray(), g.numbers("observed"),
                    CLOSED);
            check("calibration at t (survfit per group)", set, "lower",
                    groups.stream().mapToDouble(SurvivalCalibration.Group::lower).toArray(), g.numbers("lower"), CLOSED);
            check("calibration at t (survfit per group)", set, "upper",
                    groups.stream().mapToDouble(SurvivalCalibration.Group::upper).toArray(), g.numbers("upper"), CLOSED);
            check("D'Agostino-Nam chi-square (formula)", set, "chi2", r.chiSquare(), g.number("chi2"), CLOSED);
            check("D'Agostino-Nam chi-square (formula)", set, "df", r.df(), g.number("df"), CLOSED);
            check("D'Agostino-Nam chi-square (formula)", set, "p", r.p(), g.number("p"), CLOSED);
            check("IPCW Brier score (Graf 1999 formula)", set, "BS(" + t + ")", r.brier(), g.number("brier"), CLOSED);
            // riskRegression breaks tied event/censoring times differently (lung): exact on untied data only
            check("riskRegression Score brier", set, "BS(" + t + ")", r.brier(), g.number("score_brier"),
                    set.startsWith("sim") ? CLOSED : 1e-3);
        }
    }

    @Test
    void survivalDecisionCurveMatchesFormulaWithSurvfit() {
        GoldenJson file = GOLDEN.object("dca");
        for (String set : List.of("lung_cox_365", "sim_cox_10")) {
            GoldenJson g = file.object(set);
            DecisionCurve.Result r = DecisionCurve.netBenefit(survival(g), g.numbers("risk"), g.number("horizon"),
                    g.numbers("thresholds"));
            check("survival decision curve (Vickers 2008)", set, "net benefit", r.model(), g.numbers("net_benefit"),
                    CLOSED);
            check("survival decision curve (Vickers 2008)", set, "treat all", r.treatAll(), g.numbers("treat_all"),
                    CLOSED);
        }
    }

    @Test
    void badHorizonsAreNamed() {
        SurvivalData data = SurvivalData.ofNumeric(new double[] {1, 2, 3, 4, 5}, new double[] {0, 1, 0, 1, 0}, null);
        double[] risk = {0.1, 0.5, 0.2, 0.7, 0.3};
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
                () -> SurvivalCalibration.brier(data, risk, 9));
        assertTrue(beyond.getMessage().contains("t=9.0") && beyond.getMessage().contains("last follow-up time 5.0"),
                beyond.getMessage());
        IllegalArgumentException noEvent = assertThrows(IllegalArgumentException.class,
                () -> DecisionCurve.netBenefit(data, risk, 1.5, new double[] {0.1}));
        assertTrue(noEvent.getMessage().contains("no event at or before horizon t=1.5"), noEvent.getMessage());
        IllegalArgumentException badRisk = assertThrows(IllegalArgumentException.class,
                () -> SurvivalCalibration.at(data, new double[] {0.1, 0.5, 1.2, 0.7, 0.3}, 4, 2, 0.95));
        assertTrue(badRisk.getMessage().contains("risk[3]"), badRisk.getMessage());
        IllegalArgumentException noControls = assertThrows(IllegalArgumentException.class,
                () -> TimeDependentAuc.compare(data, risk, risk, 5));
        assertTrue(noControls.getMessage().contains("0 controls"), noControls.getMessage());
    }
}
