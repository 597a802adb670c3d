package io.radflow.evaluation;

import io.radflow.charts.ForestPlotChart;
import io.radflow.charts.data.ForestRow;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.regression.LogisticFit;
import io.radflow.stats.regression.LogisticRegression;
import io.radflow.stats.survival.CoxFit;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.ratioTable}: univariate and multivariate hazard ratios ({@value #P_MODEL}
 * {@code cox}: {@link CoxRegression}, R {@code coxph}, Efron ties) or odds ratios ({@code logistic}:
 * {@link LogisticRegression}, R {@code glm(binomial)}) of the chosen numeric columns, with Wald 95% CIs and p
 * values. All fits use the same complete cases of every chosen column (as R's {@code na.omit} of the multivariate
 * model), so univariate and multivariate rows are comparable. Categorical variables must be coded as 0/1 columns.
 * Outputs {@value #OUT_TABLE} (one row per variable and analysis) and {@value #OUT_FIGURE} ({@link ForestPlotChart}).
 */
public final class RatioTableNode extends EvaluationNode {

    public static final String P_MODEL = "model";
    public static final String P_VARIABLES = "variables";
    public static final String P_MULTIVARIATE = "multivariate";

    static final String COX = "cox";
    static final String LOGISTIC = "logistic";

    @Override
    protected String label() {
        return "HR/OR table";
    }

    @Override
    public void validate(Parameters parameters) {
        super.validate(parameters);
        String model = parameters.getString(P_MODEL, COX);
        if (!model.equals(COX) && !model.equals(LOGISTIC)) {
            throw new IllegalArgumentException("parameter '" + P_MODEL + "' must be " + COX + " or " + LOGISTIC
                    + ", got '" + model + "'");
        }
    }

    /** One fitted coefficient on the ratio scale. */
    private record Estimate(String name, double coef, double se, double ratio, double lower, double upper, double p) {
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        boolean cox = parameters.getString(P_MODEL, COX).equals(COX);
        List<String> variables = required(parameters, P_VARIABLES);
        boolean multivariate = !parameters.has(P_MULTIVARIATE) || parameters.getBoolean(P_MULTIVARIATE);
        EvaluationData.Builder builder = EvaluationData.from(label(), table, parameters, context)
                .numeric(P_VARIABLES, variables);
        String time = null;
        String event = null;
        String outcome = null;
        if (cox) {
            time = parameters.getString(P_TIME);
            event = parameters.getString(P_EVENT);
            builder.numeric(P_TIME, time).numeric(P_EVENT, event);
        } else {
            outcome = parameters.getString(P_OUTCOME);
            builder.numeric(P_OUTCOME, outcome);
        }
        EvaluationData data = builder.build();
        SurvivalData survival = cox ? data.survival(time, event, null) : null;
        double[] y = cox ? null : data.binary(outcome);
        int events = cox ? survival.eventCount() : data.positives(outcome);
        if (events == 0 || (!cox && events == y.length)) {
            throw new NodeExecutionException(label() + ": " + (cox ? "no events in column '" + event + "'"
                    : "outcome column '" + outcome + "' has a single class") + " (" + events + " of " + data.size()
                    + "): no ratio can be estimated");
        }
        String measure = cox ? "HR" : "OR";
        ResultTable result = new ResultTable();
        List<ForestRow> forest = new ArrayList<>();
        for (String variable : variables) {
            context.checkCanceled();
            List<Estimate> fit = fit(cox, survival, y, data, List.of(variable));
            add(result, forest, fit.get(0), "univariate", measure, data, events);
        }
        if (multivariate && variables.size() > 1) {
            for (Estimate e : fit(cox, survival, y, data, variables)) {
                add(result, forest, e, "multivariate", measure, data, events);
            }
        }
        return Map.of(OUT_TABLE, result.build(), OUT_FIGURE, figure(ForestPlotChart.create(
                title(parameters, (cox ? "Hazard" : "Odds") + " ratios"), measure, forest), parameters));
    }

    private static List<Estimate> fit(boolean cox, SurvivalData survival, double[] y, EvaluationData data,
            List<String> names) {
        double[][] x = new double[data.size()][names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] column = data.numbers(names.get(j));
            for (int i = 0; i < x.length; i++) {
                x[i][j] = column[i];
            }
        }
        List<Estimate> out = new ArrayList<>();
        if (cox) {
            CoxFit fit = new CoxRegression(CoxRegression.Ties.EFRON).fit(survival, x, names);
            for (CoxFit.Coefficient c : fit.table()) {
                out.add(new Estimate(c.name(), c.coef(), c.se(), c.hr(), c.hrLower(), c.hrUpper(), c.p()));
            }
        } else {
            LogisticFit fit = new LogisticRegression().fit(y, x, names);
            for (LogisticFit.Coefficient c : fit.table()) {
                if (names.contains(c.name())) {
                    out.add(new Estimate(c.name(), c.coef(), c.se(), c.oddsRatio(), c.oddsRatioLower(),
                            c.oddsRatioUpper(), c.p()));
                }
            }
        }
        return out;
    }

    private static void add(ResultTable result, List<ForestRow> forest, Estimate e, String analysis, String measure,
            EvaluationData data, int events) {
        var row = result.row().put("variable", e.name()).put("analysis", analysis).put("coef", e.coef())
                .put("se", e.se()).put(measure.toLowerCase(java.util.Locale.ROOT), e.ratio()).put("lower", e.lower())
                .put("upper", e.upper()).put("p", e.p()).put("n", data.size()).put("events", events)
                .put(EXCLUDED, data.dropped());
        if (e.ratio() > 0 && e.lower() > 0 && Double.isFinite(e.upper())) {
            forest.add(new ForestRow(e.name() + ", " + analysis, e.ratio(),
                    e.lower(), e.upper(), e.p()));
        } else {
            row.put("note", "ratio or interval not finite (separation or a monotone likelihood?)");
        }
    }
}
