package io.radflow.study.models;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.Cutpoints;
import io.radflow.stats.evaluation.MaximallySelectedLogRank;
import io.radflow.stats.evaluation.YoudenCutoff;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;
import io.radflow.study.model.FittedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.study.riskGroups}: splits patients into {@value #LOW} and {@value #HIGH} risk by a cut-point of
 * the model's linear predictor (score) chosen on the training rows and applied unchanged to every row
 * ({@value #HIGH} when {@code score > cut}). Methods ({@value #P_METHOD}):
 * <ul>
 * <li>{@code median}: the median training score ({@link Cutpoints#median}, R {@code median});</li>
 * <li>{@code maxstat}: the maximally selected log-rank cut-point ({@link MaximallySelectedLogRank}, R
 * {@code maxstat.test(..., smethod = "LogRank", minprop, maxprop = 1 - minprop)}; survival outcome);</li>
 * <li>{@code youden}: the ROC threshold of largest Youden index ({@link Cutpoints#youden}, pROC
 * {@code coords(..., "best")}; binary outcome).</li>
 * </ul>
 * Outputs {@value #OUT_GROUPS} (PatientID, Set, score, group), {@value #OUT_CUTPOINT} (method, cutpoint, n_train,
 * statistic, p: the maximal statistic and Lausen-Schumacher 1992 p for maxstat, Youden's J for youden) and
 * {@value #OUT_MODEL} (the model with the cut-point recorded).
 *
 * <p>Trained state ({@link TrainedNode}): the {@value #OUT_CUTPOINT} table; applied to new rows, its cut-point splits the
 * scores of the input model.
 */
public final class RiskGroupNode implements TrainedNode {

    public static final String IN_MODEL = "model";
    public static final String IN_FEATURES = "features";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_GROUPS = "groups";
    public static final String OUT_CUTPOINT = "cutpoint";
    public static final String OUT_MODEL = "model";
    public static final String P_METHOD = "method";
    public static final String P_MINPROP = "minprop";
    public static final String LOW = "low";
    public static final String HIGH = "high";

    @Override
    public void validate(Parameters parameters) {
        String method = parameters.getString(P_METHOD);
        if (method.equals("maxstat") && !Outcome.from(parameters).isSurvival()) {
            throw new IllegalArgumentException("method maxstat needs a survival outcome (parameter '" + Outcome.P_TYPE
                    + "' = survival)");
        }
        if (method.equals("youden") && Outcome.from(parameters).isSurvival()) {
            throw new IllegalArgumentException("method youden needs a binary outcome (parameter '" + Outcome.P_TYPE
                    + "' = binary)");
        }
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        validate(parameters);
        FittedModel model = inputs.get(IN_MODEL, FittedModel.class);
        StudyData data = StudyData.of(inputs.get(IN_FEATURES, Table.class), inputs, IN_CLINICAL, context);
        int[] all = data.allRows();
        double[] score = ModelDesign.linearPredictors(model, data, all);
        List<Integer> scored = new ArrayList<>();
        for (int row : data.trainingRows()) {
            if (Double.isFinite(score[row])) {
                scored.add(row);
            }
        }
        int[] train = scored.stream().mapToInt(Integer::intValue).toArray();
        if (train.length < 2) {
            throw new NodeExecutionException("Only " + train.length + " training rows have a score; a cut-point needs at least 2");
        }
        String method = parameters.getString(P_METHOD);
        double cut;
        double statistic = Double.NaN;
        double p = Double.NaN;
        int n = train.length;
        try {
            switch (method) {
                case "median" -> cut = Cutpoints.median(at(score, train));
                case "maxstat" -> {
                    Outcome.Values v = Outcome.from(parameters).values(data, train, "training rows", context);
                    double minprop = parameters.getDouble(P_MINPROP);
                    MaximallySelectedLogRank.Result r = MaximallySelectedLogRank.test(v.survival(), at(score, v.rows()),
                            minprop, 1 - minprop);
                    cut = r.cutpoint();
                    statistic = r.statistic();
                    p = r.pLausen92();
                    n = v.rows().length;
                }
                case "youden" -> {
                    Outcome.Values v = Outcome.from(parameters).values(data, train, "training rows", context);
                    YoudenCutoff y = Cutpoints.youden(at(score, v.rows()), v.y());
                    cut = y.threshold();
                    statistic = y.youdenIndex();
                    n = v.rows().length;
                }
                default -> throw new NodeExecutionException("parameter '" + P_METHOD + "' must be median, maxstat or youden");
            }
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException("Cut-point (" + method + ") on " + train.length + " training rows: "
                    + e.getMessage(), e);
        }
        context.log("cut-point (" + method + ") of " + model.scoreName() + " on " + n + " training rows: " + cut);
        return outputs(model, data, score, new TableBuilder().text("method").number("cutpoint").number("n_train")
                .number("statistic").number("p").add(method, cut, n, statistic, p).build());
    }

    @Override
    public List<String> stateOutputs() {
        return List.of(OUT_CUTPOINT);
    }

    @Override
    public List<String> predictionOutputs() {
        return List.of(OUT_GROUPS);
    }

    /** Groups by the stored cut-point. */
    @Override
    public Map<String, PortObject> apply(NodeInputs inputs, Map<String, PortObject> state, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException {
        FittedModel model = inputs.get(IN_MODEL, FittedModel.class);
        StudyData data = StudyData.of(inputs.get(IN_FEATURES, Table.class), inputs, IN_CLINICAL, context);
        return outputs(model, data, ModelDesign.linearPredictors(model, data, data.allRows()), (Table) state.get(OUT_CUTPOINT));
    }

    /** The outputs for the scores of every row and a cut-point table (method, cutpoint, ...). */
    private static Map<String, PortObject> outputs(FittedModel model, StudyData data, double[] score, Table cutpoint) {
        String method = cutpoint.column("method").text(0);
        double cut = cutpoint.column("cutpoint").number(0);
        TableBuilder groups = new TableBuilder().text(Cohort.PATIENT_ID).text(StudyData.SET).number(model.scoreName())
                .text("group");
        for (int i = 0; i < score.length; i++) {
            String group = Double.isNaN(score[i]) ? null : score[i] > cut ? HIGH : LOW;
            groups.add(data.id(i), data.mark(i), score[i], group);
        }
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_GROUPS, groups.build());
        out.put(OUT_CUTPOINT, cutpoint);
        out.put(OUT_MODEL, model.withCutpoint(method, cut));
        return out;
    }

    private static double[] at(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
