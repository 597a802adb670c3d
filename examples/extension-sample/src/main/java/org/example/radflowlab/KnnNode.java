package org.example.radflowlab;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node {@code org.example.radflowlab.knn}: leave-one-out k-NN ({@link KnnClassifier}) of a binary clinical outcome
 * from the numeric feature columns. Inputs: {@code features} (PatientID and feature columns) and {@code clinical}
 * (PatientID and the outcome column, 0/1), joined by PatientID. A patient without clinical row, with a missing or
 * non-binary outcome or a missing feature value is reported and left out. Output {@code predictions}: PatientID,
 * observed, probability (of class 1), predicted.
 */
public final class KnnNode implements NodeImplementation {

    private static final String ID = "PatientID";

    @Override
    public void validate(Parameters parameters) {
        if (parameters.getString("outcome").isBlank()) {
            throw new IllegalArgumentException("parameter 'outcome' (the clinical column to predict) is empty");
        }
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Table features = inputs.get("features", Table.class);
        Table clinical = inputs.get("clinical", Table.class);
        String outcome = parameters.getString("outcome");
        for (Table t : List.of(features, clinical)) {
            if (!t.hasColumn(ID)) {
                throw new NodeExecutionException("input table without a " + ID + " column: " + t.columnNames());
            }
        }
        if (!clinical.hasColumn(outcome) || !clinical.column(outcome).isNumeric()) {
            throw new NodeExecutionException("clinical data has no numeric column '" + outcome + "'; columns: "
                    + clinical.columnNames());
        }
        List<Column> numeric = features.columns().stream().filter(c -> c.isNumeric() && !c.name().equals(ID)).toList();
        if (numeric.isEmpty()) {
            throw new NodeExecutionException("the feature table has no numeric column");
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Column patients = features.column(ID);
        for (int r = 0; r < features.rowCount(); r++) {
            String id = patients.text(r);
            int c = clinical.findRow(ID, id);
            if (c < 0) {
                context.reportPatientFailure(id, ID, "no row in the clinical data");
                continue;
            }
            double y = clinical.column(outcome).number(c);
            if (y != 0 && y != 1) {
                context.reportPatientFailure(id, outcome, "outcome must be 0 or 1, got " + y);
                continue;
            }
            double[] row = new double[numeric.size()];
            String missing = null;
            for (int f = 0; f < row.length; f++) {
                row[f] = numeric.get(f).number(r);
                if (!Double.isFinite(row[f])) {
                    missing = numeric.get(f).name();
                }
            }
            if (missing != null) {
                context.reportPatientFailure(id, missing, "feature value is missing or not finite");
                continue;
            }
            ids.add(id);
            rows.add(row);
            labels.add((int) y);
        }
        KnnClassifier.Result result;
        try {
            result = KnnClassifier.leaveOneOut(rows.toArray(double[][]::new),
                    labels.stream().mapToInt(Integer::intValue).toArray(), parameters.getInt("k"),
                    Boolean.parseBoolean(parameters.getString("standardise")),
                    numeric.stream().map(Column::name).toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        double[] observed = labels.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] predicted = java.util.Arrays.stream(result.predicted()).asDoubleStream().toArray();
        return Map.of("predictions", new Table(List.of(Column.text(ID, ids.toArray(String[]::new)),
                Column.numeric("observed", observed), Column.numeric("probability", result.probability()),
                Column.numeric("predicted", predicted))));
    }
}
