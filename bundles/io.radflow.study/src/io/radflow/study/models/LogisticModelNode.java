package io.radflow.study.models;

import io.radflow.core.node.Parameters;
import io.radflow.study.data.Outcome;

/** Node {@code radflow.study.logisticModel}: a logistic regression on the training rows ({@link RegressionModelNode}). */
public final class LogisticModelNode extends RegressionModelNode {

    @Override
    protected Outcome outcome(Parameters parameters) {
        return new Outcome(Outcome.Type.BINARY, parameters.getString(Outcome.P_OUTCOME), null, null);
    }

    @Override
    protected String kind(Outcome outcome) {
        return "logistic";
    }
}
