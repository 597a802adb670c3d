package io.radflow.evaluation;

import io.radflow.charts.Figure;
import io.radflow.charts.ForestPlotChart;
import io.radflow.charts.data.ForestRow;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;

/**
 * Base of the evaluation nodes: each reads one table on input {@value #IN_DATA} whose columns are chosen by
 * parameters, optionally restricted to the rows whose {@value #P_SET_COLUMN} column equals {@value #P_SET}
 * (e.g. {@code test}), and writes a result table and a figure. Every statistic comes from
 * {@code io.radflow.stats}, every chart from {@code io.radflow.charts}. An {@link IllegalArgumentException} of
 * the statistics (single class, no events, ...) becomes a {@link NodeExecutionException} prefixed with the node's
 * label.
 */
public abstract class EvaluationNode implements NodeImplementation {

    public static final String IN_DATA = "data";
    public static final String OUT_TABLE = "table";
    public static final String OUT_FIGURE = "figure";
    public static final String P_SET_COLUMN = "setColumn";
    public static final String P_SET = "set";
    public static final String P_TITLE = "title";
    public static final String P_WIDTH = "width";
    public static final String P_HEIGHT = "height";

    /** Confidence level of every interval (the charts label intervals "95% CI"). */
    public static final double LEVEL = 0.95;

    /** Column of every result table: rows left out for missing values. */
    public static final String EXCLUDED = "excluded";

    /** Parameter of the calibration and decision-curve nodes: {@code binary} (0/1 outcome) or {@code survival}. */
    public static final String P_OUTCOME_TYPE = "outcomeType";
    /** Survival mode: the prediction horizon t, in the time column's unit. */
    public static final String P_HORIZON = "horizon";
    /** The column of the score being evaluated (a predicted probability, risk or linear predictor). */
    public static final String P_SCORE = "score";
    /** The 0/1 outcome column (binary outcomes). */
    public static final String P_OUTCOME = "outcome";
    /** The follow-up time column (survival outcomes). */
    public static final String P_TIME = "time";
    /** The event column, 1 = event, 0 = censored (survival outcomes). */
    public static final String P_EVENT = "event";
    static final String BINARY = "binary";
    static final String SURVIVAL = "survival";
    /** Score type of a column holding predicted probabilities (binary) or predicted risks at the horizon (survival). */
    static final String PROBABILITY = "probability";
    /** Score type of a survival-mode score column holding {@code S(t|x)} (risk {@code 1 - S}). */
    static final String SURVIVAL_PROBABILITY = "survivalProbability";

    /** The node's name in messages, e.g. "ROC". */
    protected abstract String label();

    /** Runs the evaluation on the input table. */
    protected abstract Map<String, PortObject> evaluate(Table data, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException;

    @Override
    public void validate(Parameters parameters) {
        for (String key : new String[] {P_WIDTH, P_HEIGHT}) {
            if (parameters.has(key)) {
                int value = parameters.getInt(key);
                if (value < 100 || value > 20000) {
                    throw new IllegalArgumentException("parameter '" + key + "' must be between 100 and 20000 pixels, got "
                            + value);
                }
            }
        }
    }

    @Override
    public final Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        validate(parameters);
        Table data = inputs.get(IN_DATA, Table.class);
        try {
            return evaluate(data, parameters, context);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(label() + ": " + e.getMessage(), e);
        }
    }

    /** The chart as a figure of the node's size (parameters {@value #P_WIDTH}, {@value #P_HEIGHT}; 800 x 600). */
    protected static Figure figure(JFreeChart chart, Parameters parameters) {
        return new Figure(chart, parameters.has(P_WIDTH) ? parameters.getInt(P_WIDTH) : 800,
                parameters.has(P_HEIGHT) ? parameters.getInt(P_HEIGHT) : 600);
    }

    /** Parameter {@value #P_TITLE}, or {@code fallback} when empty. */
    protected static String title(Parameters parameters, String fallback) {
        return parameters.getString(P_TITLE, fallback);
    }

    /** A comma-separated list parameter, trimmed, empty entries removed. */
    protected static List<String> list(Parameters parameters, String key) {
        List<String> out = new ArrayList<>();
        for (String part : parameters.getString(key, "").split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** A comma-separated list of numbers, e.g. horizons "6,12". */
    protected static double[] numbers(Parameters parameters, String key) {
        List<String> parts = list(parameters, key);
        double[] out = new double[parts.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(parts.get(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter '" + key + "': '" + parts.get(i) + "' is not a number");
            }
        }
        return out;
    }

    /** Fails with a message naming {@code key} when the list is empty. */
    protected static List<String> required(Parameters parameters, String key) {
        List<String> names = list(parameters, key);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + key + "' names no column");
        }
        return names;
    }

    /** True when parameter {@value #P_OUTCOME_TYPE} is {@code survival}; fails on an unknown value. */
    protected static boolean survivalOutcome(Parameters parameters) {
        String type = parameters.getString(P_OUTCOME_TYPE, BINARY);
        if (!type.equals(BINARY) && !type.equals(SURVIVAL)) {
            throw new IllegalArgumentException("parameter '" + P_OUTCOME_TYPE + "' must be " + BINARY + " or " + SURVIVAL
                    + ", got '" + type + "'");
        }
        return type.equals(SURVIVAL);
    }

    /** Parameter {@value #P_HORIZON} (survival mode), required positive. */
    protected static double horizon(Parameters parameters) {
        double t = parameters.has(P_HORIZON) ? parameters.getDouble(P_HORIZON) : Double.NaN;
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("parameter '" + P_HORIZON + "' must be a positive time for a survival"
                    + " outcome, got " + t);
        }
        return t;
    }

    /**
     * Predicted risks {@code F(t|x)} at the horizon from a score column holding either the risk itself
     * ({@code survivalProbability = false}) or the predicted survival {@code S(t|x)} (risk {@code 1 - S}), e.g. the
     * {@code survival_<t>} columns of the nomogram node (Cox model with its Breslow baseline hazard).
     */
    protected static double[] riskAtHorizon(EvaluationData data, String score, boolean survivalProbability)
            throws NodeExecutionException {
        double[] p = data.probabilities(score, survivalProbability ? " (a predicted survival probability S(t|x))"
                : " (a predicted risk 1 - S(t|x) at the horizon)");
        if (!survivalProbability) {
            return p;
        }
        double[] risk = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            risk[i] = 1 - p[i];
        }
        return risk;
    }

    /** The logistic function {@code 1 / (1 + exp(-x))}. */
    protected static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * A forest-style figure of performance estimates (AUC, C-index) with their intervals, drawn by
     * {@link ForestPlotChart}. Estimates without a finite positive interval are left out of the figure (they
     * stay in the table with a note); a lower bound of 0 is drawn at 0.001 (the axis is logarithmic).
     */
    protected static JFreeChart performanceForest(String title, String measure, List<String> labels, double[] estimate,
            double[] lower, double[] upper) {
        List<ForestRow> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (estimate[i] > 0 && Double.isFinite(lower[i]) && Double.isFinite(upper[i]) && upper[i] > 0) {
                rows.add(new ForestRow(labels.get(i), estimate[i], Math.max(lower[i], 1e-3), upper[i], Double.NaN));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no estimate with a confidence interval to draw");
        }
        return ForestPlotChart.create(title, measure, rows);
    }
}
