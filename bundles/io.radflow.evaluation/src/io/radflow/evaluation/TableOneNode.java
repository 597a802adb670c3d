package io.radflow.evaluation;

import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.tables.ChiSquareTest;
import io.radflow.stats.tables.Descriptive;
import io.radflow.stats.tables.FisherExactTest;
import io.radflow.stats.tables.MannWhitney;
import io.radflow.stats.tables.TTest;
import io.radflow.stats.tables.TTestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Node {@code radflow.evaluation.tableOne}: a "Table 1" of the chosen variables by a group column (e.g. set, or
 * risk group). Rows without a group are dropped (counted); missing variable values are counted per variable in
 * column {@code missing} and left out of that variable only.
 * <ul>
 * <li>Continuous (numeric, not listed in {@value #P_CATEGORICAL}): {@link Descriptive#summarize} per group;
 * mean &plusmn; SD when Shapiro-Wilk does not reject normality at {@value #P_ALPHA} in every group, with Welch's
 * t test ({@link TTest#welch}) or Student's ({@value #P_EQUAL_VARIANCE} = true); otherwise median (Q1, Q3) with
 * the Mann-Whitney test ({@link MannWhitney}). Tests need exactly two groups (ANOVA/Kruskal-Wallis are not in
 * {@code io.radflow.stats}: with more groups p is left empty with a note).</li>
 * <li>Categorical (text columns and those listed): counts and percentages per group ({@link Descriptive#counts});
 * chi-square test ({@link ChiSquareTest}, Yates for 2 x 2), or Fisher's exact test ({@link FisherExactTest}) for a
 * 2 x 2 table with an expected count below 5.</li>
 * </ul>
 * A variable that cannot be summarised (e.g. fewer than 3 values in a group, constant values) gets a row with a
 * note instead of failing the node. Output {@value #OUT_TABLE}: columns variable, level, overall, one column
 * {@code <group column>=<level>} per group, p, test, missing, note.
 */
public final class TableOneNode extends EvaluationNode {

    public static final String P_GROUP = "group";
    public static final String P_VARIABLES = "variables";
    public static final String P_CATEGORICAL = "categorical";
    public static final String P_ALPHA = "alpha";
    public static final String P_EQUAL_VARIANCE = "equalVariance";
    public static final String P_DECIMALS = "decimals";

    @Override
    protected String label() {
        return "Table 1";
    }

    @Override
    protected Map<String, PortObject> evaluate(Table table, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        String group = parameters.getString(P_GROUP);
        List<String> variables = required(parameters, P_VARIABLES);
        List<String> categorical = list(parameters, P_CATEGORICAL);
        double alpha = parameters.has(P_ALPHA) ? parameters.getDouble(P_ALPHA) : 0.05;
        boolean equalVariance = parameters.has(P_EQUAL_VARIANCE) && parameters.getBoolean(P_EQUAL_VARIANCE);
        int decimals = parameters.has(P_DECIMALS) ? parameters.getInt(P_DECIMALS) : 2;
        EvaluationData.Builder builder = EvaluationData.from(label(), table, parameters, context).any(P_GROUP, group);
        for (String v : variables) {
            builder.optional(P_VARIABLES, v);
        }
        EvaluationData data = builder.build();
        String[] groupOf = data.texts(group);
        List<String> levels = new ArrayList<>(new TreeSet<>(List.of(groupOf)));
        ResultTable result = new ResultTable();
        var header = result.row().put("variable", "n").put("level", "").put("overall", Integer.toString(data.size()));
        for (String level : levels) {
            header.put(group + "=" + level, Long.toString(List.of(groupOf).stream().filter(level::equals).count()));
        }
        header.put("p", Double.NaN).put("test", "").put("missing", 0).put(EXCLUDED, data.dropped());
        for (String variable : variables) {
            context.checkCanceled();
            boolean continuous = data.isNumeric(variable) && !categorical.contains(variable);
            try {
                if (continuous) {
                    continuous(result, variable, data, group, levels, alpha, equalVariance, decimals);
                } else {
                    categorical(result, variable, data, group, levels);
                }
            } catch (IllegalArgumentException e) {
                result.row().put("variable", variable).put("note", e.getMessage());
                context.log(label() + ": variable '" + variable + "': " + e.getMessage());
            }
        }
        return Map.of(OUT_TABLE, result.build());
    }

    /** Non-missing values of {@code variable} per group (key null = all groups). */
    private static Map<String, double[]> valuesByGroup(EvaluationData data, String variable, String group,
            List<String> levels) {
        double[] x = data.numbers(variable);
        String[] g = data.texts(group);
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put(null, java.util.Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray());
        for (String level : levels) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (g[i].equals(level) && !Double.isNaN(x[i])) {
                    values.add(x[i]);
                }
            }
            out.put(level, values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    private static void continuous(ResultTable result, String variable, EvaluationData data, String group,
            List<String> levels, double alpha, boolean equalVariance, int decimals) {
        Map<String, double[]> values = valuesByGroup(data, variable, group, levels);
        Map<String, Descriptive.Summary> summaries = new LinkedHashMap<>();
        boolean normal = true;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            Descriptive.Summary s = Descriptive.summarize(e.getValue(), alpha);
            summaries.put(e.getKey(), s);
            normal &= e.getKey() == null || s.normal();
        }
        String format = normal ? "mean ± SD" : "median (Q1, Q3)";
        var row = result.row().put("variable", variable).put("level", format);
        for (Map.Entry<String, Descriptive.Summary> e : summaries.entrySet()) {
            Descriptive.Summary s = e.getValue();
            String text = new Descriptive.Summary(s.n(), s.mean(), s.sd(), s.q1(), s.median(), s.q3(), s.shapiroP(),
                    normal).format(decimals);
            row.put(e.getKey() == null ? "overall" : group + "=" + e.getKey(), text);
        }
        if (levels.size() == 2) {
            double[] a = values.get(levels.get(0));
            double[] b = values.get(levels.get(1));
            if (normal) {
                TTestResult t = equalVariance ? TTest.student(a, b, LEVEL) : TTest.welch(a, b, LEVEL);
                row.put("p", t.p()).put("test", equalVariance ? "Student t" : "Welch t");
            } else {
                row.put("p", MannWhitney.test(a, b).p()).put("test", "Mann-Whitney");
            }
        } else {
            row.put("note", levels.size() + " groups: no two-group test");
        }
        row.put("missing", data.size() - values.get(null).length);
    }

    private static void categorical(ResultTable result, String variable, EvaluationData data, String group,
            List<String> levels) {
        String[] x = data.texts(variable);
        String[] g = data.texts(group);
        List<String> present = new ArrayList<>();
        List<String> presentGroups = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i].isBlank()) {
                missing++;
            } else {
                present.add(x[i]);
                presentGroups.add(g[i]);
            }
        }
        List<Descriptive.CategoryCount> overall = Descriptive.counts(present.toArray(new String[0]));
        Map<String, Map<String, Descriptive.CategoryCount>> byGroup = new LinkedHashMap<>();
        for (String level : levels) {
            List<String> in = new ArrayList<>();
            for (int i = 0; i < present.size(); i++) {
                if (presentGroups.get(i).equals(level)) {
                    in.add(present.get(i));
                }
            }
            Map<String, Descriptive.CategoryCount> counts = new LinkedHashMap<>();
            if (!in.isEmpty()) {
                for (Descriptive.CategoryCount c : Descriptive.counts(in.toArray(new String[0]))) {
                    counts.put(c.level(), c);
                }
            }
            byGroup.put(level, counts);
        }
        double[][] contingency = new double[overall.size()][levels.size()];
        var head = result.row().put("variable", variable).put("level", "n (%)").put("missing", missing);
        for (int r = 0; r < overall.size(); r++) {
            Descriptive.CategoryCount all = overall.get(r);
            var row = result.row().put("variable", variable).put("level", all.level()).put("overall", text(all));
            for (int c = 0; c < levels.size(); c++) {
                Descriptive.CategoryCount cell = byGroup.get(levels.get(c)).get(all.level());
                contingency[r][c] = cell == null ? 0 : cell.count();
                row.put(group + "=" + levels.get(c), cell == null ? "0 (0.0%)" : text(cell));
            }
        }
        if (overall.size() < 2 || levels.size() < 2) {
            head.put("note", overall.size() < 2 ? "a single category: no test" : "a single group: no test");
            return;
        }
        ChiSquareTest.Result chi = ChiSquareTest.test(contingency);
        if (contingency.length == 2 && levels.size() == 2 && chi.smallestExpected() < 5) {
            head.put("p", FisherExactTest.test(contingency, LEVEL).p()).put("test", "Fisher exact");
        } else {
            head.put("p", chi.p()).put("test", chi.yates() ? "chi-square (Yates)" : "chi-square");
            if (chi.smallestExpected() < 5) {
                head.put("note", String.format(Locale.ROOT, "smallest expected count %.2f < 5", chi.smallestExpected()));
            }
        }
    }

    private static String text(Descriptive.CategoryCount c) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", c.count(), c.percent());
    }
}
