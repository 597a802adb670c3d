package io.radflow.features;

import java.util.List;
import java.util.Objects;

/**
 * One extraction setting, named as in PyRadiomics parameter files ({@code binWidth}, {@code distances},
 * {@code force2D} ...), declared once with its type, default and help. A family lists the settings it reads
 * in {@link FeatureFamily#settings()}; {@link FeatureSettings} holds the values.
 *
 * <p>Supported value types: {@link Double}, {@link Integer}, {@link Boolean}, {@link String} and lists of
 * doubles or integers ({@link #ofDoubleList}, {@link #ofIntList}).
 *
 * @param key          the PyRadiomics setting name (or, for IBSI-only settings, a name in the same style)
 * @param type         the value type
 * @param elementType  for list settings, the element type ({@code Double} or {@code Integer}); else null
 * @param defaultValue the default, or null when the setting is absent unless given (e.g. {@code binCount})
 * @param help         one sentence for users: what it does, in PyRadiomics' words where it has them
 * @param <T>          the value type
 */
public record Setting<T>(String key, Class<T> type, Class<?> elementType, T defaultValue, String help) {

    public Setting {
        if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("A setting key must be an identifier, got '" + key + "'");
        }
        Objects.requireNonNull(type, "type");
        if (help == null || help.isBlank()) {
            throw new IllegalArgumentException("Setting " + key + " needs a help text");
        }
        if (type == List.class && elementType != Double.class && elementType != Integer.class) {
            throw new IllegalArgumentException("Setting " + key + ": list elements must be Double or Integer");
        }
        if (defaultValue != null) {
            defaultValue = type == List.class ? type.cast(List.copyOf((List<?>) defaultValue)) : defaultValue;
        }
    }

    public static Setting<Double> ofDouble(String key, Double defaultValue, String help) {
        return new Setting<>(key, Double.class, null, defaultValue, help);
    }

    public static Setting<Integer> ofInt(String key, Integer defaultValue, String help) {
        return new Setting<>(key, Integer.class, null, defaultValue, help);
    }

    public static Setting<Boolean> ofBoolean(String key, Boolean defaultValue, String help) {
        return new Setting<>(key, Boolean.class, null, defaultValue, help);
    }

    public static Setting<String> ofString(String key, String defaultValue, String help) {
        return new Setting<>(key, String.class, null, defaultValue, help);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Setting<List<Double>> ofDoubleList(String key, List<Double> defaultValue, String help) {
        return new Setting<>(key, (Class) List.class, Double.class, defaultValue, help);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Setting<List<Integer>> ofIntList(String key, List<Integer> defaultValue, String help) {
        return new Setting<>(key, (Class) List.class, Integer.class, defaultValue, help);
    }

    /**
     * Converts a value read from a parameter file or a node parameter (a number, boolean, string or list of
     * them, or their text such as {@code "[1, 2]"} or {@code "true"}) to this setting's type.
     *
     * @throws IllegalArgumentException naming the setting when the value does not fit
     */
    public T convert(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Setting " + key + ": no value");
        }
        try {
            if (type == List.class) {
                List<?> raw = value instanceof List<?> l ? l : parseList(value.toString());
                return type.cast(raw.stream().map(v -> scalar(elementType, v)).toList());
            }
            return type.cast(scalar(type, value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + key + ": '" + value + "' is not a valid "
                    + typeName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** A readable type name for messages and help: {@code double}, {@code integer list} ... */
    public String typeName() {
        if (type == List.class) {
            return (elementType == Double.class ? "number" : "integer") + " list";
        }
        return type == Double.class ? "number" : type == Integer.class ? "integer"
                : type == Boolean.class ? "boolean" : "text";
    }

    private static List<String> parseList(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.isBlank()) {
            return List.of();
        }
        return List.of(t.split("\\s*,\\s*")).stream().map(String::trim).toList();
    }

    private static Object scalar(Class<?> target, Object value) {
        if (target == Double.class) {
            double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("NaN");
            }
            return d;
        }
        if (target == Integer.class) {
            if (value instanceof Number n) {
                if (n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException("not a whole number");
                }
                return n.intValue();
            }
            return Integer.parseInt(value.toString().trim());
        }
        if (target == Boolean.class) {
            if (value instanceof Boolean b) {
                return b;
            }
            String s = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
            if (!s.equals("true") && !s.equals("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(s);
        }
        return value.toString();
    }
}
