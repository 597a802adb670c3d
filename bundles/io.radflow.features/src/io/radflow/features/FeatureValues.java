package io.radflow.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable feature values of one ROI, by feature name, in the family's declaration order. */
public final class FeatureValues {

    private final Map<String, Double> values;

    /** Copies {@code values}, keeping their iteration order. */
    public FeatureValues(Map<String, Double> values) {
        Map<String, Double> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("Feature names and values must not be null");
            }
            copy.put(name, value);
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * The PyRadiomics output key {@code <imageType>_<family>_<name>}, e.g.
     * {@code key("original", "firstorder", "Energy")} is {@code original_firstorder_Energy}.
     */
    public static String key(String imageType, String family, String name) {
        return imageType + "_" + family + "_" + name;
    }

    /** The value of {@code name}; the error lists the names present. */
    public double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No feature '" + name + "'; present: " + values.keySet());
        }
        return value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public int size() {
        return values.size();
    }

    /** Unmodifiable view, in order. */
    public Map<String, Double> asMap() {
        return values;
    }

    /** The values under their output keys (see {@link #key}), in order. */
    public Map<String, Double> keyed(String imageType, String family) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(key(imageType, family, name), value));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureValues f && values.equals(f.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
