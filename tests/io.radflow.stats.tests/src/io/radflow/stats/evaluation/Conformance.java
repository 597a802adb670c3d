package io.radflow.stats.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assertions;

/**
 * Collects comparisons of Radflow's evaluation statistics with the R golden files of
 * {@code golden/eval/}; {@link #write()} (called by each test class {@code @AfterAll}) rewrites
 * {@code ${radflow.test.output}/conformance-stats-eval.md} and {@code .csv} with all rows so far, so the
 * tables are complete whichever test classes run and in which order. {@link #check} also asserts.
 */
public final class Conformance {

    private record Row(String method, String dataSet, String quantity, double value, double reference,
            double tolerance, boolean pass) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private Conformance() {
    }

    /** Relative tolerance for closed forms. */
    public static final double CLOSED = 1e-9;
    /** Relative tolerance for iterative computations. */
    public static final double ITERATIVE = 1e-6;

    /**
     * Records and asserts {@code |value - reference| <= tolerance * max(1, |reference|)} (relative
     * tolerance, absolute near 0); equal infinities and NaN == NaN pass.
     */
    public static void check(String method, String dataSet, String quantity, double value, double reference,
            double tolerance) {
        boolean pass;
        if (Double.isNaN(reference) || Double.isInfinite(reference)) {
            pass = Double.compare(value, reference) == 0;
        } else {
            pass = Math.abs(value - reference) <= tolerance * Math.max(1, Math.abs(reference));
        }
        add(new Row(method, dataSet, quantity, value, reference, tolerance, pass));
        if (!pass) {
            Assertions.fail(method + " / " + dataSet + " / " + quantity + ": Radflow " + value + ", R " + reference
                    + " (tolerance " + tolerance + ")");
        }
    }

    /** Checks each element of an array ({@code quantity[k]}, 1-based). */
    public static void check(String method, String dataSet, String quantity, double[] values, double[] reference,
            double tolerance) {
        Assertions.assertEquals(reference.length, values.length, method + " / " + dataSet + " / " + quantity
                + ": length");
        for (int k = 0; k < values.length; k++) {
            check(method, dataSet, quantity + "[" + (k + 1) + "]", values[k], reference[k], tolerance);
        }
    }

    /** A CSV field, quoted when it holds a comma or a quote (RFC 4180). */
    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private static synchronized void add(Row row) {
        ROWS.add(row);
    }

    /** Writes the Markdown and CSV tables of all rows recorded so far. */
    public static synchronized void write() {
        String dir = System.getProperty("radflow.test.output", "target/test-output");
        Path md = Path.of(dir, "conformance-stats-eval.md");
        Path csv = Path.of(dir, "conformance-stats-eval.csv");
        long passed = ROWS.stream().filter(Row::pass).count();
        String summary = passed + " of " + ROWS.size() + " pass";
        StringBuilder m = new StringBuilder("# Conformance: model evaluation statistics vs R\n\n")
                .append("Reference values: `tests/io.radflow.stats.tests/golden/eval/` written by `r/golden-eval.R` and `r/golden-survival-eval.R`.")
                .append(" Tolerance is relative (absolute below 1).\n\n")
                .append(summary).append("\n\n| method | data set | quantity | Radflow | R | tolerance | pass |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        StringBuilder c = new StringBuilder("method,data_set,quantity,value,r_value,tolerance,pass\n");
        for (Row r : ROWS) {
            m.append(String.format(Locale.ROOT, "| %s | %s | %s | %.12g | %.12g | %.0e | %s |%n", r.method, r.dataSet,
                    r.quantity, r.value, r.reference, r.tolerance, r.pass ? "yes" : "**no**"));
            c.append(String.format(Locale.ROOT, "%s,%s,%s,%.17g,%.17g,%.0e,%s%n", csv(r.method), csv(r.dataSet),
                    csv(r.quantity), r.value, r.reference, r.tolerance, r.pass));
        }
        List<Row> failed = ROWS.stream().filter(r -> !r.pass).toList();
        if (!failed.isEmpty()) {
            m.append("\n## Failures\n\n");
            for (Row r : failed) {
                m.append(String.format(Locale.ROOT, "- %s / %s / %s: |%.12g - %.12g| exceeds the tolerance %.0e%n",
                        r.method, r.dataSet, r.quantity, r.value, r.reference, r.tolerance));
            }
        }
        c.append("# ").append(summary).append('\n');
        try {
            Files.createDirectories(md.getParent());
            Files.writeString(md, m);
            Files.writeString(csv, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
