package io.radflow.evaluation;

import io.radflow.charts.CalibrationChart;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.bootstrap.Bootstrap;
import io.radflow.stats.evaluation.Calibration;
import io.radflow.stats.evaluation.CalibrationCurve;
import io.radflow.stats.evaluation.SurvivalCalibration;
import io.radflow.stats.regression.LogisticFit;
import io.radflow.stats.regression.LogisticRegression;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.calibration}: calibration of predicted probabilities of a 0/1 outcome.
 *
 * <ul>
 * <li>The score is a probability ({@value #P_SCORE_TYPE} {@code probability}) or a logistic model's linear
 * predictor ({@code linearPredictor}; probability {@code 1/(1 + exp(-lp))}).</li>
 * <li>Brier score ({@link Calibration#brier}) and Hosmer-Lemeshow test with {@value #P_GROUPS} groups
 * ({@link Calibration#hosmerLemeshow}); the apparent calibration curve is the Hosmer-Lemeshow groups' mean
 * prediction against their observed event fraction.</li>
 * <li>Bootstrap correction ({@value #P_BOOTSTRAP} &gt; 0, linear predictors only, where a refit is possible):
 * {@link CalibrationCurve#bootstrap} (rms {@code calibrate(method = "boot")} with a binned smoother) with the refit
 * {@code glm(outcome ~ score, binomial)} ({@link LogisticRegression}) on each resample of (score, outcome)
 * ({@link Bootstrap#resamples}, seed {@value #P_SEED}). What is corrected: the optimism of fitting the intercept and
 * slope of the score on these patients, i.e. of a logistic model whose only covariate is the score. The selection
 * and fitting that produced the score are not repeated, so their optimism is not corrected: for that evaluate on
 * a test set or use internal validation of the whole chain.</li>
 * </ul>
 * Outputs: {@value #OUT_TABLE} (Brier, Hosmer-Lemeshow, n, events), {@value #OUT_CURVE} (the curve: per
 * Hosmer-Lemeshow group, or on rms's grid with apparent, optimism and corrected values) and {@value #OUT_FIGURE}
 * ({@link CalibrationChart}).
 *
 * <p>Survival outcome ({@value #P_OUTCOME_TYPE} {@code survival}, columns {@value #P_TIME} and {@value #P_EVENT},
 * horizon {@value #P_HORIZON}): the score is the predicted risk {@code F(t|x) = 1 - S(t|x)} at the horizon
 * ({@value #P_SCORE_TYPE} {@code probability}) or the predicted survival {@code S(t|x)} ({@code survivalProbability},
 * e.g. the nomogram node's {@code survival_<t>} column of a Cox model). {@link SurvivalCalibration#at}: per quantile
 * group of predicted risk the mean prediction against the observed {@code 1 - KM(t)} with its Greenwood 95% CI,
 * the D'Agostino-Nam chi-square and the IPCW Brier score at t. No bootstrap correction in this mode. A horizon
 * beyond the last follow-up or without events before it fails the node with a message naming score and horizon.
 */
public final class CalibrationNode extends EvaluationNode {

    public static final String OUT_CURVE = "curve";
    public static final String P_SCORE_TYPE = "scoreType";
    public static final String P_GROUPS = "groups";
    public static final String P_BOOTSTRAP = "bootstrap";
    public static final String P_SEED = "seed";

    static final String LINEAR_PREDICTOR = "linearPredictor";

    @Override
    protected String label() {
        return "Calibration";
    }

    @Override
    public void validate(Parameters parameters) {
        super.validate(parameters);
        String type = parameters.getString(P_SCORE_TYPE, PROBABILITY);
        boolean survival = survivalOutcome(parameters);
        if (!type.equals(PROBABILITY) && !type.equals(survival ? SURVIVAL_PROBABILITY : LINEAR_PREDICTOR)) {
            throw new IllegalArgumentException("parameter '" + P_SCORE_TYPE + "' must be " + PROBABILITY + " or "
                    + (survival ? SURVIVAL_PROBABILITY + " for a survival outcome (a linear predictor has no baseline"
                            + " survival: use the nomogram node's survival_<t> column)" : LINEAR_PREDICTOR)
                    + ", got '" + type + "'");
        }
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        if (survivalOutcome(parameters)) {
            return survival(table, parameters, context);
        }
        String score = parameters.getString(P_SCORE);
        String outcome = parameters.getString(P_OUTCOME);
        boolean linear = parameters.getString(P_SCORE_TYPE, PROBABILITY).equals(LINEAR_PREDICTOR);
        int groups = parameters.has(P_GROUPS) ? parameters.getInt(P_GROUPS) : 10;
        int replicates = parameters.has(P_BOOTSTRAP) ? parameters.getInt(P_BOOTSTRAP) : 0;
        long seed = parameters.has(P_SEED) ? Long.parseLong(parameters.getString(P_SEED).trim()) : 1;
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, score)
                .numeric(P_OUTCOME, outcome).build();
        double[] y = data.binary(outcome);
        int events = data.positives(outcome);
        if (events == 0 || events == y.length) {
            throw new NodeExecutionException(label() + ": outcome column '" + outcome + "' has a single class ("
                    + events + " events of " + y.length + ")");
        }
        double[] x = data.numbers(score);
        double[] p = linear ? probabilities(x)
                : data.probabilities(score, " (for a linear predictor set " + P_SCORE_TYPE + " = " + LINEAR_PREDICTOR + ")");
        double brier = Calibration.brier(p, y);
        Calibration.HosmerLemeshow hl = Calibration.hosmerLemeshow(p, y, groups);
        ResultTable curve = new ResultTable();
        io.radflow.charts.data.CalibrationCurve drawn;
        boolean corrected = linear && replicates > 0;
        if (corrected) {
            int[][] resamples = Bootstrap.resamples(y.length, replicates, seed);
            CalibrationCurve.Result r = CalibrationCurve.bootstrap(y, p, groups, rows -> refit(x, y, rows, score),
                    resamples);
            drawn = bootstrapCurve(r, curve, y.length, replicates);
        } else {
            if (replicates > 0) {
                context.log(label() + ": no bootstrap correction for a probability score (no refit possible);"
                        + " set " + P_SCORE_TYPE + " = " + LINEAR_PREDICTOR + " for a logistic linear predictor");
            }
            drawn = groupCurve(hl, curve, y.length);
        }
        ResultTable summary = new ResultTable();
        summary.row().put("score", score).put("n", y.length).put("events", events).put("brier", brier)
                .put("hosmer_lemeshow_chi2", hl.statistic()).put("hosmer_lemeshow_df", hl.df())
                .put("hosmer_lemeshow_p", hl.p()).put("groups", groups).put("bootstrap", corrected ? replicates : 0)
                .put("corrected", corrected ? "optimism of refitting outcome ~ score (intercept and slope)" : "none")
                .put(EXCLUDED, data.dropped());
        return Map.of(OUT_TABLE, summary.build(), OUT_CURVE, curve.build(), OUT_FIGURE,
                figure(CalibrationChart.create(title(parameters, "Calibration"), drawn), parameters));
    }

    private Map<String, PortObject> survival(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        String score = parameters.getString(P_SCORE);
        String time = parameters.getString(P_TIME);
        String event = parameters.getString(P_EVENT);
        double t = horizon(parameters);
        int groups = parameters.has(P_GROUPS) ? parameters.getInt(P_GROUPS) : 10;
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_SCORE, score)
                .numeric(P_TIME, time).numeric(P_EVENT, event).build();
        SurvivalData survival = data.survival(time, event, null);
        double[] risk = riskAtHorizon(data, score,
                parameters.getString(P_SCORE_TYPE, PROBABILITY).equals(SURVIVAL_PROBABILITY));
        SurvivalCalibration.Result r;
        try {
            r = SurvivalCalibration.at(survival, risk, t, groups, LEVEL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("score '" + score + "' at horizon t = " + Column.formatNumber(t) + ": "
                    + e.getMessage(), e);
        }
        ResultTable curve = new ResultTable();
        List<SurvivalCalibration.Group> g = r.groups();
        double[] predicted = new double[g.size()];
        double[] observed = new double[g.size()];
        double[] lower = new double[g.size()];
        double[] upper = new double[g.size()];
        for (int k = 0; k < g.size(); k++) {
            SurvivalCalibration.Group group = g.get(k);
            curve.row().put("group", k + 1).put("n", group.size()).put("predicted", group.predicted())
                    .put("observed", group.observed()).put("lower", group.lower()).put("upper", group.upper());
            predicted[k] = group.predicted();
            observed[k] = group.observed();
            lower[k] = group.lower();
            upper[k] = group.upper();
        }
        int events = 0;
        for (int i = 0; i < survival.size(); i++) {
            events += survival.event(i) && survival.time(i) <= t ? 1 : 0;
        }
        ResultTable summary = new ResultTable();
        summary.row().put("score", score).put("horizon", t).put("n", survival.size()).put("events_by_horizon", events)
                .put("brier", r.brier()).put("dagostino_nam_chi2", r.chiSquare()).put("dagostino_nam_df", r.df())
                .put("dagostino_nam_p", r.p()).put("groups", g.size()).put(EXCLUDED, data.dropped());
        String horizon = Column.formatNumber(t);
        return Map.of(OUT_TABLE, summary.build(), OUT_CURVE, curve.build(), OUT_FIGURE,
                figure(CalibrationChart.createAtHorizon(title(parameters, "Calibration at t = " + horizon), horizon,
                        predicted, observed, lower, upper, survival.size()), parameters));
    }

    private static double[] probabilities(double[] lp) {
        double[] p = new double[lp.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = logistic(lp[i]);
        }
        return p;
    }

    /** {@code glm(outcome ~ score)} on the resample's rows, predicting every original row. */
    static CalibrationCurve.ProbabilityModel refit(double[] x, double[] y, int[] rows, String name) {
        double[] yb = new double[rows.length];
        double[][] xb = new double[rows.length][1];
        for (int k = 0; k < rows.length; k++) {
            yb[k] = y[rows[k]];
            xb[k][0] = x[rows[k]];
        }
        LogisticFit fit = new LogisticRegression().fit(yb, xb, List.of(name));
        double[] beta = fit.coefficients();
        return row -> logistic(beta[0] + beta[1] * x[row]);
    }

    private static io.radflow.charts.data.CalibrationCurve groupCurve(Calibration.HosmerLemeshow hl, ResultTable table,
            int n) {
        double[] observed = hl.observed();
        double[] expected = hl.expected();
        int[] sizes = hl.sizes();
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            var row = table.row().put("group", k + 1).put("n", sizes[k]);
            if (sizes[k] > 0) {
                double predicted = expected[k] / sizes[k];
                double fraction = observed[k] / sizes[k];
                row.put("predicted", predicted).put("observed", fraction);
                points.add(new double[] {predicted, fraction});
            }
        }
        return new io.radflow.charts.data.CalibrationCurve(points.stream().mapToDouble(v -> v[0]).toArray(),
                points.stream().mapToDouble(v -> v[1]).toArray(), new double[0], n, 0);
    }

    private static io.radflow.charts.data.CalibrationCurve bootstrapCurve(CalibrationCurve.Result r, ResultTable table,
            int n, int replicates) {
        double[] grid = r.grid();
        double[] apparent = r.apparent();
        double[] optimism = r.optimism();
        double[] corrected = r.corrected();
        int[] valid = r.valid();
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < grid.length; k++) {
            table.row().put("predicted", grid[k]).put("apparent", apparent[k]).put("optimism", optimism[k])
                    .put("corrected", corrected[k]).put("resamples", valid[k]);
            if (Double.isFinite(apparent[k]) && Double.isFinite(corrected[k])) {
                points.add(new double[] {grid[k], apparent[k], corrected[k]});
            }
        }
        return new io.radflow.charts.data.CalibrationCurve(points.stream().mapToDouble(v -> v[0]).toArray(),
                points.stream().mapToDouble(v -> v[1]).toArray(), points.stream().mapToDouble(v -> v[2]).toArray(),
                n, replicates);
    }
}
