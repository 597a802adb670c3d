package io.radflow.stats.regression;

import io.radflow.core.data.Table;
import io.radflow.stats.Conformance;
import io.radflow.stats.GoldenJson;
import io.radflow.stats.survival.Golden;

import java.util.List;

/**
 * Compares logistic regression (glm, confint.default, MASS confint), the separation diagnosis and Firth's
 * estimator with R ({@code golden/models/logistic_*.json}, written by {@code r/golden-models.R}).
 */
public final class LogisticGolden {

    static final double ITERATIVE = 1e-6;

    private LogisticGolden() {
    }

    /** Outcome and covariates of a golden data set: lung (dead, complete cases), colon (status), pbc (dead). */
    public record Data(double[] y, double[][] x, List<String> names) {
    }

    public static Data data(String name, List<String> covariates) {
        Table t = name.equals("lung") ? Golden.lung() : Golden.table(name + ".csv");
        int[] rows = name.equals("lung") ? Golden.completeRows(t, "time", "status", "age", "sex", "ph.ecog")
                : Golden.allRows(t);
        double event = name.equals("colon") ? 1 : 2;
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = t.column("status").number(rows[i]) == event ? 1 : 0;
        }
        return new Data(y, Golden.covariates(t, rows, covariates), covariates);
    }

    public static void compareGlm(Conformance c) {
        for (String name : List.of("lung", "colon", "pbc")) {
            GoldenJson g = GoldenJson.load("models/logistic_" + name + ".json");
            Data d = data(name, g.strings("covariates"));
            LogisticFit fit = new LogisticRegression().fit(d.y(), d.x(), d.names());
            String m = "glm binomial";
            c.checkEqual(m, name, "terms", fit.names(), g.strings("terms"));
            List<LogisticFit.Coefficient> table = fit.table();
            double[][] cols = new double[5][table.size()];
            for (int j = 0; j < table.size(); j++) {
                LogisticFit.Coefficient r = table.get(j);
                cols[0][j] = r.coef();
                cols[1][j] = r.se();
                cols[2][j] = r.z();
                cols[3][j] = r.p();
                cols[4][j] = r.oddsRatio();
            }
            c.check(m, name, "coef", cols[0], g.numbers("coef"), ITERATIVE);
            c.check(m, name, "se", cols[1], g.numbers("se"), ITERATIVE);
            c.check(m, name, "z", cols[2], g.numbers("z"), ITERATIVE);
            c.check(m, name, "p", cols[3], g.numbers("p"), ITERATIVE);
            c.check(m, name, "OR", cols[4], g.numbers("or"), ITERATIVE);
            double[][] vcov = g.matrix("vcov");
            for (int j = 0; j < vcov.length; j++) {
                c.check(m, name, "vcov[" + j + ",]", fit.variance()[j], vcov[j], ITERATIVE);
            }
            List<LogisticFit.Interval> wald = fit.waldIntervals(0.95);
            c.check("confint.default", name, "lower", wald.stream().mapToDouble(LogisticFit.Interval::lower).toArray(),
                    g.numbers("wald_lower"), ITERATIVE);
            c.check("confint.default", name, "upper", wald.stream().mapToDouble(LogisticFit.Interval::upper).toArray(),
                    g.numbers("wald_upper"), ITERATIVE);
            List<LogisticFit.Interval> prof = fit.profileIntervals(0.95);
            c.check("MASS confint (profile)", name, "lower",
                    prof.stream().mapToDouble(LogisticFit.Interval::lower).toArray(), g.numbers("profile_lower"),
                    ITERATIVE);
            c.check("MASS confint (profile)", name, "upper",
                    prof.stream().mapToDouble(LogisticFit.Interval::upper).toArray(), g.numbers("profile_upper"),
                    ITERATIVE);
            c.check(m, name, "null.deviance", fit.nullDeviance(), g.number("null_deviance"), 1e-9);
            c.check(m, name, "deviance", fit.deviance(), g.number("deviance"), ITERATIVE);
            c.check(m, name, "df.null", fit.dfNull(), g.number("df_null"), 0);
            c.check(m, name, "df.residual", fit.dfResidual(), g.number("df_residual"), 0);
            c.check(m, name, "aic", fit.aic(), g.number("aic"), ITERATIVE);
            c.check(m, name, "logLik", fit.logLikelihood(), g.number("loglik"), ITERATIVE);
            c.check(m, name, "iter", fit.iterations(), g.number("iter"), 0);
            c.checkEqual(m, name, "converged", fit.converged(), Boolean.valueOf(g.string("converged")));
            c.checkEqual(m, name, "separation detected", fit.separation().detected(), false);
        }
    }

    public static void compareSeparationAndFirth(Conformance c) {
        GoldenJson all = GoldenJson.load("models/logistic_separation.json");
        for (String kind : List.of("complete", "quasi")) {
            GoldenJson g = all.object(kind);
            List<String> names = g.strings("covariates");
            double[][] x = g.matrix("x");
            double[] y = g.numbers("y");
            LogisticFit fit = new LogisticRegression().fit(y, x, names);
            String ds = kind + " separation (seeded)";
            c.checkEqual("glm binomial", ds, "converged", fit.converged(), Boolean.valueOf(g.string("glm_converged")));
            c.check("glm binomial", ds, "fitted probabilities numerically 0 or 1",
                    fit.separation().fittedZeroOrOne(), g.number("glm_fitted_0_or_1"), 0);
            // R says nothing for the quasi-complete case; Radflow must flag both
            c.checkEqual("separation check", ds, "detected", fit.separation().detected(), true);
            compareFirth(c, g.object("firth"), new FirthLogisticRegression().fit(y, x, names), ds);
        }
        GoldenJson lung = all.object("lung");
        Data d = data("lung", lung.strings("covariates"));
        compareFirth(c, lung.object("firth"), new FirthLogisticRegression().fit(d.y(), d.x(), d.names()), "lung");
    }

    private static void compareFirth(Conformance c, GoldenJson g, FirthLogisticRegression.Fit fit, String ds) {
        String m = "Firth (logistf formula)";
        c.check(m, ds, "coef", fit.coefficients(), g.numbers("coef"), ITERATIVE);
        c.check(m, ds, "se", fit.standardErrors(), g.numbers("se"), ITERATIVE);
        c.check(m, ds, "wald lower", fit.waldLower(), g.numbers("wald_lower"), ITERATIVE);
        c.check(m, ds, "wald upper", fit.waldUpper(), g.numbers("wald_upper"), ITERATIVE);
        c.check(m, ds, "penalized loglik", fit.penalizedLogLikelihood(), g.number("penalized_loglik"), ITERATIVE);
        c.check(m, ds, "loglik", fit.logLikelihood(), g.number("loglik"), ITERATIVE);
    }
}
