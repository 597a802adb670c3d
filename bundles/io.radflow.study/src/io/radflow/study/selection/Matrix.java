package io.radflow.study.selection;

import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;

import java.util.ArrayList;
import java.util.List;

/**
 * The training design of a multivariable selector: the named feature columns at the outcome's rows, restricted to
 * the rows where every column is finite (complete cases, as R's {@code na.omit}); left-out rows are logged.
 *
 * @param x       rows x columns
 * @param names   column names
 * @param outcome the outcome at the kept rows
 */
record Matrix(double[][] x, List<String> names, Outcome.Values outcome) {

    static Matrix completeCases(StudyData data, List<String> names, Outcome.Values outcome, ExecutionContext context)
            throws NodeExecutionException {
        int[] rows = outcome.rows();
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            columns[j] = data.numbers(names.get(j), rows);
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            boolean complete = true;
            for (double[] c : columns) {
                complete &= Double.isFinite(c[i]);
            }
            if (complete) {
                keep.add(i);
            }
        }
        if (keep.size() < rows.length) {
            context.log((rows.length - keep.size()) + " training rows with a missing feature value left out");
        }
        double[][] x = new double[keep.size()][names.size()];
        for (int k = 0; k < keep.size(); k++) {
            for (int j = 0; j < names.size(); j++) {
                x[k][j] = columns[j][keep.get(k)];
            }
        }
        return new Matrix(x, List.copyOf(names), outcome.subset(keep.stream().mapToInt(Integer::intValue).toArray()));
    }
}
