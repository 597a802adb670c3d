package io.radflow.study.data;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Node {@code radflow.study.joinFeatures}: joins up to {@value #MAX_INPUTS} feature tables (ROIs, phases, readers,
 * clinical) on {@value Cohort#PATIENT_ID} (inner join), prefixing the columns of input {@code table<i>} with parameter
 * {@code prefix<i>} (e.g. {@code tumour_portal_}). Rows follow the order of {@code table1}; a patient missing from
 * any connected input is left out and reported. A {@value StudyData#SET} column is kept once (from the first input that
 * has one) and never prefixed. Fails on a column name that would occur twice, naming it.
 */
public final class FeatureJoinNode implements NodeImplementation {

    public static final int MAX_INPUTS = 4;
    public static final String OUT_TABLE = "table";

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        List<Table> tables = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 1; i <= MAX_INPUTS; i++) {
            if (inputs.has("table" + i)) {
                tables.add(inputs.get("table" + i, Table.class));
                ports.add("table" + i);
                prefixes.add(parameters.getString("prefix" + i, ""));
            }
        }
        if (tables.isEmpty()) {
            throw new NodeExecutionException("No input table is connected");
        }
        List<Map<String, Integer>> indexes = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            indexes.add(StudyData.index(tables.get(t), ports.get(t)));
        }
        Table first = tables.get(0);
        List<Integer> firstRows = new ArrayList<>();
        for (int row = 0; row < first.rowCount(); row++) {
            String id = first.column(Cohort.PATIENT_ID).text(row);
            String missingFrom = null;
            for (int t = 1; t < tables.size() && missingFrom == null; t++) {
                if (!indexes.get(t).containsKey(id)) {
                    missingFrom = ports.get(t);
                }
            }
            if (missingFrom == null) {
                firstRows.add(row);
            } else {
                context.reportPatientFailure(id, missingFrom, "patient missing from input '" + missingFrom
                        + "'; left out of the joined table");
            }
        }
        for (int t = 1; t < tables.size(); t++) {
            int extra = tables.get(t).rowCount() - firstRows.size();
            if (extra > 0) {
                context.log("input '" + ports.get(t) + "': " + extra + " patients not in all inputs are left out");
            }
        }
        String[] ids = new String[firstRows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = first.column(Cohort.PATIENT_ID).text(firstRows.get(i));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(Cohort.PATIENT_ID, ids));
        Set<String> names = new HashSet<>();
        names.add(Cohort.PATIENT_ID);
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            for (Column c : table.columns()) {
                if (c.name().equals(Cohort.PATIENT_ID)) {
                    continue;
                }
                boolean set = c.name().equals(StudyData.SET);
                if (set && names.contains(StudyData.SET)) {
                    continue;
                }
                String name = set ? StudyData.SET : prefixes.get(t) + c.name();
                if (!names.add(name)) {
                    throw new NodeExecutionException("Column '" + name + "' (from input '" + ports.get(t)
                            + "') occurs twice; give the inputs different prefixes");
                }
                int[] rows = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    rows[i] = indexes.get(t).get(ids[i]);
                }
                columns.add(reorder(c, name, rows));
            }
        }
        context.log("joined " + tables.size() + " tables: " + ids.length + " patients, " + (columns.size() - 1) + " columns");
        return Map.of(OUT_TABLE, new Table(columns));
    }

    private static Column reorder(Column c, String name, int[] rows) {
        if (c.isNumeric()) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = c.number(rows[i]);
            }
            return Column.numeric(name, v);
        }
        String[] v = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            String text = c.text(rows[i]);
            v[i] = text.isEmpty() ? null : text;
        }
        return Column.text(name, v);
    }
}
