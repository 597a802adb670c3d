package io.radflow.core.node;

import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;

import java.util.List;
import java.util.Map;

/**
 * Re-executes a part of the pipeline, the <em>chain</em>, on other rows: the nodes on every path from the node that
 * feeds one input of the asking node (the <em>source</em> table) to the node that feeds another of its inputs (the
 * <em>end</em>, e.g. a fitted model). Internal validation uses it to repeat feature selection and model fitting in
 * every bootstrap sample or cross-validation fold (Harrell, Regression Modeling Strategies, 2nd ed., 5.3; Steyerberg,
 * Clinical Prediction Models, 2nd ed., ch. 17). The engine hands a runner to a node through
 * {@link ExecutionContext#chain()} when the node type declares its chain ports.
 *
 * <p>Inputs of chain nodes that come from outside the chain are the objects of the current run, except that a table
 * with a {@code PatientID} column gets one extra row per copy named in {@code copies} (so that a bootstrap sample in
 * which a patient appears twice finds that patient's features twice). Objects other than tables are passed on
 * unchanged. Chain nodes run one after the other in the calling thread; their logs and patient failures are not part
 * of the run's. Implementations hold no state between calls and may be called repeatedly.
 */
public interface ChainRunner {

    /** Ids of the chain's nodes in execution order (the source's node excluded, the end's node included). */
    List<String> nodeIds();

    /**
     * Runs the chain with the source table replaced.
     *
     * @param source the rows the chain starts from (same columns as the source table)
     * @param copies patient ids of {@code source} that are copies of another patient, mapped to that patient's id
     *               (empty when every row is a distinct patient); the copied rows of other tables are appended in
     *               this map's iteration order
     * @return the object the end node produces on the port that feeds the asking node
     * @throws NodeExecutionException naming the chain node that failed and why (no events, no feature kept, ...)
     * @throws CanceledExecutionException when the user asked to stop
     */
    PortObject refit(Table source, Map<String, String> copies) throws NodeExecutionException, CanceledExecutionException;
}
