package io.radflow.stats.survival;

import static io.radflow.stats.survival.Golden.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cox regression against R {@code coxph} and properties that must hold. */
class CoxRegressionTest {

    private static final double REL = 1e-6;
    private static final List<String> LUNG = List.of("age", "sex", "ph.ecog");
    private static final List<String> VETERAN = List.of("trt", "karno", "diagtime", "age", "prior");
    private static final List<String> VETERAN_CELLTYPE = List.of("trt", "karno", "diagtime", "age", "prior",
            "celltype=smallcell", "celltype=adeno", "celltype=large");

    @ParameterizedTest
    @CsvSource({"lung, EFRON, cox_lung_efron", "lung, BRESLOW, cox_lung_breslow",
        "veteran, EFRON, cox_veteran_efron", "veteran, BRESLOW, cox_veteran_breslow",
        "veteranCelltype, EFRON, cox_veteran_celltype_efron",
        "veteranCelltype, BRESLOW, cox_veteran_celltype_breslow"})
    void matchesCoxph(String model, CoxRegression.Ties ties, String golden) {
        CoxFit fit = fit(model, ties);
        compare(fit, golden);
    }

    static CoxFit fit(String model, CoxRegression.Ties ties) {
        switch (model) {
            case "lung": {
                Table lung = Golden.lung();
                int[] rows = Golden.completeRows(lung, "time", "status", "age", "sex", "ph.ecog");
                return new CoxRegression(ties).fit(Golden.survival(lung, rows, 2, null),
                        Golden.covariates(lung, rows, LUNG), LUNG);
            }
            case "veteran":
            case "veteranCelltype": {
                Table vet = Golden.veteran();
                int[] rows = Golden.allRows(vet);
                List<String> cols = model.equals("veteran") ? VETERAN : VETERAN_CELLTYPE;
                return new CoxRegression(ties).fit(Golden.survival(vet, rows, 1, null),
                        Golden.covariates(vet, rows, cols), cols);
            }
            default:
                throw new IllegalArgumentException(model);
        }
    }

    /** Compares every statistic R reports; coefficients are matched by position. */
    static void compare(CoxFit fit, String golden) {
        Table coef = Golden.table(golden + "_coef.csv");
        Table var = Golden.table(golden + "_var.csv");
        Map<String, Double> stats = Golden.stats(golden + "_stats.csv");
        assertEquals(coef.rowCount(), fit.df(), "number of coefficients");
        List<CoxFit.Coefficient> table = fit.table();
        double[][] v = fit.variance();
        for (int j = 0; j < table.size(); j++) {
            CoxFit.Coefficient c = table.get(j);
            String at = golden + " " + coef.column("term").text(j);
            assertRelative(Golden.number(coef, "coef", j), c.coef(), REL, at + " coef");
            assertRelative(Golden.number(coef, "se", j), c.se(), REL, at + " se");
            assertRelative(Golden.number(coef, "z", j), c.z(), REL, at + " z");
            assertRelative(Golden.number(coef, "p", j), c.p(), REL, at + " p");
            assertRelative(Golden.number(coef, "hr", j), c.hr(), REL, at + " HR");
            assertRelative(Golden.number(coef, "hr_lower", j), c.hrLower(), REL, at + " HR lower");
            assertRelative(Golden.number(coef, "hr_upper", j), c.hrUpper(), REL, at + " HR upper");
            for (int k = 0; k < table.size(); k++) {
                assertRelative(Golden.number(var, var.columnNames().get(k), j), v[j][k], REL, at + " var[" + k + "]");
            }
        }
        assertEquals(stats.get("n"), fit.n(), 0.0, "n");
        assertEquals(stats.get("nevent"), fit.events(), 0.0, "events");
        assertRelative(stats.get("loglik_null"), fit.loglikNull(), 1e-9, golden + " loglik(0)");
        assertRelative(stats.get("loglik"), fit.loglik(), 1e-9, golden + " loglik");
        assertRelative(stats.get("lr"), fit.likelihoodRatioTest(), REL, golden + " LR test");
        assertRelative(stats.get("lr_p"), fit.likelihoodRatioP(), REL, golden + " LR p");
        assertRelative(stats.get("wald"), fit.waldTest(), REL, golden + " Wald test");
        assertRelative(stats.get("wald_p"), fit.waldP(), REL, golden + " Wald p");
        assertRelative(stats.get("score"), fit.scoreTest(), REL, golden + " score test");
        assertRelative(stats.get("score_p"), fit.scoreP(), REL, golden + " score p");
        assertEquals(stats.get("lr_df"), fit.df(), 0.0, "df");
        assertEquals(stats.get("iter"), fit.iterations(), 0.0, golden + " iterations");
        assertTrue(fit.converged());
        assertRelative(stats.get("concordance"), fit.concordance(), REL, golden + " concordance");
    }

    @Test
    void singleCovariateFitsMatchCoxph() {
        Table lung = Golden.lung();
        int[] rows = Golden.allRows(lung);
        SurvivalData data = Golden.survival(lung, rows, 2, null);
        compare(new CoxRegression(CoxRegression.Ties.EFRON).fit(data, Golden.covariates(lung, rows, List.of("age")),
                List.of("age")), "cox_lung_age");
        compare(new CoxRegression(CoxRegression.Ties.EFRON).fit(data, Golden.covariates(lung, rows, List.of("sex")),
                List.of("sex")), "cox_lung_sex");
    }

