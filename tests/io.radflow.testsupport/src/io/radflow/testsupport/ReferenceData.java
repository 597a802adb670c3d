package io.radflow.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reference data beside the repository (system property {@code radflow.shared.data}) and small parsers. */
public final class ReferenceData {

    private ReferenceData() {
    }

    public static Path file(String relative) {
        String property = System.getProperty("radflow.shared.data");
        Path root = property != null ? Path.of(property)
                : Path.of(System.getProperty("radflow.repo.root", "."), "..", "shared", "data");
        Path file = root.resolve(relative).normalize();
        assertTrue(Files.isRegularFile(file), "missing reference file " + file.toAbsolutePath()
                + " (set -Dradflow.shared.data)");
        return file;
    }

    /** One row of ibsi_1_reference_values.csv. */
    public record IbsiRow(String dataset, String family, String feature, String tag, String ibsiId, double reference,
            double tolerance) {

        /**
         * The printed tolerance, widened to half a unit of the third significant digit, since IBSI rounds its
         * reference values to 3 significant digits (most digital-phantom rows have tolerance 0).
         */
        public double effectiveTolerance() {
            if (reference == 0) {
                return tolerance;
            }
            double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(reference))) - 2);
            return Math.max(tolerance, 0.5 * unit * (1 + 1e-9));
        }
    }

    /** Rows of the IBSI-1 reference table for one dataset and family (null: all families), with a value. */
    public static List<IbsiRow> ibsiRows(String dataset, String family) throws IOException {
        List<List<String>> rows = Csv.read(file("ibsi/ibsi_1_reference_values.csv"));
        List<String> header = rows.get(0);
        int d = header.indexOf("dataset");
        int f = header.indexOf("family");
        int n = header.indexOf("feature");
        int t = header.indexOf("tag");
        int id = header.indexOf("ibsi_id");
        int ref = header.indexOf("reference_value");
        int tol = header.indexOf("tolerance");
        List<IbsiRow> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(d).equals(dataset) && (family == null || row.get(f).equals(family)) && !row.get(ref).isEmpty()) {
                out.add(new IbsiRow(row.get(d), row.get(f), row.get(n), row.get(t), row.get(id),
                        Double.parseDouble(row.get(ref)), Double.parseDouble(row.get(tol))));
            }
        }
        return out;
    }

    /** A PyRadiomics baseline CSV: row name -> (column id -> cell). */
    public static Map<String, Map<String, String>> baseline(String family) throws IOException {
        List<List<String>> rows = Csv.read(file("pyradiomics/baseline/baseline_" + family + ".csv"));
        List<String> header = rows.get(0);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 1; c < header.size(); c++) {
                cells.put(header.get(c), row.get(c));
            }
            out.put(row.get(0), cells);
        }
        return out;
    }

    /**
     * Parses a Python literal as PyRadiomics' diagnostics write it: dicts, lists, tuples, strings, numbers,
     * True/False/None. Returns Map, List, String, Double, Boolean or null.
     */
    public static Object parsePython(String text) {
        PythonParser p = new PythonParser(text);
        Object value = p.value();
        p.skipBlanks();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("Trailing text at " + p.pos + " in " + text);
        }
        return value;
    }

    private static final class PythonParser {
        private final String s;
        private int pos;

        PythonParser(String s) {
            this.s = s;
        }

        void skipBlanks() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            skipBlanks();
            char c = s.charAt(pos);
            if (c == '{') {
                pos++;
                Map<String, Object> map = new LinkedHashMap<>();
                skipBlanks();
                while (s.charAt(pos) != '}') {
                    Object key = value();
                    skipBlanks();
                    expect(':');
                    map.put(String.valueOf(key), value());
                    skipBlanks();
                    if (s.charAt(pos) == ',') {
                        pos++;
                        skipBlanks();
                    }
                }
                pos++;
                return map;
            }
            if (c == '[' || c == '(') {
                char close = c == '[' ? ']' : ')';
                pos++;
                List<Object> list = new ArrayList<>();
                skipBlanks();
                while (s.charAt(pos) != close) {
                    list.add(value());
                    skipBlanks();
                    if (s.charAt(pos) == ',') {
                        pos++;
                        skipBlanks();
                    }
                }
                pos++;
                return list;
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                String str = s.substring(pos + 1, end);
                pos = end + 1;
                return str;
            }
            int start = pos;
            while (pos < s.length() && ",:}]) ".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            String word = s.substring(start, pos);
            return switch (word) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> null;
                default -> Double.parseDouble(word);
            };
        }

        void expect(char c) {
            if (s.charAt(pos) != c) {
                throw new IllegalArgumentException("Expected '" + c + "' at " + pos + " in " + s);
            }
            pos++;
        }
    }
}
