package io.radflow.pipeline.engine;

/**
 * How a node type takes part in the train/test discipline of a study, declared by attributes of its {@code <node>}
 * element in plugin.xml and checked by {@link PipelineValidator}'s leakage rule:
 *
 * @param split           {@code split="true"}: the node marks rows as training or test (a train/test split)
 * @param supervised      {@code supervised="true"}: the node learns from data (a selector, scaler or model) and must
 *                        fit on training rows only, so a split node must be upstream of it
 * @param rowSetParameter {@code rowSet="<key>"}: the parameter whose value names the set of rows the node passes on
 *                        ({@code train}, {@code test}); a supervised node downstream of one passing {@code test} rows
 *                        would be fitted on test data. {@code null} when the node keeps every row.
 * @param chainSource     {@code chainSource="<input>"}: the input port whose upstream node starts the chain the node
 *                        refits (internal validation); {@code null} for other nodes
 * @param chainEnd        {@code chainEnd="<input>"}: the input port fed by the chain's last node (e.g. the model);
 *                        set together with {@code chainSource}. The validator checks that the node feeding this port
 *                        is downstream of the one feeding {@code chainSource}; the executor then gives the node a
 *                        {@link io.radflow.core.node.ChainRunner}.
 */
public record TrainTestRole(boolean split, boolean supervised, String rowSetParameter, String chainSource,
        String chainEnd) {

    /** A node that neither splits, learns nor selects rows. */
    public static final TrainTestRole NONE = new TrainTestRole(false, false, null);

    public TrainTestRole {
        if ((chainSource == null) != (chainEnd == null)) {
            throw new IllegalArgumentException("chainSource and chainEnd must be declared together, got chainSource="
                    + chainSource + ", chainEnd=" + chainEnd);
        }
    }

    /** A role without chain ports. */
    public TrainTestRole(boolean split, boolean supervised, String rowSetParameter) {
        this(split, supervised, rowSetParameter, null, null);
    }

    /** Whether the node refits a chain of upstream nodes ({@link #chainSource} and {@link #chainEnd} declared). */
    public boolean refitsChain() {
        return chainSource != null;
    }
}
