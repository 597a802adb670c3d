package io.radflow.stats.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.survival.CoxFit;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.stats.univariateCox}: one Cox model per numeric feature column (univariate
 * screening). Features and clinical data are joined on {@value Cohort#PATIENT_ID}; for each feature
 * the patients with a missing time, event or feature value are left out (the column {@code n}
 * shows how many remain). With {@code standardize} the feature is z-scored over the rows used
 * ({@code (x - mean) / sd}, sd with n - 1), so the hazard ratio is per one standard deviation.
 * A feature that cannot be fitted (constant, no events) gets NaN statistics and a {@code note}.
 *
 * <p>Output columns: feature, n, events, coef, se, hr, hr_lower, hr_upper, z, p_wald, p_lr,
 * p_score, note; rows sorted by p_wald ascending, NaN last.
 */
public final class UnivariateCoxNode implements NodeImplementation {

    public static final String IN_FEATURES = "features";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_TABLE = "table";
    public static final String P_TIME = "time";
    public static final String P_EVENT = "event";
    public static final String P_TIES = "ties";
    public static final String P_STANDARDIZE = "standardize";

    /** Output column names, in order. */
    public static final List<String> COLUMNS = List.of("feature", "n", "events", "coef", "se", "hr", "hr_lower",
            "hr_upper", "z", "p_wald", "p_lr", "p_score", "note");

    @Override
    public void validate(Parameters parameters) {
        CoxRegression.Ties.parse(parameters.getString(P_TIES));
        parameters.getBoolean(P_STANDARDIZE);
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        Table features = inputs.get(IN_FEATURES, Table.class);
        Table clinical = inputs.get(IN_CLINICAL, Table.class);
        String timeColumn = parameters.getString(P_TIME);
        String eventColumn = parameters.getString(P_EVENT);
        CoxRegression regression = new CoxRegression(CoxRegression.Ties.parse(parameters.getString(P_TIES)));
        boolean standardize = parameters.getBoolean(P_STANDARDIZE);

        ClinicalOutcome outcome = ClinicalOutcome.read(clinical, timeColumn, eventColumn, context);
        Column ids = ClinicalOutcome.requireColumn(features, Cohort.PATIENT_ID, IN_FEATURES, false);
        int rows = features.rowCount();
        double[][] outcomeOfRow = new double[rows][];
        int unmatched = 0;
        for (int row = 0; row < rows; row++) {
            outcomeOfRow[row] = outcome.get(ids.text(row));
            if (outcomeOfRow[row] == null) {
                unmatched++;
            }
        }
        if (unmatched > 0) {
            context.log("univariate Cox: " + unmatched + " of " + rows
                    + " feature rows have no complete time/event in the clinical table");
        }
        List<Column> featureColumns = new ArrayList<>();
        for (Column column : features.columns()) {
            if (column.name().equals(Cohort.PATIENT_ID)) {
                continue;
            }
            if (!column.isNumeric()) {
                context.log("univariate Cox: column '" + column.name() + "' is not numeric; skipped");
                continue;
            }
            featureColumns.add(column);
        }
        List<Row> results = new ArrayList<>();
        for (int f = 0; f < featureColumns.size(); f++) {
            context.checkCanceled();
            Column column = featureColumns.get(f);
            context.progress((double) f / featureColumns.size(), "Cox model for " + column.name());
            results.add(fitOne(column, outcomeOfRow, regression, standardize));
        }
        context.progress(1.0, "Cox models done");
        results.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.values[P_WALD_INDEX]) ? Double.POSITIVE_INFINITY
                : r.values[P_WALD_INDEX]));
        return Map.of(OUT_TABLE, toTable(results));
    }

    /** values: n, events, coef, se, hr, hr_lower, hr_upper, z, p_wald, p_lr, p_score (p_wald at index 8). */
    private static final int P_WALD_INDEX = 8;

    private record Row(String feature, double[] values, String note) {
    }

    private static Row fitOne(Column column, double[][] outcomeOfRow, CoxRegression regression, boolean standardize) {
        List<double[]> used = new ArrayList<>();
        for (int row = 0; row < outcomeOfRow.length; row++) {
            double v = column.number(row);
            if (outcomeOfRow[row] != null && Double.isFinite(v)) {
                used.add(new double[] {outcomeOfRow[row][0], outcomeOfRow[row][1], v});
            }
        }
        int n = used.size();
        int dropped = outcomeOfRow.length - n;
        double[] time = new double[n];
        double[] event = new double[n];
        double[][] x = new double[n][1];
        int events = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double[] u = used.get(i);
            time[i] = u[0];
            event[i] = u[1];
            x[i][0] = u[2];
            events += u[1] == 1 ? 1 : 0;
            mean += u[2];
        }
        String droppedNote = dropped > 0 ? dropped + " patients without time/event/value left out" : null;
        try {
            if (n == 0) {
                throw new IllegalArgumentException("no patient has time, event and a value");
            }
            if (standardize) {
                mean /= n;
                double ss = 0;
                for (double[] row : x) {
                    ss += (row[0] - mean) * (row[0] - mean);
                }
                double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
                if (sd == 0) {
                    throw new IllegalArgumentException("column '" + column.name() + "' is constant");
                }
                for (double[] row : x) {
                    row[0] = (row[0] - mean) / sd;
                }
            }
            CoxFit fit = regression.fit(SurvivalData.ofNumeric(time, event, null), x, List.of(column.name()));
            CoxFit.Coefficient c = fit.table().get(0);
            String note = droppedNote;
            if (!fit.converged()) {
                note = join(note, "did not converge in " + fit.iterations() + " iterations");
            }
            return new Row(column.name(), new double[] {n, events, c.coef(), c.se(), c.hr(), c.hrLower(), c.hrUpper(),
                c.z(), c.p(), fit.likelihoodRatioP(), fit.scoreP()}, note);
        } catch (IllegalArgumentException e) {
            double[] values = new double[11];
            java.util.Arrays.fill(values, Double.NaN);
            values[0] = n;
            values[1] = events;
            return new Row(column.name(), values, join(e.getMessage(), droppedNote));
        }
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private static Table toTable(List<Row> rows) {
        int m = rows.size();
        String[] feature = new String[m];
        String[] note = new String[m];
        double[][] values = new double[11][m];
        for (int i = 0; i < m; i++) {
            Row r = rows.get(i);
            feature[i] = r.feature();
            note[i] = r.note();
            for (int k = 0; k < 11; k++) {
                values[k][i] = r.values()[k];
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(COLUMNS.get(0), feature));
        for (int k = 0; k < 11; k++) {
            columns.add(Column.numeric(COLUMNS.get(k + 1), values[k]));
        }
        columns.add(Column.text(COLUMNS.get(12), note));
        return new Table(columns);
    }
}
