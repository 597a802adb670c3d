package io.radflow.study.data;

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
 * Node {@code radflow.study.selectRows}: keeps the rows of a table whose {@value StudyData#SET} mark equals the
 * parameter {@value #P_SET} ({@code train} or {@code test}), e.g. to evaluate on the test rows only. Declared with
 * {@code rowSet="set"} in plugin.xml: the validator rejects a pipeline in which a node declared
 * {@code supervised="true"} is downstream of this node with {@code set = test}.
 */
public final class SelectRowsNode implements NodeImplementation {

    public static final String IN_TABLE = "table";
    public static final String OUT_TABLE = "table";
    public static final String P_SET = "set";

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Table table = inputs.get(IN_TABLE, Table.class);
        String set = parameters.getString(P_SET);
        Column marks = StudyData.require(table, StudyData.SET, IN_TABLE);
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (marks.text(row).equals(set)) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new NodeExecutionException("No row of input '" + IN_TABLE + "' is marked '" + set + "'");
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.isNumeric()) {
                double[] v = new double[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.number(rows.get(i));
                }
                columns.add(Column.numeric(c.name(), v));
            } else {
                String[] v = new String[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    String text = c.text(rows.get(i));
                    v[i] = text.isEmpty() ? null : text;
                }
                columns.add(Column.text(c.name(), v));
            }
        }
        context.log("kept " + rows.size() + " of " + table.rowCount() + " rows (" + StudyData.SET + " = " + set + ")");
        return Map.of(OUT_TABLE, new Table(columns));
    }
}
