package io.radflow.study.data;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Node {@code radflow.study.split}: marks every row of a (clinical) table as {@value StudyData#TRAIN} or
 * {@value StudyData#TEST} in a {@value StudyData#SET} column (placed after {@value Cohort#PATIENT_ID}, replacing an
 * existing one), so that downstream selectors, scalers and models fit on the training rows only. Declared with
 * {@code split="true"} in plugin.xml: the validator's leakage rule looks for such a node upstream of every node
 * declared {@code supervised="true"}.
 *
 * <p>Methods (parameter {@value #P_METHOD}):
 * <ul>
 * <li>{@code random}: stratified random split. Rows are grouped by the value of {@value #P_STRATIFY} (one group when
 * empty; a missing value is its own group "NA"); groups are visited in sorted order, the rows of each (in table
 * order) are shuffled by Fisher-Yates with one {@link SplittableRandom} seeded with {@value #P_SEED}, and the first
 * {@code round(fraction n_g)} go to training. A group of one patient therefore goes to training (logged).</li>
 * <li>{@code centre}: rows whose {@value #P_CENTRE} value is listed in {@value #P_TEST_CENTRES} are test rows (external
 * validation), all others training rows; a row without a centre gets no mark (reported). Centres of one patient are
 * logged.</li>
 * <li>{@code column}: rows whose {@value #P_COLUMN} value is listed in {@value #P_TRAIN_VALUES} are training rows,
 * other non-empty values test rows, empty cells no mark.</li>
 * </ul>
 * Fails when either set ends up empty. Output {@value #OUT_SUMMARY}: set, group (stratum or centre; "all" for the
 * column method), n.
 *
 * <p>Applying a trained pipeline to a new cohort ({@link TrainedNode#apply}) fits nothing, so every row is marked
 * {@value StudyData#TEST} (no outcome or stratum is read); the summary then has the single group "apply".
 */
public final class TrainTestSplitNode implements TrainedNode {

    public static final String IN_TABLE = "table";
    public static final String OUT_TABLE = "table";
    public static final String OUT_SUMMARY = "summary";
    public static final String P_METHOD = "method";
    public static final String P_FRACTION = "trainFraction";
    public static final String P_SEED = "seed";
    public static final String P_STRATIFY = "stratify";
    public static final String P_CENTRE = "centreColumn";
    public static final String P_TEST_CENTRES = "testCentres";
    public static final String P_COLUMN = "column";
    public static final String P_TRAIN_VALUES = "trainValues";

    @Override
    public void validate(Parameters parameters) {
        String method = parameters.getString(P_METHOD);
        switch (method) {
            case "random" -> {
                double f = parameters.getDouble(P_FRACTION);
                if (!(f > 0 && f < 1)) {
                    throw new IllegalArgumentException("parameter '" + P_FRACTION + "' must lie strictly between 0 and 1, got " + f);
                }
            }
            case "centre" -> {
                if (list(parameters.getString(P_TEST_CENTRES, "")).isEmpty()) {
                    throw new IllegalArgumentException("parameter '" + P_TEST_CENTRES + "' must name the test centre(s)");
                }
            }
            case "column" -> {
                if (!parameters.has(P_COLUMN) || list(parameters.getString(P_TRAIN_VALUES, "")).isEmpty()) {
                    throw new IllegalArgumentException("method 'column' needs parameters '" + P_COLUMN + "' and '"
                            + P_TRAIN_VALUES + "'");
                }
            }
            default -> throw new IllegalArgumentException("parameter '" + P_METHOD + "' must be random, centre or column, got '"
                    + method + "'");
        }
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Table table = inputs.get(IN_TABLE, Table.class);
        StudyData.index(table, IN_TABLE);
        String method = parameters.getString(P_METHOD);
        String[] marks = new String[table.rowCount()];
        String[] groups;
        switch (method) {
            case "random" -> groups = random(table, parameters, marks, context);
            case "centre" -> groups = byCentre(table, parameters, marks, context);
            default -> groups = byColumn(table, parameters, marks);
        }
        long train = Arrays.stream(marks).filter(StudyData.TRAIN::equals).count();
        long test = Arrays.stream(marks).filter(StudyData.TEST::equals).count();
        if (train == 0 || test == 0) {
            throw new NodeExecutionException("The " + method + " split leaves the " + (train == 0 ? "training" : "test")
                    + " set empty (" + train + " training, " + test + " test rows); check the parameters");
        }
        context.log("split (" + method + "): " + train + " training, " + test + " test rows");
        return withMarks(table, marks, groups, context);
    }

    /** Learns nothing: no state. */
    @Override
    public List<String> stateOutputs() {
        return List.of();
    }

    /** Marks every row {@value StudyData#TEST}: a new cohort is only scored, never fitted on. */
    @Override
    public Map<String, PortObject> apply(NodeInputs inputs, Map<String, PortObject> state, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException {
        Table table = inputs.get(IN_TABLE, Table.class);
        StudyData.index(table, IN_TABLE);
        String[] marks = new String[table.rowCount()];
        String[] groups = new String[table.rowCount()];
        Arrays.fill(marks, StudyData.TEST);
        Arrays.fill(groups, "apply");
        context.log("applying a trained pipeline: all " + marks.length + " rows are marked '" + StudyData.TEST + "'");
        return withMarks(table, marks, groups, context);
    }

    private static Map<String, PortObject> withMarks(Table table, String[] marks, String[] groups,
            ExecutionContext context) {
        List<Column> columns = new ArrayList<>();
        columns.add(table.column(Cohort.PATIENT_ID));
        columns.add(Column.text(StudyData.SET, marks));
        for (Column c : table.columns()) {
            if (!c.name().equals(Cohort.PATIENT_ID) && !c.name().equals(StudyData.SET)) {
                columns.add(c);
            }
        }
        if (table.hasColumn(StudyData.SET)) {
            context.log("the existing '" + StudyData.SET + "' column is replaced");
        }
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_TABLE, new Table(columns));
        out.put(OUT_SUMMARY, summary(marks, groups));
        return out;
    }

    private static String[] random(Table table, Parameters parameters, String[] marks, ExecutionContext context)
            throws NodeExecutionException {
        double fraction = parameters.getDouble(P_FRACTION);
        String stratify = parameters.getString(P_STRATIFY, "").trim();
        String[] groups = new String[table.rowCount()];
        Column column = stratify.isEmpty() ? null : StudyData.require(table, stratify, IN_TABLE);
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (int row = 0; row < groups.length; row++) {
            String g = column == null ? "all" : column.text(row).isEmpty() ? "NA" : column.text(row);
            groups[row] = g;
            byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(row);
        }
        SplittableRandom random = new SplittableRandom(parameters.getInt(P_SEED));
        for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
            List<Integer> rows = e.getValue();
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer tmp = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, tmp);
            }
            long nTrain = Math.round(fraction * rows.size());
            for (int i = 0; i < rows.size(); i++) {
                marks[rows.get(i)] = i < nTrain ? StudyData.TRAIN : StudyData.TEST;
            }
            if (rows.size() == 1) {
                context.log("stratum " + stratify + " = " + e.getKey() + " has one patient; it goes to "
                        + marks[rows.get(0)]);
            }
        }
        return groups;
    }

    private static String[] byCentre(Table table, Parameters parameters, String[] marks, ExecutionContext context)
            throws NodeExecutionException {
        String centreColumn = parameters.getString(P_CENTRE);
        Column centres = StudyData.require(table, centreColumn, IN_TABLE);
        List<String> testCentres = list(parameters.getString(P_TEST_CENTRES));
        Column ids = table.column(Cohort.PATIENT_ID);
        String[] groups = new String[table.rowCount()];
        Map<String, Integer> counts = new TreeMap<>();
        for (int row = 0; row < groups.length; row++) {
            String centre = centres.text(row);
            groups[row] = centre.isEmpty() ? "NA" : centre;
            if (centre.isEmpty()) {
                context.reportPatientFailure(ids.text(row), centreColumn, "no centre; the patient is in neither set");
                continue;
            }
            counts.merge(centre, 1, Integer::sum);
            marks[row] = testCentres.contains(centre) ? StudyData.TEST : StudyData.TRAIN;
        }
        for (String c : testCentres) {
            if (!counts.containsKey(c)) {
                throw new NodeExecutionException("Test centre '" + c + "' does not occur in column '" + centreColumn
                        + "'; centres are " + counts.keySet());
            }
        }
        counts.forEach((centre, n) -> {
            if (n == 1) {
                context.log("centre " + centre + " has a single patient");
            }
        });
        return groups;
    }

    private static String[] byColumn(Table table, Parameters parameters, String[] marks) throws NodeExecutionException {
        Column column = StudyData.require(table, parameters.getString(P_COLUMN), IN_TABLE);
        List<String> trainValues = list(parameters.getString(P_TRAIN_VALUES));
        String[] groups = new String[table.rowCount()];
        for (int row = 0; row < groups.length; row++) {
            String v = column.text(row);
            groups[row] = "all";
            if (!v.isEmpty()) {
                marks[row] = trainValues.contains(v) ? StudyData.TRAIN : StudyData.TEST;
            }
        }
        return groups;
    }

    private static Table summary(String[] marks, String[] groups) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] != null) {
                counts.merge(marks[i] + "\u0000" + groups[i], 1, Integer::sum);
            }
        }
        TableBuilder b = new TableBuilder().text("set").text("group").number("n");
        counts.forEach((key, n) -> {
            String[] parts = key.split("\u0000", 2);
            b.add(parts[0], parts[1], n);
        });
        return b.build();
    }

    /** Comma-separated values, trimmed, empty ones dropped. */
    public static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
