package io.radflow.core.node;

import io.radflow.core.port.PortObject;

import java.util.List;
import java.util.Map;

/**
 * Optional extension of a {@link NodeImplementation} for applying a trained pipeline to a new cohort
 * ({@code radflow-cli apply}). A node that learns from the training rows (scaler, selector, model, cut-point) names the
 * outputs that hold what it learned, its <em>trained state</em>; a bundle stores them and {@link #apply} runs the node
 * on new rows with that state instead of fitting. A node that only scores rows with a model it receives names its
 * {@link #predictionOutputs() prediction outputs} and keeps the default {@link #apply} (its {@code execute}).
 *
 * <p>{@code apply} returns the same outputs as {@code execute}, the state outputs being the given state objects (or
 * objects derived from them only), and never reads an outcome: applying a trained pipeline fits nothing.
 */
public interface TrainedNode extends NodeImplementation {

    /** The output ports whose objects together are the trained state; empty for a node that learns nothing. */
    List<String> stateOutputs();

    /** Output ports with one row per patient ({@code PatientID} and score columns) that are predictions; default none. */
    default List<String> predictionOutputs() {
        return List.of();
    }

    /**
     * Runs the node with a trained state from an earlier run instead of fitting.
     *
     * @param state the objects of {@link #stateOutputs()} by port name, as the training run produced them
     * @return the objects on all output ports, as {@code execute} returns them
     */
    default Map<String, PortObject> apply(NodeInputs inputs, Map<String, PortObject> state, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        return execute(inputs, parameters, context);
    }
}
