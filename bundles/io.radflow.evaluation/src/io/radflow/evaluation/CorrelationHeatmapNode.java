package io.radflow.evaluation;

import io.radflow.charts.CorrelationHeatmapChart;
import io.radflow.charts.data.CorrelationMatrix;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.agreement.Correlation;
import io.radflow.stats.agreement.CorrelationTest;

import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.correlation}: pairwise Pearson ({@link Correlation#pearson}, R {@code cor.test})
 * or Spearman ({@link Correlation#spearman}) correlations of the chosen numeric columns on their complete cases,
 * with p values. A pair that cannot be correlated (a constant column) gets an empty coefficient and a note.
 * Outputs {@value #OUT_TABLE} (one row per pair, long format) and {@value #OUT_FIGURE}
 * ({@link CorrelationHeatmapChart}).
 */
public final class CorrelationHeatmapNode extends EvaluationNode {

    public static final String P_COLUMNS = "columns";
    public static final String P_METHOD = "method";

    @Override
    protected String label() {
        return "Correlation";
    }

    @Override
    public void validate(Parameters parameters) {
        super.validate(parameters);
        String method = parameters.getString(P_METHOD, "pearson");
        if (!method.equals("pearson") && !method.equals("spearman")) {
            throw new IllegalArgumentException("parameter '" + P_METHOD + "' must be pearson or spearman, got '"
                    + method + "'");
        }
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        List<String> columns = required(parameters, P_COLUMNS);
        if (columns.size() < 2) {
            throw new NodeExecutionException(label() + ": parameter '" + P_COLUMNS + "' needs at least two columns, got "
                    + columns);
        }
        boolean pearson = parameters.getString(P_METHOD, "pearson").equals("pearson");
        EvaluationData data = EvaluationData.from(label(), table, parameters, context).numeric(P_COLUMNS, columns).build();
        int k = columns.size();
        double[][] r = new double[k][k];
        ResultTable result = new ResultTable();
        for (int i = 0; i < k; i++) {
            r[i][i] = 1;
            for (int j = i + 1; j < k; j++) {
                context.checkCanceled();
                var row = result.row().put("variable1", columns.get(i)).put("variable2", columns.get(j))
                        .put("method", pearson ? "pearson" : "spearman").put("n", data.size());
                try {
                    double[] x = data.numbers(columns.get(i));
                    double[] y = data.numbers(columns.get(j));
                    CorrelationTest test = pearson ? Correlation.pearson(x, y, LEVEL) : Correlation.spearman(x, y);
                    r[i][j] = test.estimate();
                    r[j][i] = test.estimate();
                    row.put("r", test.estimate()).put("p", test.p());
                } catch (IllegalArgumentException e) {
                    r[i][j] = Double.NaN;
                    r[j][i] = Double.NaN;
                    row.put("note", e.getMessage());
                }
                row.put(EXCLUDED, data.dropped());
            }
        }
        return Map.of(OUT_TABLE, result.build(), OUT_FIGURE, figure(CorrelationHeatmapChart.create(
                title(parameters, (pearson ? "Pearson" : "Spearman") + " correlation"), new CorrelationMatrix(columns, r)),
                parameters));
    }
}
