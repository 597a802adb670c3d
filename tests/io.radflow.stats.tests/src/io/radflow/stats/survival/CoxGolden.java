package io.radflow.stats.survival;

import io.radflow.core.data.Table;
import io.radflow.stats.Conformance;
import io.radflow.stats.GoldenJson;

import java.util.List;

/**
 * Compares Cox fits (strata, case weights, baseline hazard, predicted survival, {@code cox.zph}, monotone
 * likelihood flag) with R ({@code golden/models/cox_*.json}, written by {@code r/golden-models.R}).
 */
public final class CoxGolden {

    /** Iterative fits: 1e-6 relative. */
    static final double ITERATIVE = 1e-6;

    static final List<String> MODELS = List.of("lung_efron", "lung_breslow", "lung_strata_efron",
            "lung_strata_breslow", "lung_weighted_efron", "lung_weighted_breslow", "veteran_efron",
            "veteran_breslow", "pbc_efron", "pbc_breslow");

    private CoxGolden() {
    }

    /** The data of a golden model name: lung (complete cases), veteran, or pbc (dead = status 2). */
    static Table table(String model) {
        return model.startsWith("lung") ? Golden.lung() : model.startsWith("veteran") ? Golden.veteran()
                : Golden.table("pbc.csv");
    }

    static int[] rows(String model, Table t) {
        return model.startsWith("lung") ? Golden.completeRows(t, "time", "status", "age", "sex", "ph.ecog")
                : Golden.allRows(t);
    }

    static double eventCode(String model) {
        return model.startsWith("veteran") ? 1 : 2;
    }

