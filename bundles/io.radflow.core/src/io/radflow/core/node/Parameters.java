package io.radflow.core.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved parameter values of one node (pipeline values over declared defaults), immutable,
 * with typed accessors whose errors name the node and the key.
 */
public final class Parameters {

    private final String nodeId;
    private final Map<String, String> values;

    public Parameters(String nodeId, Map<String, String> values) {
        this.nodeId = nodeId;
        this.values = Map.copyOf(values);
    }

    /** Values set in a pipeline laid over the descriptors' defaults. */
    public static Parameters resolve(String nodeId, List<ParameterDescriptor> descriptors, Map<String, String> set) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterDescriptor descriptor : descriptors) {
            if (descriptor.defaultValue() != null) {
                values.put(descriptor.key(), descriptor.defaultValue());
            }
        }
        set.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        return new Parameters(nodeId, values);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public boolean has(String key) {
        String value = values.get(key);
        return value != null && !value.isEmpty();
    }

    public String getString(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Node '" + nodeId + "': parameter '" + key + "' is not set");
        }
        return value;
    }

    public String getString(String key, String fallback) {
        return has(key) ? values.get(key) : fallback;
    }

    public double getDouble(String key) {
        String value = getString(key);
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Node '" + nodeId + "': parameter '" + key + "' is not a number: '" + value + "'");
        }
    }

    public int getInt(String key) {
        String value = getString(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Node '" + nodeId + "': parameter '" + key + "' is not an integer: '" + value + "'");
        }
    }

    public boolean getBoolean(String key) {
        String value = getString(key).trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("Node '" + nodeId + "': parameter '" + key + "' is not true/false: '" + value + "'");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
