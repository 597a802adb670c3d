package io.radflow.stats.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.Cutpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.stats.cutpoint}: splits patients into "low" and "high" by one feature. The
 * feature is the parameter {@code feature}, or, when it is empty, the first row of the optional
 * {@code ranking} input (a univariate Cox table sorted by p) whose p_wald is not NaN.
 *
 * <p>Method {@code median}: cut-point {@code c} = sample median of the non-missing values (mean of
 * the two middle values for an even count); {@code group = "high"} when {@code value > c}, else
 * "low". Patients with a missing value are left out (logged).
 *
 * <p>Output {@code groups}: columns {@value Cohort#PATIENT_ID}, the feature, {@code group}.
 */
public final class CutpointNode implements NodeImplementation {

    public static final String IN_FEATURES = "features";
    public static final String IN_RANKING = "ranking";
    public static final String OUT_GROUPS = "groups";
    public static final String P_FEATURE = "feature";
    public static final String P_METHOD = "method";
    public static final String GROUP_COLUMN = "group";
    public static final String LOW = "low";
    public static final String HIGH = "high";

    @Override
    public void validate(Parameters parameters) {
        String method = parameters.getString(P_METHOD, "median");
        if (!method.equals("median")) {
            throw new IllegalArgumentException("parameter 'method' must be median, got '" + method + "'");
        }
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        validate(parameters);
        Table features = inputs.get(IN_FEATURES, Table.class);
        String feature = parameters.getString(P_FEATURE, "").trim();
        if (feature.isEmpty()) {
            if (!inputs.has(IN_RANKING)) {
                throw new NodeExecutionException("Parameter 'feature' is empty and input 'ranking' is not connected:"
                        + " name the feature or connect a univariate Cox table");
            }
            feature = bestFeature(inputs.get(IN_RANKING, Table.class));
            context.log("cut-point: feature '" + feature + "' taken from the ranking");
        }
        Column ids = ClinicalOutcome.requireColumn(features, Cohort.PATIENT_ID, IN_FEATURES, false);
        Column values = ClinicalOutcome.requireColumn(features, feature, IN_FEATURES, true);
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < features.rowCount(); row++) {
            if (Double.isFinite(values.number(row))) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new NodeExecutionException("Feature '" + feature + "' has no values");
        }
        if (rows.size() < features.rowCount()) {
            context.log("cut-point: " + (features.rowCount() - rows.size()) + " patients without a value of '"
                    + feature + "' left out");
        }
        double[] kept = new double[rows.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = values.number(rows.get(i));
        }
        double cut = Cutpoints.median(kept);
        context.log("cut-point: median of '" + feature + "' = " + cut);
        String[] outIds = new String[kept.length];
        String[] groups = new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            outIds[i] = ids.text(rows.get(i));
            groups[i] = kept[i] > cut ? HIGH : LOW;
        }
        Table out = new Table(List.of(Column.text(Cohort.PATIENT_ID, outIds), Column.numeric(feature, kept),
                Column.text(GROUP_COLUMN, groups)));
        return Map.of(OUT_GROUPS, out);
    }

    private static String bestFeature(Table ranking) throws NodeExecutionException {
        Column names = ClinicalOutcome.requireColumn(ranking, "feature", IN_RANKING, false);
        Column p = ranking.hasColumn("p_wald") && ranking.column("p_wald").isNumeric() ? ranking.column("p_wald") : null;
        for (int row = 0; row < ranking.rowCount(); row++) {
            if (p == null || !Double.isNaN(p.number(row))) {
                return names.text(row);
            }
        }
        throw new NodeExecutionException("Input 'ranking' has no feature with a p value");
    }
}
