package io.radflow.stats;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects comparisons of a Radflow value with its R reference value (one row per quantity) and writes them
 * as a conformance table ({@code .md} and {@code .csv}, with the summary line "N of M pass"). A value passes
 * when {@code |value - reference| <= tolerance * |reference|} (relative tolerance); NaN and infinities pass
 * only when equal.
 */
public final class Conformance {

    /** One compared quantity. */
    public record Row(String method, String dataset, String quantity, double value, double reference,
            double tolerance, boolean pass) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Compares with a relative tolerance. */
    public boolean check(String method, String dataset, String quantity, double value, double reference,
            double tolerance) {
        boolean pass;
        if (Double.isNaN(reference) || Double.isInfinite(reference)) {
            pass = Double.compare(reference, value) == 0 || (Double.isNaN(reference) && Double.isNaN(value));
        } else {
            pass = Math.abs(value - reference) <= tolerance * Math.max(Math.abs(reference), 1e-300);
        }
        rows.add(new Row(method, dataset, quantity, value, reference, tolerance, pass));
        return pass;
    }

    /** Compares arrays element by element ({@code quantity[i]}); a length mismatch is one failing row. */
    public void check(String method, String dataset, String quantity, double[] values, double[] references,
            double tolerance) {
        if (values.length != references.length) {
            rows.add(new Row(method, dataset, quantity + " (length)", values.length, references.length, 0, false));
            return;
        }
        for (int i = 0; i < values.length; i++) {
            check(method, dataset, quantity + "[" + i + "]", values[i], references[i], tolerance);
        }
    }

    /** An exact comparison of a non-numeric result (value 1 = equal, 0 = not); the quantity names both. */
    public void checkEqual(String method, String dataset, String quantity, Object value, Object reference) {
        boolean pass = value.equals(reference);
        rows.add(new Row(method, dataset, quantity + " = " + reference + (pass ? "" : " (got " + value + ")"),
                pass ? 1 : 0, 1, 0, pass));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void addAll(Conformance other) {
        rows.addAll(other.rows);
    }

    public long passed() {
        return rows.stream().filter(Row::pass).count();
    }

    /** "N of M pass". */
    public String summary() {
        return passed() + " of " + rows.size() + " pass";
    }

    /** Fails with the list of failing rows (at most 40 shown), if any. */
    public void assertAllPass() {
        List<Row> failures = rows.stream().filter(r -> !r.pass()).toList();
        if (rows.isEmpty()) {
            fail("no quantity was compared");
        }
        if (!failures.isEmpty()) {
            StringBuilder s = new StringBuilder(summary()).append("; failures:\n");
            failures.stream().limit(40).forEach(r -> s.append(format(r)).append('\n'));
            fail(s.toString());
        }
    }

    private static String format(Row r) {
        return String.format(Locale.ROOT, "%s | %s | %s | %.17g | %.17g | %.1e | %s", r.method(), r.dataset(),
                r.quantity(), r.value(), r.reference(), r.tolerance(), r.pass() ? "pass" : "FAIL");
    }

    /** Writes {@code <dir>/<name>.md} and {@code <dir>/<name>.csv}. */
    public void write(Path dir, String name, String title) {
        try {
            Files.createDirectories(dir);
            StringBuilder md = new StringBuilder("# ").append(title).append("\n\n").append(summary())
                    .append("\n\n| method | data set | quantity | value | R value | tolerance | pass |\n")
                    .append("| --- | --- | --- | --- | --- | --- | --- |\n");
            StringBuilder csv = new StringBuilder("method,dataset,quantity,value,reference,tolerance,pass\n");
            for (Row r : rows) {
                md.append("| ").append(format(r)).append(" |\n");
                csv.append(quote(r.method())).append(',').append(quote(r.dataset())).append(',')
                        .append(quote(r.quantity())).append(',').append(number(r.value())).append(',')
                        .append(number(r.reference())).append(',').append(number(r.tolerance())).append(',')
                        .append(r.pass()).append('\n');
            }
            List<Row> failures = rows.stream().filter(r -> !r.pass()).toList();
            if (!failures.isEmpty()) {
                md.append("\n## Failures\n\n");
                failures.forEach(r -> md.append("- ").append(format(r)).append('\n'));
            }
            md.append('\n').append(summary()).append('\n');
            Files.writeString(dir.resolve(name + ".md"), md, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(name + ".csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
