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
 */
public record TrainTestRole(boolean split, boolean supervised, String rowSetParameter) {

    /** A node that neither splits, learns nor selects rows. */
    public static final TrainTestRole NONE = new TrainTestRole(false, false, null);
}
