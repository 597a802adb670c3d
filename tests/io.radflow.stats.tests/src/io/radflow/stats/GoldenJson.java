package io.radflow.stats;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the JSON golden files that the R scripts under {@code tests/io.radflow.stats.tests/r/} write with
 * {@code jsonlite::write_json(x, path, digits = NA, auto_unbox = TRUE)} (folder {@code golden/}).
 *
 * <p>JSON is parsed with SnakeYAML (JSON is YAML). Numbers are converted through their text, so R's
 * {@code 1e-05} (a string to YAML 1.1), {@code "NA"}, {@code "NaN"}, {@code "Inf"}, {@code "-Inf"} and
 * {@code null} all become doubles ({@code NA} and {@code null} become NaN).
 */
public final class GoldenJson {

    private final Path file;
    private final Map<String, Object> root;

    private GoldenJson(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    /** The golden folder {@code <radflow.repo.root>/tests/io.radflow.stats.tests/golden}, else {@code ./golden}. */
    public static Path dir() {
        String repo = System.getProperty("radflow.repo.root");
        Path p = repo != null ? Path.of(repo, "tests", "io.radflow.stats.tests", "golden") : Path.of("golden");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("Golden folder not found: " + p.toAbsolutePath());
        }
        return p;
    }

    /** Loads {@code golden/<relative>}, e.g. {@code load("glmnet/cox_lasso.json")}; the top level must be an object. */
    @SuppressWarnings("unchecked")
    public static GoldenJson load(String relative) {
        Path file = dir().resolve(relative);
        try (Reader reader = Files.newBufferedReader(file)) {
            Object parsed = new Yaml(new LoaderOptions()).load(reader);
            if (!(parsed instanceof Map)) {
                throw new IllegalStateException(file + ": the top level is not a JSON object");
            }
            return new GoldenJson(file, (Map<String, Object>) parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read golden file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public Map<String, Object> asMap() {
        return root;
    }

    public boolean has(String key) {
        return root.containsKey(key);
    }

    /** A nested object. */
    @SuppressWarnings("unchecked")
    public GoldenJson object(String key) {
        Object value = get(key);
        if (!(value instanceof Map)) {
            throw new IllegalStateException(file + ": '" + key + "' is not an object");
        }
        return new GoldenJson(file, (Map<String, Object>) value);
    }

    public double number(String key) {
        return toDouble(get(key));
    }

    public String string(String key) {
        return String.valueOf(get(key));
    }

    /** A numeric array (a scalar is an array of one, as {@code auto_unbox} writes it). */
    public double[] numbers(String key) {
        Object value = get(key);
        if (!(value instanceof List<?> list)) {
            return new double[] {toDouble(value)};
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(list.get(i));
        }
        return out;
    }

    /** A matrix written by jsonlite row-wise (an array of rows). */
    public double[][] matrix(String key) {
        Object value = get(key);
        if (!(value instanceof List<?> rows)) {
            throw new IllegalStateException(file + ": '" + key + "' is not an array of rows");
        }
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            Object row = rows.get(i);
            if (row instanceof List<?> cells) {
                out[i] = new double[cells.size()];
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] = toDouble(cells.get(j));
                }
            } else {
                out[i] = new double[] {toDouble(row)};
            }
        }
        return out;
    }

    /** A string array. */
    public List<String> strings(String key) {
        Object value = get(key);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private Object get(String key) {
        if (!root.containsKey(key)) {
            throw new IllegalStateException(file + ": no key '" + key + "'; keys: " + root.keySet());
        }
        return root.get(key);
    }

    /** Converts a JSON value written by R to a double (NA and null become NaN). */
    public static double toDouble(Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String text = value.toString().trim();
        return switch (text) {
            case "NA", "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
