package io.radflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects comparisons of computed values with reference values (IBSI, PyRadiomics, R) and writes them as
 * {@code conformance-<area>.md} and {@code .csv} to the folder of system property {@code radflow.test.output}
 * (default {@code target/test-output}): a summary per data set and family ("N of M pass") and every row with
 * value, reference, tolerance, pass and a note. The build's test summary lists these files.
 */
public final class ConformanceReport {

    /**
     * One comparison. {@code tolerance} is a text such as {@code "abs 0.01"} or {@code "rel 3 %"}. A row that
     * was not run ({@code notRun}) has a reason in {@code note} and counts neither as a pass nor as a failure.
     */
    public record Row(String dataset, String family, String feature, String id, double value, double reference,
            String tolerance, boolean pass, String note, boolean notRun) {
    }

    private final String area;
    private final String title;
    private final List<Row> rows = new ArrayList<>();

    /** {@code area} names the files ({@code conformance-<area>.md}); {@code title} heads the markdown. */
    public ConformanceReport(String area, String title) {
        if (!area.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("area must be lower-case letters, digits and '-': " + area);
        }
        this.area = area;
        this.title = title;
    }

    /** Adds a row; returns whether it passed. */
    public synchronized boolean add(String dataset, String family, String feature, String id, double value,
            double reference, String tolerance, boolean pass, String note) {
        rows.add(new Row(dataset, family, feature, id == null ? "" : id, value, reference, tolerance, pass,
                note == null ? "" : note, false));
        return pass;
    }

    /** Records a reference row that was not compared, with the reason (e.g. "not standardised by IBSI"). */
    public synchronized void addNotRun(String dataset, String family, String feature, String id, String reason) {
        rows.add(new Row(dataset, family, feature, id == null ? "" : id, Double.NaN, Double.NaN, "", false, reason, true));
    }

    /** Adds a row that passes when {@code |value - reference| <= tolerance}. */
    public boolean addAbsolute(String dataset, String family, String feature, String id, double value,
            double reference, double tolerance) {
        boolean pass = Math.abs(value - reference) <= tolerance;
        return add(dataset, family, feature, id, value, reference, "abs " + tolerance, pass, "");
    }

    /** Adds a row that passes when {@code |value / reference - 1| < relative} (exact when the reference is 0). */
    public boolean addRelative(String dataset, String family, String feature, String id, double value,
            double reference, double relative) {
        boolean pass = reference == 0 ? value == 0 : Math.abs(value / reference - 1) < relative;
        return add(dataset, family, feature, id, value, reference, "rel " + relative, pass, "");
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Failed rows as readable lines (for assertion messages). */
    public synchronized List<String> failures() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            if (!r.pass() && !r.notRun()) {
                out.add(r.dataset() + " / " + r.family() + " / " + r.feature() + ": " + r.value() + " vs "
                        + r.reference() + " (" + r.tolerance() + ")" + (r.note().isEmpty() ? "" : " " + r.note()));
            }
        }
        return out;
    }

    /** Writes the markdown and CSV files and returns the markdown path. */
    public synchronized Path write() {
        String dir = System.getProperty("radflow.test.output");
        Path folder = Path.of(dir != null ? dir : "target/test-output");
        Map<String, int[]> summary = new LinkedHashMap<>();
        for (Row r : rows) {
            int[] counts = summary.computeIfAbsent(r.dataset() + " | " + r.family(), k -> new int[3]);
            if (r.notRun()) {
                counts[2]++;
            } else {
                counts[1]++;
                if (r.pass()) {
                    counts[0]++;
                }
            }
        }
        long passed = rows.stream().filter(Row::pass).count();
        long notRun = rows.stream().filter(Row::notRun).count();
        StringBuilder md = new StringBuilder("# " + title + "\n\n");
        md.append(passed).append(" of ").append(rows.size() - notRun).append(" pass")
                .append(notRun > 0 ? "; " + notRun + " reference rows not run (reasons below)" : "").append(".\n\n");
        md.append("| data set | family | pass | of | not run |\n|---|---|---|---|---|\n");
        summary.forEach((k, c) -> md.append("| ").append(k).append(" | ").append(c[0]).append(" | ").append(c[1])
                .append(" | ").append(c[2]).append(" |\n"));
        md.append("\n| data set | family | feature | id | value | reference | tolerance | pass | note |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("dataset,family,feature,id,value,reference,tolerance,pass,note\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", r.dataset(), r.family(), r.feature(), r.id(), number(r.value()),
                    number(r.reference()), r.tolerance(), r.notRun() ? "not run" : r.pass() ? "yes" : "**NO**", r.note())).append(" |\n");
            csv.append(String.join(",", quote(r.dataset()), quote(r.family()), quote(r.feature()), quote(r.id()),
                    number(r.value()), number(r.reference()), quote(r.tolerance()), r.notRun() ? "not run" : Boolean.toString(r.pass()),
                    quote(r.note()))).append('\n');
        }
        try {
            Files.createDirectories(folder);
            Path markdown = folder.resolve("conformance-" + area + ".md");
            Files.writeString(markdown, md);
            Files.writeString(folder.resolve("conformance-" + area + ".csv"), csv);
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance report to " + folder, e);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.8g", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
