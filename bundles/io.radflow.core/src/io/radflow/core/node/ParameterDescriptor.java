package io.radflow.core.node;

import java.util.List;

/**
 * Metadata of one node parameter, declared once (in the node type's extension) and read by the
 * validator, the editor, the CLI and the generated docs.
 *
 * @param key       stable key stored in pipeline files (PyRadiomics spelling where one exists, e.g. {@code binWidth})
 * @param label     human-readable title
 * @param type      value type
 * @param defaultValue value used when a pipeline does not set the key; {@code null} for none
 * @param required  whether a value (set or default) must be present
 * @param min       lower bound for numbers, or {@code null}
 * @param max       upper bound for numbers, or {@code null}
 * @param choices   allowed values of a {@link ParameterType#CHOICE}
 * @param help      one or two sentences for tool tips and docs
 */
public record ParameterDescriptor(String key, String label, ParameterType type, String defaultValue,
        boolean required, Double min, Double max, List<String> choices, String help) {

    public ParameterDescriptor {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A parameter needs a key");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        label = label == null || label.isBlank() ? key : label;
        help = help == null ? "" : help;
    }

    /**
     * Checks one value against type, bounds and choices.
     *
     * @return {@code null} when valid, else a message that names the key and the problem
     */
    public String check(String value) {
        if (value == null || value.isEmpty()) {
            return required ? "parameter '" + key + "' is required" : null;
        }
        switch (type) {
            case INTEGER, DOUBLE -> {
                double number;
                try {
                    number = type == ParameterType.INTEGER ? Long.parseLong(value.trim()) : Double.parseDouble(value.trim());
                } catch (NumberFormatException e) {
                    return "parameter '" + key + "' must be " + (type == ParameterType.INTEGER ? "an integer" : "a number")
                            + ", got '" + value + "'";
                }
                if (Double.isNaN(number)) {
                    return "parameter '" + key + "' is NaN";
                }
                if (min != null && number < min) {
                    return "parameter '" + key + "' = " + value + " is below its minimum " + min;
                }
                if (max != null && number > max) {
                    return "parameter '" + key + "' = " + value + " is above its maximum " + max;
                }
            }
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return "parameter '" + key + "' must be true or false, got '" + value + "'";
                }
            }
            case CHOICE -> {
                if (!choices.contains(value)) {
                    return "parameter '" + key + "' must be one of " + choices + ", got '" + value + "'";
                }
            }
            default -> {
            }
        }
        return null;
    }
}
