package io.radflow.study.models;

import io.radflow.core.node.NodeExecutionException;
import io.radflow.study.data.StudyData;
import io.radflow.study.model.FittedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns named columns into model terms and term values. A numeric column is one term on its raw scale; a text column
 * is treatment-coded: one indicator per level other than the first in sorted order (R's default contrasts), levels
 * taken from the training rows. Stateless.
 */
public final class ModelDesign {

    private ModelDesign() {
    }

    /**
     * Terms (coefficient 0) for {@code columns}, levels of categorical columns from {@code trainRows}.
     *
     * @throws NodeExecutionException for an unknown column or a categorical column with fewer than 2 levels in the
     *         training rows
     */
    public static List<FittedModel.Term> terms(StudyData data, List<String> columns, int[] trainRows)
            throws NodeExecutionException {
        List<FittedModel.Term> terms = new ArrayList<>();
        for (String column : columns) {
            if (!data.hasColumn(column)) {
                throw new NodeExecutionException("Covariate '" + column + "' is neither a feature nor a clinical column");
            }
            if (data.isNumeric(column)) {
                terms.add(FittedModel.Term.numeric(column, 0));
                continue;
            }
            TreeSet<String> levels = new TreeSet<>();
            for (String v : data.texts(column, trainRows)) {
                if (!v.isEmpty()) {
                    levels.add(v);
                }
            }
            if (levels.size() < 2) {
                throw new NodeExecutionException("Categorical covariate '" + column + "' has " + levels.size()
                        + " level(s) in the training rows " + levels + "; it needs at least 2");
            }
            levels.pollFirst();
            for (String level : levels) {
                terms.add(new FittedModel.Term(column + "=" + level, column, level, 0, 0, 1));
            }
        }
        return terms;
    }

    /** Term values at {@code rows} (rows x terms; NaN where a cell is missing). */
    public static double[][] values(StudyData data, List<FittedModel.Term> terms, int[] rows) throws NodeExecutionException {
        double[][] out = new double[rows.length][terms.size()];
        for (int j = 0; j < terms.size(); j++) {
            FittedModel.Term term = terms.get(j);
            if (!data.hasColumn(term.column())) {
                throw new NodeExecutionException("The model needs column '" + term.column()
                        + "', which neither the features nor the clinical table has");
            }
            if (term.isCategorical()) {
                String[] cells = data.texts(term.column(), rows);
                for (int i = 0; i < rows.length; i++) {
                    out[i][j] = term.value(cells[i]);
                }
            } else {
                double[] cells = data.numbers(term.column(), rows);
                for (int i = 0; i < rows.length; i++) {
                    out[i][j] = term.value(cells[i]);
                }
            }
        }
        return out;
    }

    /** Whether every value of the row is finite. */
    static boolean complete(double[] row) {
        for (double v : row) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The first column of a row that is not finite (for messages). */
    static String firstMissing(List<FittedModel.Term> terms, double[] row) {
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                return terms.get(j).column();
            }
        }
        return "";
    }

    /** Linear predictors of {@code model} at {@code rows} (NaN where a term value is missing). */
    public static double[] linearPredictors(FittedModel model, StudyData data, int[] rows) throws NodeExecutionException {
        double[][] v = values(data, model.terms(), rows);
        double[] lp = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            lp[i] = complete(v[i]) ? model.linearPredictor(v[i]) : Double.NaN;
        }
        return lp;
    }
}
