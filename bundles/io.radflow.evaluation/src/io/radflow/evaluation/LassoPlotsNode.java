package io.radflow.evaluation;

import io.radflow.charts.LassoCharts;
import io.radflow.charts.data.CrossValidationCurve;
import io.radflow.charts.data.LassoPath;
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
import java.util.Locale;
import java.util.Map;

/**
 * Node {@code radflow.evaluation.lassoPlots}: the two figures of a cross-validated LASSO / elastic net as R draws
 * them, from the {@code cv} and {@code path} tables of {@code radflow.study.lasso}:
 * <ul>
 * <li>{@value #OUT_CV_PLOT}: {@code plot(cv.glmnet(...))}, the mean cross-validated deviance ({@code cvm}) with
 * +-1 standard error ({@code cvsd}) over log(lambda), dashed lines at log(lambda.min) and log(lambda.1se) and the
 * number of non-zero coefficients on the top axis;</li>
 * <li>{@value #OUT_PATH_PLOT}: {@code plot(fit, xvar = "lambda")}, one line per feature's coefficient over
 * log(lambda), with the same two lines and the chosen lambda named in the subtitle.</li>
 * </ul>
 * Input {@value #IN_CV}: columns {@code lambda, cvm, cvsd, nonzero} and the indicators {@value #AT_LAMBDA_MIN},
 * {@value #AT_LAMBDA_1SE}, {@value #CHOSEN} (1 on the row of that lambda); input {@value #IN_PATH}: {@code lambda}
 * and one column per feature. The node computes nothing itself: lambda.min and lambda.1se are the selector's.
 */
public final class LassoPlotsNode implements NodeImplementation {

    public static final String IN_CV = "cv";
    public static final String IN_PATH = "path";
    public static final String OUT_CV_PLOT = "cvPlot";
    public static final String OUT_PATH_PLOT = "pathPlot";
    public static final String P_MEASURE = "measure";

    /** Indicator columns of the CV table, as {@code io.radflow.study.selection.ElasticNetFitter} writes them. */
    public static final String AT_LAMBDA_MIN = "at_lambda_min";
    public static final String AT_LAMBDA_1SE = "at_lambda_1se";
    public static final String CHOSEN = "chosen";
    private static final String LAMBDA = "lambda";

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Table cvTable = inputs.get(IN_CV, Table.class);
        Table pathTable = inputs.get(IN_PATH, Table.class);
        try {
            double[] lambdas = numbers(cvTable, IN_CV, LAMBDA);
            double lambdaMin = lambdaAt(cvTable, AT_LAMBDA_MIN, lambdas);
            double lambda1se = lambdaAt(cvTable, AT_LAMBDA_1SE, lambdas);
            double[] nonZeroValues = numbers(cvTable, IN_CV, "nonzero");
            int[] nonZero = new int[nonZeroValues.length];
            for (int i = 0; i < nonZero.length; i++) {
                nonZero[i] = (int) nonZeroValues[i];
            }
            String measure = parameters.getString(P_MEASURE, "Cross-validated deviance");
            CrossValidationCurve cv = new CrossValidationCurve(measure, lambdas, numbers(cvTable, IN_CV, "cvm"),
                    numbers(cvTable, IN_CV, "cvsd"), nonZero, lambdaMin, lambda1se);

            List<LassoPath.Coefficient> coefficients = new ArrayList<>();
            for (Column column : pathTable.columns()) {
                if (!column.name().equals(LAMBDA)) {
                    coefficients.add(new LassoPath.Coefficient(column.name(), numbers(pathTable, IN_PATH,
                            column.name())));
                }
            }
            if (coefficients.isEmpty()) {
                throw new IllegalArgumentException("input 'path' has no feature column besides 'lambda'");
            }
            LassoPath path = new LassoPath(numbers(pathTable, IN_PATH, LAMBDA), coefficients, lambdaMin, lambda1se);

            int chosen = row(cvTable, CHOSEN);
            String which = chosen == row(cvTable, AT_LAMBDA_MIN) ? LassoCharts.LAMBDA_MIN
                    : chosen == row(cvTable, AT_LAMBDA_1SE) ? LassoCharts.LAMBDA_1SE : "lambda";
            String subtitle = String.format(Locale.ROOT, "Chosen: %s = %.4g (log %.2f), %d non-zero coefficients",
                    which, lambdas[chosen], Math.log(lambdas[chosen]), nonZero[chosen]);
            String title = parameters.getString(EvaluationNode.P_TITLE, "LASSO");
            context.log("LASSO plots: " + lambdas.length + " lambdas, " + coefficients.size() + " features, " + subtitle);
            return Map.of(OUT_CV_PLOT, EvaluationNode.figure(LassoCharts.crossValidation(title
                    + ": cross-validation curve", cv), parameters), OUT_PATH_PLOT,
                    EvaluationNode.figure(LassoCharts.path(title + ": coefficient path", path, subtitle), parameters));
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException("LASSO plots: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(Table table, String input, String column) {
        if (!table.hasColumn(column) || !table.column(column).isNumeric()) {
            throw new IllegalArgumentException("input '" + input + "' has no numeric column '" + column
                    + "' (connect the " + input + " output of a radflow.study.lasso node)");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("input '" + input + "' has no rows");
        }
        return table.column(column).numbers();
    }

    /** The single row whose indicator column is 1. */
    private static int row(Table cv, String indicator) {
        double[] marks = numbers(cv, IN_CV, indicator);
        int found = -1;
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] == 1) {
                if (found >= 0) {
                    throw new IllegalArgumentException("input 'cv': column '" + indicator + "' is 1 on rows "
                            + (found + 1) + " and " + (i + 1) + "; it must mark one lambda");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("input 'cv': column '" + indicator + "' marks no lambda");
        }
        return found;
    }

    private static double lambdaAt(Table cv, String indicator, double[] lambdas) {
        return lambdas[row(cv, indicator)];
    }
}
