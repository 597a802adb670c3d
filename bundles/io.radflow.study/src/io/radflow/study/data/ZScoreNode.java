package io.radflow.study.data;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Node {@code radflow.study.zscore}: standardises every feature column with the mean and sample standard deviation
 * (divisor n - 1, R {@code scale()}) of its non-missing <em>training</em> values, applied to all rows:
 * {@code z = (x - mean_train) / sd_train}. Missing values stay missing. A feature that is constant in the training
 * rows (sd = 0) or has fewer than 2 training values cannot be standardised: it is left out of the output and the
 * {@value #OUT_SCALER} table says why.
 *
 * <p>Inputs: {@value #IN_FEATURES} and, unless the features carry a {@value StudyData#SET} column,
 * {@value #IN_CLINICAL} with the marks. Outputs: {@value #OUT_FEATURES} ({@value Cohort#PATIENT_ID},
 * {@value StudyData#SET}, standardised features) and {@value #OUT_SCALER} (feature, n_train, mean, sd, status).
 *
 * <p>Trained state ({@link TrainedNode}): the {@value #OUT_SCALER} table; applied to new rows, each feature with status
 * {@code scaled} is standardised with its stored mean and sd, in scaler order.
 */
public final class ZScoreNode implements TrainedNode {

    public static final String IN_FEATURES = "features";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_FEATURES = "features";
    public static final String OUT_SCALER = "scaler";

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        Table features = inputs.get(IN_FEATURES, Table.class);
        StudyData data = StudyData.of(features, inputs, IN_CLINICAL, context);
        int[] train = data.trainingRows();
        if (train.length == 0) {
            throw new NodeExecutionException("No training rows: the z-score is fitted on rows marked '" + StudyData.TRAIN + "'");
        }
        List<String> names = data.featureNames();
        List<Column> columns = new ArrayList<>();
        columns.add(features.column(Cohort.PATIENT_ID));
        columns.add(data.setColumn());
        TableBuilder scaler = new TableBuilder().text("feature").number("n_train").number("mean").number("sd").text("status");
        List<String> dropped = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            context.checkCanceled();
            String name = names.get(f);
            double[] values = finite(data.numbers(name, train));
            if (values.length < 2) {
                scaler.add(name, values.length, null, null, "dropped: fewer than 2 training values");
                dropped.add(name);
                continue;
            }
            double mean = StatUtils.mean(values);
            double sd = Math.sqrt(StatUtils.variance(values, mean));
            if (!(sd > 0)) {
                scaler.add(name, values.length, mean, sd, "dropped: constant in the training rows");
                dropped.add(name);
                continue;
            }
            columns.add(standardised(features, name, mean, sd));
            scaler.add(name, values.length, mean, sd, "scaled");
            context.progress((f + 1.0) / names.size(), "standardised " + (f + 1) + " of " + names.size());
        }
        if (!dropped.isEmpty()) {
            context.log("z-score: " + dropped.size() + " features left out (constant or too few training values): "
                    + dropped);
        }
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_FEATURES, new Table(columns));
        out.put(OUT_SCALER, scaler.build());
        return out;
    }

    @Override
    public List<String> stateOutputs() {
        return List.of(OUT_SCALER);
    }

    /** Standardises the features the stored scaler scaled; fails naming a scaled feature the input lacks. */
    @Override
    public Map<String, PortObject> apply(NodeInputs inputs, Map<String, PortObject> state, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException {
        Table features = inputs.get(IN_FEATURES, Table.class);
        StudyData data = StudyData.of(features, inputs, IN_CLINICAL, context);
        Table scaler = (Table) state.get(OUT_SCALER);
        List<Column> columns = new ArrayList<>();
        columns.add(features.column(Cohort.PATIENT_ID));
        columns.add(data.setColumn());
        for (int row = 0; row < scaler.rowCount(); row++) {
            if (!scaler.column("status").text(row).equals("scaled")) {
                continue;
            }
            String name = scaler.column("feature").text(row);
            if (!features.hasColumn(name)) {
                throw new NodeExecutionException("Feature column '" + name + "', standardised by the trained scaler, is"
                        + " missing from input '" + IN_FEATURES + "'");
            }
            columns.add(standardised(features, name, scaler.column("mean").number(row), scaler.column("sd").number(row)));
        }
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_FEATURES, new Table(columns));
        out.put(OUT_SCALER, scaler);
        return out;
    }

    /** Column {@code name} of {@code features} as {@code (x - mean) / sd}. */
    private static Column standardised(Table features, String name, double mean, double sd) {
        double[] x = features.column(name).numbers();
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - mean) / sd;
        }
        return Column.numeric(name, x);
    }

    /** The finite values of {@code x}. */
    static double[] finite(double[] x) {
        return java.util.Arrays.stream(x).filter(Double::isFinite).toArray();
    }
}
