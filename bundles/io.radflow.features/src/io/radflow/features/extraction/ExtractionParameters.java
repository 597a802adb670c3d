package io.radflow.features.extraction;

import io.radflow.core.io.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The content of a PyRadiomics parameter file (YAML or JSON): the sections {@code imageType},
 * {@code featureClass}, {@code setting} and {@code voxelSetting}, read and written with the same meaning as
 * PyRadiomics' {@code RadiomicsFeatureExtractor.loadParams}. Immutable; iteration keeps the file's order.
 *
 * <ul>
 * <li>{@code imageType}: image type name ({@code Original}, {@code LoG}, {@code Wavelet} ...) to its own
 * settings (e.g. {@code sigma}); absent section: {@code Original} only.</li>
 * <li>{@code featureClass}: family name ({@code firstorder}, {@code glcm} ...) to the enabled feature names; an
 * empty list or no value enables all non-deprecated features; absent section: every family.</li>
 * <li>{@code setting}, {@code voxelSetting}: setting name to value; a key without value means "not set".</li>
 * </ul>
 */
public record ExtractionParameters(Map<String, Map<String, Object>> imageTypes, Map<String, List<String>> featureClasses,
        Map<String, Object> settings, Map<String, Object> voxelSettings) {

    private static final List<String> SECTIONS = List.of("imageType", "featureClass", "setting", "voxelSetting");

    public ExtractionParameters {
        imageTypes = unmodifiable(imageTypes);
        featureClasses = unmodifiable(featureClasses);
        settings = unmodifiable(settings);
        voxelSettings = unmodifiable(voxelSettings);
    }

    /** PyRadiomics' defaults: image type Original, every family, no settings. */
    public static ExtractionParameters defaults() {
        return new ExtractionParameters(Map.of("Original", Map.of()), Map.of(), Map.of(), Map.of());
    }

    /** Whether the file named no family (then every family is enabled). */
    public boolean allFamilies() {
        return featureClasses.isEmpty();
    }

    /**
     * Reads a parameter file.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException naming the file and the section or key when the content is not a valid
     *                                  parameter file (unknown section, wrong structure)
     */
    public static ExtractionParameters read(Path file) throws IOException {
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new LoaderOptions()).load(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the loaded YAML tree of a parameter file. */
    public static ExtractionParameters parse(Object root) {
        if (root == null) {
            return defaults();
        }
        Map<String, Object> top = map(root, "the top level");
        for (String key : top.keySet()) {
            if (!SECTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown section '" + key + "'; sections are " + SECTIONS);
            }
        }
        Map<String, Map<String, Object>> imageTypes = new LinkedHashMap<>();
        if (top.containsKey("imageType")) {
            map(top.get("imageType"), "imageType").forEach((name, value) ->
                    imageTypes.put(name, value == null ? Map.of() : map(value, "imageType." + name)));
        } else {
            imageTypes.put("Original", Map.of());
        }
        Map<String, List<String>> featureClasses = new LinkedHashMap<>();
        if (top.containsKey("featureClass")) {
            map(top.get("featureClass"), "featureClass").forEach((name, value) -> {
                List<String> names = new ArrayList<>();
                if (value instanceof List<?> list) {
                    list.forEach(v -> names.add(String.valueOf(v)));
                } else if (value != null) {
                    throw new IllegalArgumentException("featureClass." + name + " must be a list of feature names or empty");
                }
                featureClasses.put(name, names);
            });
        }
        Map<String, Object> settings = top.containsKey("setting") ? withoutNulls(map(top.get("setting"), "setting")) : Map.of();
        Map<String, Object> voxel = top.containsKey("voxelSetting")
                ? withoutNulls(map(top.get("voxelSetting"), "voxelSetting")) : Map.of();
        return new ExtractionParameters(imageTypes, featureClasses, settings, voxel);
    }

    /** The parameter file as YAML, sections in PyRadiomics' order, keys in this object's order. */
    public String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("imageType", imageTypes);
        if (!featureClasses.isEmpty()) {
            Map<String, Object> classes = new LinkedHashMap<>();
            featureClasses.forEach((k, v) -> classes.put(k, v.isEmpty() ? null : v));
            root.put("featureClass", classes);
        }
        if (!settings.isEmpty()) {
            root.put("setting", settings);
        }
        if (!voxelSettings.isEmpty()) {
            root.put("voxelSetting", voxelSettings);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return "# PyRadiomics parameter file written by Radflow\n" + new Yaml(options).dump(root);
    }

    /** Writes {@link #toYaml()} atomically (the previous file survives a failed write). */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toYaml());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a mapping, got " + (value == null ? "nothing" : value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static <K, V> Map<K, V> unmodifiable(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
