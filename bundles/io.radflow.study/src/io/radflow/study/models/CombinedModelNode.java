package io.radflow.study.models;

import io.radflow.core.node.Parameters;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TrainTestSplitNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Node {@code radflow.study.combinedModel}: a logistic or Cox model ({@value Outcome#P_TYPE}) of the Rad-score column
 * {@value #P_SCORE} of input {@value #IN_SCORES} together with the clinical covariates {@value #P_CLINICAL} of input
 * {@value RegressionModelNode#IN_CLINICAL} (categorical ones treatment-coded), fitted on the training rows; see
 * {@link RegressionModelNode}. Its model's kind is {@code combined}.
 */
public final class CombinedModelNode extends RegressionModelNode {

    public static final String IN_SCORES = "scores";
    public static final String P_SCORE = "score";
    public static final String P_CLINICAL = "clinicalCovariates";

    @Override
    protected Outcome outcome(Parameters parameters) {
        return Outcome.from(parameters);
    }

    @Override
    protected String kind(Outcome outcome) {
        return "combined";
    }

    @Override
    protected String featuresPort() {
        return IN_SCORES;
    }

    @Override
    protected List<String> covariates(StudyData data, Parameters parameters) {
        List<String> covariates = new ArrayList<>();
        covariates.add(parameters.getString(P_SCORE));
        covariates.addAll(TrainTestSplitNode.list(parameters.getString(P_CLINICAL, "")));
        return covariates;
    }
}

