package io.radflow.stats.selection;

import io.radflow.core.data.Table;
import io.radflow.stats.Conformance;
import io.radflow.stats.GoldenJson;
import io.radflow.stats.regression.LogisticGolden;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.Golden;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares stepwise selection with MASS {@code stepAIC} (AIC, BIC) and with the p-value rule written out in R
 * ({@code golden/models/stepwise.json}, written by {@code r/golden-models.R}).
 */
public final class StepwiseGolden {

    private StepwiseGolden() {
    }

    public static void compare(Conformance c) {
        GoldenJson steps = GoldenJson.load("models/stepwise.json").object("steps");
        for (String key : steps.asMap().keySet()) {
            GoldenJson g = steps.object(key);
            List<String> scope = g.strings("scope");
            SubsetModel model;
            int n;
            if (g.string("model").equals("cox")) {
                Table t = Golden.table("pbc.csv");
                int[] rows = Golden.allRows(t);
                var data = Golden.survival(t, rows, 2, null);
                model = SubsetModel.cox(data, Golden.covariates(t, rows, scope), scope, CoxRegression.Ties.EFRON);
                n = data.eventCount();
            } else {
                LogisticGolden.Data d = LogisticGolden.data("colon", scope);
                model = SubsetModel.logistic(d.y(), d.x(), scope);
                n = d.y().length;
            }
            String criterionName = g.string("criterion");
            StepwiseSelection.Criterion criterion = switch (criterionName) {
                case "AIC" -> StepwiseSelection.Criterion.aic();
                case "BIC" -> StepwiseSelection.Criterion.bic(n);
                default -> StepwiseSelection.Criterion.pValue(g.number("p_enter"), g.number("p_remove"));
            };
            StepwiseSelection.Direction direction = StepwiseSelection.Direction.valueOf(
                    g.string("direction").toUpperCase(java.util.Locale.ROOT));
            List<String> start = list(g, "start");
            StepwiseSelection.Result result = StepwiseSelection.run(model, scope, start, direction, criterion);
            String m = (criterionName.equals("P") ? "LR p-value selection" : "stepAIC " + criterionName) + " "
                    + g.string("direction");
            String ds = g.string("model") + " " + g.string("data");
            c.checkEqual(m, ds, "final terms", result.terms(), list(g, "final"));
            c.checkEqual(m, ds, "path", result.path().stream().map(StepwiseSelection.Step::change).toList(),
                    list(g, "path_step"));
            double[] values = result.path().stream().mapToDouble(StepwiseSelection.Step::value).toArray();
            c.check(m, ds, criterionName.equals("P") ? "path p" : "path " + criterionName, values,
                    g.numbers(criterionName.equals("P") ? "path_p" : "path_aic"), 1e-6);
        }
    }

    /** A string array that R may have written as [] (empty), a scalar or an array. */
    private static List<String> list(GoldenJson g, String key) {
        Object v = g.asMap().get(key);
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(o -> out.add(String.valueOf(o)));
            return out;
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
