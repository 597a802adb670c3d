package io.radflow.study.models;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;
import io.radflow.stats.nomogram.Nomogram;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;
import io.radflow.study.data.TrainTestSplitNode;
import io.radflow.study.model.FittedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.study.nomogram}: the points scales of a model ({@link Nomogram}, R {@code rms::nomogram}). Each
 * term is one axis over the range of its raw values in the training rows (a standardised term
 * {@code b (x - m)/s} enters as coefficient {@code b/s} on x, its {@code -b m/s} joining the intercept); a
 * categorical level is an axis from 0 ("no") to 1 ("yes"). The most influential axis spans {@value #P_MAX_POINTS}.
 *
 * <p>Output {@value #OUT_POINTS} (axis, label, value, points): {@value #P_TICKS} equally spaced ticks per axis, the
 * "Total points" axis, and the risk axes at the total points where the risk takes round values: for a logistic model
 * "Risk" ({@code 1/(1+exp(-lp))}), for a Cox model "Survival at t" for each t of {@value #P_TIMES}
 * ({@code exp(-H_0(t) exp(lp))}, {@code lp = log(-log S / H_0(t))}); only values inside the total-points range are
 * listed. Output {@value #OUT_SCORES}: PatientID, Set, total_points and risk (logistic) or survival_&lt;t&gt; (Cox)
 * per row.
 *
 * <p>Trained state ({@link TrainedNode}): the {@value #OUT_POINTS} table, whose first and last tick of each term axis
 * are the training range; applied to new rows, the nomogram is rebuilt from those ranges and the input model.
 */
public final class NomogramNode implements TrainedNode {

    public static final String IN_MODEL = "model";
    public static final String IN_FEATURES = "features";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_POINTS = "points";
    public static final String OUT_SCORES = "scores";
    public static final String P_MAX_POINTS = "maxPoints";
    public static final String P_TICKS = "ticks";
    public static final String P_TIMES = "times";

    private static final double[] RISKS = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        FittedModel model = inputs.get(IN_MODEL, FittedModel.class);
        StudyData data = StudyData.of(inputs.get(IN_FEATURES, Table.class), inputs, IN_CLINICAL, context);
        List<Double> times = times(model, parameters);
        int[] train = data.trainingRows();
        double[][] ranges = new double[model.terms().size()][];
        for (int j = 0; j < ranges.length; j++) {
            FittedModel.Term term = model.terms().get(j);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            if (!term.isCategorical()) {
                for (double x : data.numbers(term.column(), train)) {
                    if (Double.isFinite(x)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
            }
            ranges[j] = new double[] {lo, hi};
        }
        List<Nomogram.Predictor> predictors = new ArrayList<>();
        Nomogram nomogram = nomogram(model, ranges, parameters, predictors);
        boolean cox = model.family() == FittedModel.Family.COX;
        int ticks = parameters.getInt(P_TICKS);
        TableBuilder points = new TableBuilder().text("axis").text("label").number("value").number("points");
        double maxTotal = 0;
        for (int j = 0; j < predictors.size(); j++) {
            Nomogram.Predictor p = predictors.get(j);
            boolean categorical = model.terms().get(j).isCategorical();
            int count = categorical ? 2 : ticks;
            double top = 0;
            for (int k = 0; k < count; k++) {
                double x = k == count - 1 ? p.high() : p.low() + (p.high() - p.low()) * k / (count - 1);
                double pts = nomogram.points(j, x);
                top = Math.max(top, pts);
                points.add(p.name(), categorical ? (k == 0 ? "no" : "yes") : Column.formatNumber(x), x, pts);
            }
            maxTotal += top;
        }
        for (int k = 0; k <= 2 * ticks; k++) {
            double t = maxTotal * k / (2 * ticks);
            points.add("Total points", Column.formatNumber(t), t, t);
        }
        if (cox) {
            for (double t : times) {
                double h0 = model.baseline().at(t);
                for (double s : RISKS) {
                    double total = nomogram.totalPointsForLinearPredictor(Math.log(-Math.log(s) / h0));
                    if (total >= 0 && total <= maxTotal) {
                        points.add("Survival at " + Column.formatNumber(t), Column.formatNumber(s), s, total);
                    }
                }
            }
        } else {
            for (double r : RISKS) {
                double total = nomogram.totalPointsForLogisticRisk(r);
                if (total >= 0 && total <= maxTotal) {
                    points.add("Risk", Column.formatNumber(r), r, total);
                }
            }
        }
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_POINTS, points.build());
        out.put(OUT_SCORES, scores(model, nomogram, data, times, context));
        return out;
    }

    @Override
    public List<String> stateOutputs() {
        return List.of(OUT_POINTS);
    }

    @Override
    public List<String> predictionOutputs() {
        return List.of(OUT_SCORES);
    }

    /** Scores with the nomogram rebuilt from the term ranges of the stored points table. */
    @Override
    public Map<String, PortObject> apply(NodeInputs inputs, Map<String, PortObject> state, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException {
        FittedModel model = inputs.get(IN_MODEL, FittedModel.class);
        StudyData data = StudyData.of(inputs.get(IN_FEATURES, Table.class), inputs, IN_CLINICAL, context);
        List<Double> times = times(model, parameters);
        Table points = (Table) state.get(OUT_POINTS);
        double[][] ranges = new double[model.terms().size()][];
        int row = 0;
        for (int j = 0; j < ranges.length; j++) {
            FittedModel.Term term = model.terms().get(j);
            String axis = term.isCategorical() ? term.name() : term.column();
            int first = row;
            while (row < points.rowCount() && points.column("axis").text(row).equals(axis)) {
                row++;
            }
            if (row - first < 2) {
                throw new NodeExecutionException("The trained points table has no axis '" + axis + "' at row " + (first + 1)
                        + ": it does not belong to the input model");
            }
            ranges[j] = new double[] {points.column("value").number(first), points.column("value").number(row - 1)};
        }
        Nomogram nomogram = nomogram(model, ranges, parameters, new ArrayList<>());
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_POINTS, points);
        out.put(OUT_SCORES, scores(model, nomogram, data, times, context));
        return out;
    }

    /** The survival times of a Cox nomogram ({@value #P_TIMES}); fails when a Cox model lacks them or a baseline. */
    private static List<Double> times(FittedModel model, Parameters parameters) throws NodeExecutionException {
        List<Double> times = new ArrayList<>();
        for (String t : TrainTestSplitNode.list(parameters.getString(P_TIMES, ""))) {
            times.add(Double.parseDouble(t));
        }
        if (model.family() == FittedModel.Family.COX && (times.isEmpty() || model.baseline() == null)) {
            throw new NodeExecutionException("A Cox nomogram needs survival times (parameter '" + P_TIMES
                    + "') and a model with a baseline hazard");
        }
        return times;
    }

    /**
     * The nomogram of {@code model} with term {@code j} spanning {@code ranges[j]} (raw values; categorical terms span
     * 0 to 1 whatever is given); the predictors are added to {@code predictors}.
     */
    private static Nomogram nomogram(FittedModel model, double[][] ranges, Parameters parameters,
            List<Nomogram.Predictor> predictors) throws NodeExecutionException {
        double intercept = model.intercept();
        for (int j = 0; j < ranges.length; j++) {
            FittedModel.Term term = model.terms().get(j);
            if (term.isCategorical()) {
                predictors.add(new Nomogram.Predictor(term.name(), term.coefficient(), 0, 1));
                continue;
            }
            double b = term.coefficient() / term.scale();
            intercept -= b * term.center();
            try {
                predictors.add(new Nomogram.Predictor(term.column(), b, ranges[j][0], ranges[j][1]));
            } catch (IllegalArgumentException e) {
                throw new NodeExecutionException("Term '" + term.name() + "' has no range in the training rows: "
                        + e.getMessage(), e);
            }
        }
        try {
            return Nomogram.of(intercept, predictors, parameters.getDouble(P_MAX_POINTS));
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException("Nomogram: " + e.getMessage(), e);
        }
    }

    private static Table scores(FittedModel model, Nomogram nomogram, StudyData data, List<Double> times,
            ExecutionContext context) throws NodeExecutionException {
        int[] all = data.allRows();
        double[] lp = ModelDesign.linearPredictors(model, data, all);
        boolean cox = model.family() == FittedModel.Family.COX;
        TableBuilder b = new TableBuilder().text(Cohort.PATIENT_ID).text(StudyData.SET).number("total_points");
        if (cox) {
            for (double t : times) {
                b.number("survival_" + Column.formatNumber(t));
            }
        } else {
            b.number("risk");
        }
        for (int i = 0; i < all.length; i++) {
            List<Object> row = new ArrayList<>();
            row.add(data.id(i));
            row.add(data.mark(i));
            row.add(Double.isNaN(lp[i]) ? Double.NaN : nomogram.totalPointsForLinearPredictor(lp[i]));
            if (cox) {
                for (double t : times) {
                    row.add(model.survival(lp[i], t));
                }
            } else {
                row.add(FittedModel.logisticRisk(lp[i]));
            }
            b.add(row.toArray());
        }
        context.log("nomogram: " + nomogram.predictors().size() + " axes, " + nomogram.scale() + " points per unit of lp");
        return b.build();
    }
}