    @Test
    void scoreTestEqualsLogRankForOneBinaryCovariateWithoutTies() {
        // Without tied event times the Cox score test of a group indicator is the log-rank statistic.
        Table lung = Golden.lung();
        int[] rows = Golden.allRows(lung);
        SurvivalData tied = Golden.survival(lung, rows, 2, "sex");
        double[] time = tied.time();
        for (int i = 0; i < time.length; i++) {
            time[i] += i * 1e-4; // break ties; the order of distinct times is unchanged
        }
        SurvivalData untied = SurvivalData.of(time, tied.event(), tied.groups());
        double[][] x = Golden.covariates(lung, rows, List.of("sex"));
        LogRankTest logRank = LogRankTest.of(untied);
        for (CoxRegression.Ties ties : CoxRegression.Ties.values()) {
            CoxFit fit = new CoxRegression(ties).fit(untied, x, List.of("sex"));
            assertRelative(logRank.chiSquare(), fit.scoreTest(), 1e-10, "score vs log-rank, " + ties);
        }
        // with ties (lung has them), the Cox score test and survdiff differ in the variance term
        CoxFit tiedFit = new CoxRegression(CoxRegression.Ties.BRESLOW).fit(tied, x, List.of("sex"));
        assertTrue(Math.abs(tiedFit.scoreTest() - LogRankTest.of(tied).chiSquare()) > 1e-6);
    }

    @Test
    void breslowEqualsEfronWithoutTies() {
        Table vet = Golden.veteran();
        int[] rows = Golden.allRows(vet);
        SurvivalData tied = Golden.survival(vet, rows, 1, null);
        double[] time = tied.time();
        for (int i = 0; i < time.length; i++) {
            time[i] += i * 1e-4;
        }
        SurvivalData untied = SurvivalData.of(time, tied.event());
        double[][] x = Golden.covariates(vet, rows, VETERAN);
        CoxFit efron = new CoxRegression(CoxRegression.Ties.EFRON).fit(untied, x, VETERAN);
        CoxFit breslow = new CoxRegression(CoxRegression.Ties.BRESLOW).fit(untied, x, VETERAN);
        assertEquals(efron.loglik(), breslow.loglik(), 1e-9);
        for (int j = 0; j < VETERAN.size(); j++) {
            assertRelative(efron.coefficients()[j], breslow.coefficients()[j], 1e-10, VETERAN.get(j));
        }
        // ...and they differ on the tied original data
        CoxFit efronTied = new CoxRegression(CoxRegression.Ties.EFRON).fit(tied, x, VETERAN);
        CoxFit breslowTied = new CoxRegression(CoxRegression.Ties.BRESLOW).fit(tied, x, VETERAN);
        assertTrue(Math.abs(efronTied.loglik() - breslowTied.loglik()) > 1e-3);
    }

    @Test
    void confidenceIntervalsContainTheHazardRatioAndTestsArePositive() {
        for (String model : List.of("lung", "veteran", "veteranCelltype")) {
            CoxFit fit = fit(model, CoxRegression.Ties.EFRON);
            for (CoxFit.Coefficient c : fit.table()) {
                assertTrue(c.hrLower() < c.hr() && c.hr() < c.hrUpper(), model + " " + c.name());
                assertEquals(Math.log(c.hr()), (Math.log(c.hrLower()) + Math.log(c.hrUpper())) / 2, 1e-12);
                assertEquals(c.z() * c.z() < 3.841458820694124, c.p() > 0.05, model + " " + c.name());
            }
            assertTrue(fit.loglik() >= fit.loglikNull());
            assertTrue(fit.likelihoodRatioTest() > 0 && fit.waldTest() > 0 && fit.scoreTest() > 0);
        }
    }

    @Test
    void rescalingACovariateRescalesItsCoefficient() {
        Table lung = Golden.lung();
        int[] rows = Golden.allRows(lung);
        SurvivalData data = Golden.survival(lung, rows, 2, null);
        double[][] years = Golden.covariates(lung, rows, List.of("age"));
        double[][] decades = new double[years.length][1];
        for (int i = 0; i < years.length; i++) {
            decades[i][0] = years[i][0] / 10;
        }
        CoxFit a = new CoxRegression(CoxRegression.Ties.EFRON).fit(data, years, List.of("age"));
        CoxFit b = new CoxRegression(CoxRegression.Ties.EFRON).fit(data, decades, List.of("age10"));
        assertRelative(10 * a.coefficients()[0], b.coefficients()[0], 1e-9, "coef per decade");
        assertRelative(a.coefficient("age").p(), b.coefficient("age10").p(), 1e-9, "p invariant");
    }

    @Test
    void errorsNameTheProblem() {
        double[] t = {1, 2, 3, 4, 5};
        SurvivalData data = SurvivalData.of(t, new boolean[] {true, false, true, true, false});
        CoxRegression cox = new CoxRegression(CoxRegression.Ties.EFRON);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(SurvivalData.of(t, new boolean[5]), column(1, 2, 3, 4, 5), List.of("x")));
        assertTrue(none.getMessage().contains("no events"), none.getMessage());
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(data, column(7, 7, 7, 7, 7), List.of("flat")));
        assertTrue(constant.getMessage().contains("'flat'") && constant.getMessage().contains("constant"),
                constant.getMessage());
        double[][] collinear = {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}};
        IllegalArgumentException singular = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(data, collinear, List.of("a", "twiceA")));
        assertTrue(singular.getMessage().contains("'twiceA'") && singular.getMessage().contains("collinear"),
                singular.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> cox.fit(data, column(1, 2, Double.NaN, 4, 5), List.of("x")));
        assertTrue(nan.getMessage().contains("row 3") && nan.getMessage().contains("'x'"), nan.getMessage());
    }

    private static double[][] column(double... values) {
        double[][] x = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            x[i][0] = values[i];
        }
        return x;
    }
}