    public static void compareFits(Conformance c) {
        for (String model : MODELS) {
            GoldenJson g = GoldenJson.load("models/cox_" + model + ".json");
            Table t = table(model);
            int[] rows = rows(model, t);
            List<String> covariates = g.strings("covariates");
            String strataColumn = g.string("strata");
            String[] strata = null;
            if (!strataColumn.isEmpty()) {
                strata = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    strata[i] = t.column(strataColumn).text(rows[i]);
                }
            }
            double[] weights = g.string("weights").isEmpty() ? null : g.numbers("weight_values");
            CoxRegression.Ties ties = CoxRegression.Ties.parse(g.string("ties"));
            CoxFit fit = new CoxRegression(ties).fit(Golden.survival(t, rows, eventCode(model), null),
                    Golden.covariates(t, rows, covariates), covariates, strata, weights);
            String m = "coxph " + g.string("ties");
            String ds = model;
            c.check(m, ds, "n", fit.n(), g.number("n"), 0);
            c.check(m, ds, "nevent", fit.events(), g.number("nevent"), 0);
            c.check(m, ds, "coef", fit.coefficients(), g.numbers("coef"), ITERATIVE);
            c.check(m, ds, "se", fit.standardErrors(), g.numbers("se"), ITERATIVE);
            double[][] var = g.matrix("var");
            for (int j = 0; j < var.length; j++) {
                c.check(m, ds, "var[" + j + ",]", fit.variance()[j], var[j], ITERATIVE);
            }
            c.check(m, ds, "means", fit.means(), g.numbers("means"), 1e-9);
            c.check(m, ds, "loglik", new double[] {fit.loglikNull(), fit.loglik()}, g.numbers("loglik"), ITERATIVE);
            c.check(m, ds, "score test", fit.scoreTest(), g.number("score"), ITERATIVE);
            c.check(m, ds, "wald test", fit.waldTest(), g.number("wald"), ITERATIVE);
            c.check(m, ds, "iter", fit.iterations(), g.number("iter"), 0);
            c.check(m, ds, "concordance", fit.concordance(), g.number("concordance"), ITERATIVE);
            c.checkEqual(m, ds, "infinite coefficients", fit.infiniteCoefficients(), List.of());

            List<CoxFit.ZphRow> zph = fit.proportionalHazardsTest();
            List<String> terms = g.strings("zph_terms");
            c.checkEqual("cox.zph", ds, "terms", zph.stream().map(CoxFit.ZphRow::term).toList(), terms);
            double[] chisq = new double[zph.size()];
            double[] df = new double[zph.size()];
            double[] p = new double[zph.size()];
            for (int k = 0; k < zph.size(); k++) {
                chisq[k] = zph.get(k).chiSquare();
                df[k] = zph.get(k).df();
                p[k] = zph.get(k).p();
            }
            c.check("cox.zph km " + g.string("ties"), ds, "chisq", chisq, g.numbers("zph_chisq"), ITERATIVE);
            c.check("cox.zph km " + g.string("ties"), ds, "df", df, g.numbers("zph_df"), 0);
            c.check("cox.zph km " + g.string("ties"), ds, "p", p, g.numbers("zph_p"), ITERATIVE);

            compareBaseline(c, fit, g, ds);
            if (g.has("pred_surv")) {
                comparePrediction(c, fit, g, ds);
            }
        }
    }

    private static void compareBaseline(Conformance c, CoxFit fit, GoldenJson g, String ds) {
        double[] time = g.numbers("basehaz_time");
        List<String> strata = g.strings("basehaz_strata");
        double[] uncentered = g.numbers("basehaz_uncentered");
        double[] centered = g.numbers("basehaz_centered");
        double[][] got = new double[3][time.length];
        List<CoxFit.BaselineHazard> u = fit.baselineHazard(false);
        List<CoxFit.BaselineHazard> ce = fit.baselineHazard(true);
        int row = 0;
        for (int s = 0; s < u.size(); s++) {
            double[] t = u.get(s).times();
            for (int k = 0; k < t.length && row < time.length; k++, row++) {
                if (!KaplanMeierGolden.sameLabel(u.get(s).stratum(), strata.get(row))) {
                    got[0][row] = Double.NaN;
                    continue;
                }
                got[0][row] = t[k];
                got[1][row] = u.get(s).cumulativeHazard()[k];
                got[2][row] = ce.get(s).cumulativeHazard()[k];
            }
        }
        String m = "basehaz " + g.string("ties");
        c.check(m, ds, "rows", row, time.length, 0);
        c.check(m, ds, "time", got[0], time, 0);
        c.check(m, ds, "hazard centered=FALSE", got[1], uncentered, ITERATIVE);
        c.check(m, ds, "hazard centered=TRUE", got[2], centered, ITERATIVE);
    }

    private static void comparePrediction(Conformance c, CoxFit fit, GoldenJson g, String ds) {
        double[][] newdata = g.matrix("newdata");
        List<String> newStrata = g.strings("newdata_strata");
        double[][] surv = g.matrix("pred_surv");
        double[] times = g.numbers("pred_times");
        int per = times.length / (surv.length == 1 && newdata.length > 1 ? newdata.length : 1);
        double[] t = java.util.Arrays.copyOf(times, per);
        List<String> covariates = g.strings("covariates");
        String strataColumn = g.string("strata");
        for (int r = 0; r < newdata.length; r++) {
            double[] x = new double[covariates.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = newdata[r][j];
            }
            String stratum = strataColumn.isEmpty() ? null : fit.strata().get(
                    KaplanMeierGolden.indexOf(fit.strata(), newStrata.get(r)));
            double[] expected = surv.length == 1 && newdata.length > 1
                    ? java.util.Arrays.copyOfRange(surv[0], r * per, (r + 1) * per) : surv[r];
            c.check("survfit(coxph, newdata) " + g.string("ties"), ds, "surv of new subject " + (r + 1),
                    fit.predictSurvival(x, stratum, t), expected, ITERATIVE);
        }
    }

    public static void compareMonotone(Conformance c) {
        GoldenJson g = GoldenJson.load("models/cox_monotone.json");
        double[] time = g.numbers("time");
        double[] status = g.numbers("status");
        double[] x = g.numbers("x");
        double[] z = g.numbers("z");
        double[][] cov = new double[time.length][];
        for (int i = 0; i < time.length; i++) {
            cov[i] = new double[] {z[i], x[i]};
        }
        CoxFit fit = new CoxRegression(CoxRegression.Ties.EFRON).fit(SurvivalData.ofNumeric(time, status, null), cov,
                List.of("z", "x"));
        c.checkEqual("coxph monotone likelihood", "synthetic (seeded)", "infinite coefficients",
                fit.infiniteCoefficients(), g.strings("infinite"));
        c.check("coxph monotone likelihood", "synthetic (seeded)", "coef z", fit.coefficients()[0],
                g.numbers("coef")[0], ITERATIVE);
    }
}
