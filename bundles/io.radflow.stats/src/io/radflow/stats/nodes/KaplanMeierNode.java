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
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.LogRankTest;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.stats.kaplanMeier}: Kaplan-Meier curves per group (R {@code survfit}) and the
 * log-rank test between them (R {@code survdiff}). Groups and clinical data are joined on
 * {@value Cohort#PATIENT_ID}; patients without a group, time or event are left out (logged).
 * Output {@code curves}: {@link SurvivalCurves}.
 */
public final class KaplanMeierNode implements NodeImplementation {

    public static final String IN_GROUPS = "groups";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_CURVES = "curves";
    public static final String P_TIME = "time";
    public static final String P_EVENT = "event";
    public static final String P_GROUP = "group";

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Table groups = inputs.get(IN_GROUPS, Table.class);
        Table clinical = inputs.get(IN_CLINICAL, Table.class);
        String timeColumn = parameters.getString(P_TIME);
        String groupColumn = parameters.getString(P_GROUP);
        ClinicalOutcome outcome = ClinicalOutcome.read(clinical, timeColumn, parameters.getString(P_EVENT), context);
        Column ids = ClinicalOutcome.requireColumn(groups, Cohort.PATIENT_ID, IN_GROUPS, false);
        Column labels = ClinicalOutcome.requireColumn(groups, groupColumn, IN_GROUPS, false);
        List<Double> time = new ArrayList<>();
        List<Double> event = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (int row = 0; row < groups.rowCount(); row++) {
            double[] te = outcome.get(ids.text(row));
            String label = labels.text(row);
            if (te == null || label.isEmpty()) {
                continue;
            }
            time.add(te[0]);
            event.add(te[1]);
            group.add(label);
        }
        if (time.isEmpty()) {
            throw new NodeExecutionException("No patient of input 'groups' has a group, time and event"
                    + " (check the " + Cohort.PATIENT_ID + " values and the columns '" + timeColumn + "', '"
                    + groupColumn + "')");
        }
        if (time.size() < groups.rowCount()) {
            context.log("Kaplan-Meier: " + (groups.rowCount() - time.size()) + " of " + groups.rowCount()
                    + " patients without group, time or event left out");
        }
        double[] t = new double[time.size()];
        double[] e = new double[time.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = time.get(i);
            e[i] = event.get(i);
        }
        SurvivalData data = SurvivalData.ofNumeric(t, e, group.toArray(new String[0]));
        SurvivalCurves curves = new SurvivalCurves(KaplanMeier.fitByGroup(data), LogRankTest.of(data), timeColumn);
        context.log("Kaplan-Meier: " + curves.summary());
        return Map.of(OUT_CURVES, curves);
    }
}
