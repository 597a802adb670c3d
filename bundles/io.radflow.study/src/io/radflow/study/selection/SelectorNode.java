package io.radflow.study.selection;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;
import io.radflow.study.data.StudyData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template of the feature selectors: reads {@value #IN_FEATURES} and the optional {@value #IN_CLINICAL} (marks and
 * outcome), aligns them ({@link StudyData}), lets the selector decide on the <em>training rows only</em>, and returns
 * {@value #OUT_FEATURES} (every row, {@code PatientID}, {@code Set} and the kept feature columns in input order) and
 * {@value #OUT_REPORT} (one row per candidate feature: the selector's statistics, {@code kept} 1/0 and a
 * {@code reason}).
 *
 * <p>A selector that keeps no feature fails the node with a message saying why (e.g. the smallest p-value found), so
 * that nothing downstream is fitted on an empty design; features a statistic cannot be computed for (e.g. constant in
 * the training rows) are dropped with the statistic's message as reason.
 *
 * <p>Trained state ({@link TrainedNode}): the report and the extra outputs; applied to new rows, the features whose
 * report row has {@code kept} = 1 are passed on, in report order.
 */
public abstract class SelectorNode implements TrainedNode {

    public static final String IN_FEATURES = "features";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_FEATURES = "features";
    public static final String OUT_REPORT = "report";

    /**
     * The decision of a selector.
     *
     * @param kept       kept feature names
     * @param report     one row per candidate
     * @param noneReason why nothing was kept, for the error message when {@code kept} is empty
     * @param extra      further outputs of the node by port name (e.g. the LASSO model)
     */
    public record Selection(List<String> kept, Table report, String noneReason, Map<String, PortObject> extra) {
        public Selection {
            kept = List.copyOf(kept);
            extra = Map.copyOf(extra);
        }

        public Selection(List<String> kept, Table report, String noneReason) {
            this(kept, report, noneReason, Map.of());
        }
    }

    @Override
    public final Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        validate(parameters);
        Table features = inputs.get(IN_FEATURES, Table.class);
        StudyData data = StudyData.of(features, inputs, IN_CLINICAL, context);
        int[] train = data.trainingRows();
        if (train.length == 0) {
            throw new NodeExecutionException("No training rows (column '" + StudyData.SET + "' = '" + StudyData.TRAIN
                    + "'): selectors are fitted on training rows only");
        }
        List<String> candidates = data.featureNames();
        if (candidates.isEmpty()) {
            throw new NodeExecutionException("Input '" + IN_FEATURES + "' has no numeric feature column");
        }
        Selection selection;
        try {
            selection = select(data, candidates, train, inputs, parameters, context);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        if (selection.kept().isEmpty()) {
            throw new NodeExecutionException("No feature of " + candidates.size() + " was kept: " + selection.noneReason());
        }
        context.log("kept " + selection.kept().size() + " of " + candidates.size() + " features (fitted on " + train.length
                + " training rows)");
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_FEATURES, data.withColumns(selection.kept()));
        out.put(OUT_REPORT, selection.report());
        out.putAll(selection.extra());
        return out;
    }

    /** The report and the extra outputs of {@link Selection#extra()} (none by default). */
    @Override
    public List<String> stateOutputs() {
        List<String> state = new ArrayList<>();
        state.add(OUT_REPORT);
        state.addAll(extraOutputs());
        return state;
    }

    /** Port names of the extra outputs a selection carries (e.g. the LASSO model); none by default. */
    protected List<String> extraOutputs() {
        return List.of();
    }

    /** Passes on the features the stored report marks as kept; fails naming a kept feature the input lacks. */
    @Override
    public final Map<String, PortObject> apply(NodeInputs inputs, Map<String, PortObject> state, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException {
        Table features = inputs.get(IN_FEATURES, Table.class);
        StudyData data = StudyData.of(features, inputs, IN_CLINICAL, context);
        Table report = (Table) state.get(OUT_REPORT);
        Column names = report.column("feature");
        Column keptMarks = report.column("kept");
        List<String> kept = new ArrayList<>();
        for (int row = 0; row < report.rowCount(); row++) {
            if (keptMarks.number(row) == 1) {
                String name = names.text(row);
                if (!features.hasColumn(name)) {
                    throw new NodeExecutionException("Feature column '" + name + "', kept by the trained selection, is"
                            + " missing from input '" + IN_FEATURES + "'");
                }
                kept.add(name);
            }
        }
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_FEATURES, data.withColumns(kept));
        out.putAll(state);
        return out;
    }

    /**
     * Decides which of {@code candidates} to keep, looking at the training rows {@code train} only.
     *
     * @throws IllegalArgumentException for bad parameters or data (becomes the node's error)
     */
    protected abstract Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException;

    /** Message of an exception for a report's reason column. */
    static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
