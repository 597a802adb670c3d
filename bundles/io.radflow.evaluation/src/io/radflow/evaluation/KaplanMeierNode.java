package io.radflow.evaluation;

import io.radflow.charts.KaplanMeierChart;
import io.radflow.charts.data.RiskTable;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.nodes.SurvivalCurves;
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.LogRankTest;
import io.radflow.stats.survival.SurvivalData;

import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.kaplanMeier}: Kaplan-Meier curves by a group column (e.g. risk groups) with 95%
 * log intervals ({@link KaplanMeier#fitByGroup}, R {@code survfit}) and the log-rank test ({@value #P_TEST}
 * {@code logRank}) or the Peto-Peto test ({@code petoPeto}) between the groups ({@link LogRankTest}, R
 * {@code survdiff(rho = 0 / 1)}). Outputs: {@value #OUT_TABLE} (per group n, events, median with CI, observed and
 * expected events, and the test), {@value #OUT_AT_RISK} (per group and time: numbers at risk, events since the
 * previous time, S(t) with CI as R's {@code summary(fit, times)}), {@value #OUT_FIGURE} (the curves with a risk table,
 * {@link KaplanMeierChart#withRiskTable}).
 */
public final class KaplanMeierNode extends EvaluationNode {

    public static final String OUT_AT_RISK = "atRisk";
    public static final String P_GROUP = "group";
    public static final String P_TEST = "test";
    public static final String P_TIMES = "times";
    public static final String P_TIME_LABEL = "timeLabel";

    static final String LOG_RANK = "logRank";
    static final String PETO_PETO = "petoPeto";

    @Override
    protected String label() {
        return "Kaplan-Meier";
    }

    @Override
    public void validate(Parameters parameters) {
        super.validate(parameters);
        String test = parameters.getString(P_TEST, LOG_RANK);
        if (!test.equals(LOG_RANK) && !test.equals(PETO_PETO)) {
            throw new IllegalArgumentException("parameter '" + P_TEST + "' must be " + LOG_RANK + " or " + PETO_PETO
                    + ", got '" + test + "'");
        }
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        String time = parameters.getString(P_TIME);
        String event = parameters.getString(P_EVENT);
        String group = parameters.getString(P_GROUP);
        boolean peto = parameters.getString(P_TEST, LOG_RANK).equals(PETO_PETO);
        double[] times = numbers(parameters, P_TIMES);
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_TIME, time)
                .numeric(P_EVENT, event).any(P_GROUP, group).build();
        SurvivalData survival = data.survival(time, event, group);
        List<KaplanMeierCurve> curves = KaplanMeier.fitByGroup(survival);
        LogRankTest test = null;
        String note = "";
        if (curves.size() < 2) {
            note = "a single group: no test";
        } else if (survival.eventCount() == 0) {
            note = "no events: the test is undefined";
        } else {
            test = LogRankTest.of(survival, peto ? 1 : 0);
        }
        if (!note.isEmpty()) {
            context.log(label() + ": " + note);
        }
        ResultTable summary = new ResultTable();
        for (int g = 0; g < curves.size(); g++) {
            KaplanMeierCurve curve = curves.get(g);
            var row = summary.row().put("group", curve.group()).put("n", curve.n()).put("events", curve.events())
                    .put("median", curve.median()).put("median_lower", curve.medianLower())
                    .put("median_upper", curve.medianUpper());
            if (test != null) {
                row.put("observed", test.observed()[g]).put("expected", test.expected()[g])
                        .put("test", peto ? "Peto-Peto" : "log-rank").put("chi2", test.chiSquare())
                        .put("df", test.df()).put("p", test.pValue());
            } else {
                row.put("note", note);
            }
            row.put(EXCLUDED, data.dropped());
        }
        String timeLabel = parameters.getString(P_TIME_LABEL, time);
        SurvivalCurves drawn = new SurvivalCurves(curves, test, timeLabel);
        RiskTable risk = KaplanMeierChart.riskTable(drawn, times.length == 0 ? null : times);
        ResultTable atRisk = new ResultTable();
        double[] at = risk.times();
        for (int g = 0; g < curves.size(); g++) {
            List<KaplanMeierCurve.TimePoint> points = curves.get(g).at(at);
            for (int k = 0; k < at.length; k++) {
                var row = atRisk.row().put("group", curves.get(g).group()).put("time", at[k])
                        .put("n_risk", risk.atRisk(g, k));
                if (k < points.size()) {
                    KaplanMeierCurve.TimePoint p = points.get(k);
                    row.put("n_event", p.nEvent()).put("survival", p.survival()).put("lower", p.lower())
                            .put("upper", p.upper());
                }
            }
        }
        return Map.of(OUT_TABLE, summary.build(), OUT_AT_RISK, atRisk.build(), OUT_FIGURE, figure(
                KaplanMeierChart.withRiskTable(drawn, title(parameters, "Kaplan-Meier"), timeLabel, risk.times()),
                parameters));
    }
}
