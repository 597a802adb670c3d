package io.radflow.study.models;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;
import io.radflow.study.model.FittedModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.study.radScore}: the Rad-score of every row, the linear predictor
 * {@code intercept + sum_j b_j v_j} of the input model (e.g. LASSO or stepwise coefficients; see
 * {@link FittedModel}) applied to the features. Nothing is fitted here, so every set is scored alike. Outputs
 * {@value #OUT_SCORES} (PatientID, Set, the score named {@value #P_NAME}) and {@value #OUT_MODEL}, the same model with
 * kind {@code radscore} whose formula ({@code <base>.txt}) reads {@code radscore = ...}. Rows with a missing feature
 * get an empty score and are reported.
 *
 * <p>As a {@link TrainedNode} it learns nothing (no state) and its {@value #OUT_SCORES} are predictions.
 */
public final class RadScoreNode implements TrainedNode {

    public static final String IN_MODEL = "model";
    public static final String IN_FEATURES = "features";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_SCORES = "scores";
    public static final String OUT_MODEL = "model";
    public static final String P_NAME = "name";

    @Override
    public List<String> stateOutputs() {
        return List.of();
    }

    @Override
    public List<String> predictionOutputs() {
        return List.of(OUT_SCORES);
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        String name = parameters.getString(P_NAME);
        FittedModel model = inputs.get(IN_MODEL, FittedModel.class).as("radscore", name);
        StudyData data = StudyData.of(inputs.get(IN_FEATURES, Table.class), inputs, IN_CLINICAL, context);
        int[] all = data.allRows();
        double[] score = ModelDesign.linearPredictors(model, data, all);
        TableBuilder b = new TableBuilder().text(Cohort.PATIENT_ID).text(StudyData.SET).number(name);
        for (int i = 0; i < all.length; i++) {
            if (Double.isNaN(score[i])) {
                context.reportPatientFailure(data.id(i), String.join("/", model.columns()), "missing feature value; no "
                        + name);
            }
            b.add(data.id(i), data.mark(i), score[i]);
        }
        context.log(model.formula());
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_SCORES, b.build());
        out.put(OUT_MODEL, model);
        return out;
    }
}
