package io.radflow.study.models;

import io.radflow.core.node.Parameters;
import io.radflow.study.data.Outcome;

/** Node {@code radflow.study.coxModel}: a Cox model on the training rows ({@link RegressionModelNode}). */
public final class CoxModelNode extends RegressionModelNode {

    @Override
    protected Outcome outcome(Parameters parameters) {
        return new Outcome(Outcome.Type.SURVIVAL, null, parameters.getString(Outcome.P_TIME),
                parameters.getString(Outcome.P_EVENT));
    }

    @Override
    protected String kind(Outcome outcome) {
        return "cox";
    }
}
