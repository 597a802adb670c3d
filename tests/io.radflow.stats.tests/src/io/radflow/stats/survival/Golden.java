package io.radflow.stats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Access to the R reference files in {@code tests/io.radflow.stats.tests/golden/} (written by
 * {@code r/make-golden.R}) and to the {@code lung} and {@code veteran} data sets exported there.
 */
public final class Golden {

    private Golden() {
    }

    /** The golden folder: {@code <radflow.repo.root>/tests/io.radflow.stats.tests/golden}, else {@code ./golden}. */
    public static Path dir() {
        String root = System.getProperty("radflow.repo.root");
        if (root != null) {
            Path p = Path.of(root, "tests", "io.radflow.stats.tests", "golden");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        Path local = Path.of("golden");
        if (Files.isDirectory(local)) {
            return local;
        }
        throw new IllegalStateException("golden folder not found (radflow.repo.root=" + root + ", cwd="
                + Path.of("").toAbsolutePath() + ")");
    }

    public static Table table(String file) {
        try {
            return Table.readCsv(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden number: "Inf", "-Inf" and missing ("NA", empty) are handled. */
    public static double number(Table table, String column, int row) {
        Column c = table.column(column);
        if (c.isNumeric()) {
            return c.number(row);
        }
        String text = c.text(row);
        switch (text) {
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "", "NA":
                return Double.NaN;
            default:
                return Double.parseDouble(text);
        }
    }

    /** The key/value table of a *_stats.csv file. */
    public static Map<String, Double> stats(String file) {
        Table t = table(file);
        Map<String, Double> map = new HashMap<>();
        for (int row = 0; row < t.rowCount(); row++) {
            map.put(t.column("key").text(row), number(t, "value", row));
        }
        return map;
    }

    /** Asserts {@code |actual - expected| <= rel * max(|expected|, 1e-300)}; NaN and infinities must match. */
    public static void assertRelative(double expected, double actual, double rel, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what + ": expected " + expected + ", got " + actual);
            return;
        }
        double tolerance = rel * Math.max(Math.abs(expected), 1e-300);
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(what + ": expected " + expected + ", got " + actual + " (relative error "
                    + Math.abs(expected - actual) / Math.abs(expected) + " > " + rel + ")");
        }
    }

    /** Rows of the golden table whose column {@code group} equals {@code group}. */
    public static List<Integer> rowsOf(Table table, String group) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.column("group").text(row).equals(group)) {
                rows.add(row);
            }
        }
        assertTrue(!rows.isEmpty(), "no golden rows for group " + group);
        return rows;
    }

    /** The lung data (survival::lung): event = status == 2. */
    public static Table lung() {
        return table("lung.csv");
    }

    public static Table veteran() {
        return table("veteran.csv");
    }

    /** Rows where all named numeric columns are present. */
    public static int[] completeRows(Table table, String... columns) {
        List<Integer> rows = new ArrayList<>();
        outer:
        for (int row = 0; row < table.rowCount(); row++) {
            for (String name : columns) {
                if (Double.isNaN(table.column(name).number(row))) {
                    continue outer;
                }
            }
            rows.add(row);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Survival data of the given rows; {@code eventCode} is the status value meaning "event". */
    public static SurvivalData survival(Table data, int[] rows, double eventCode, String groupColumn) {
        double[] time = new double[rows.length];
        boolean[] event = new boolean[rows.length];
        String[] group = groupColumn == null ? null : new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            time[i] = data.column("time").number(rows[i]);
            event[i] = data.column("status").number(rows[i]) == eventCode;
            if (group != null) {
                group[i] = data.column(groupColumn).text(rows[i]);
            }
        }
        return SurvivalData.of(time, event, group);
    }

    /** Covariate matrix of the given rows; a column "celltype=level" is the 0/1 dummy of that level. */
    public static double[][] covariates(Table data, int[] rows, List<String> columns) {
        double[][] x = new double[rows.length][columns.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.size(); j++) {
                String name = columns.get(j);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    x[i][j] = data.column(name.substring(0, eq)).text(rows[i]).equals(name.substring(eq + 1)) ? 1 : 0;
                } else {
                    x[i][j] = data.column(name).number(rows[i]);
                }
            }
        }
        return x;
    }

    public static int[] allRows(Table table) {
        int[] rows = new int[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
