package io.radflow.pipeline.engine;

import io.radflow.core.node.ParameterDescriptor;

import java.util.List;

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

    /**
     * The role a node declaration gives by its attributes (each {@code null} when absent), checked against the node's
     * parameters and inputs; used by every registry that reads plugin.xml (OSGi and the plain-classpath runner).
     *
     * @throws IllegalArgumentException when {@code rowSet} names no parameter or {@code chainSource}/{@code chainEnd}
     *         no input
     */
    public static TrainTestRole declared(String split, String supervised, String rowSet, String chainSource,
            String chainEnd, List<PortDescriptor> inputs, List<ParameterDescriptor> parameters) {
        if (rowSet != null && parameters.stream().noneMatch(p -> p.key().equals(rowSet))) {
            throw new IllegalArgumentException("rowSet names '" + rowSet + "', which is not a parameter of the node");
        }
        for (String port : new String[] {chainSource, chainEnd}) {
            if (port != null && inputs.stream().noneMatch(p -> p.name().equals(port))) {
                throw new IllegalArgumentException("chainSource/chainEnd names '" + port + "', which is not an input of the node");
            }
        }
        return new TrainTestRole(Boolean.parseBoolean(split), Boolean.parseBoolean(supervised), rowSet, chainSource,
                chainEnd);
    }

    /** Whether the node refits a chain of upstream nodes ({@link #chainSource} and {@link #chainEnd} declared). */
    public boolean refitsChain() {
        return chainSource != null;
    }
}
