package io.radflow.features;

/**
 * One feature of a {@link FeatureFamily}, declared explicitly (no name reflection).
 *
 * @param name        PyRadiomics feature name, e.g. {@code Energy}; the last part of the output key
 *                    {@code original_firstorder_Energy}
 * @param ibsiId      the IBSI permanent identifier (e.g. {@code N8CA}) when the feature is defined exactly as
 *                    in IBSI-1, else {@code ""}
 * @param description one sentence: what the feature measures (the formula is in the Javadoc of the family)
 * @param deprecated  whether PyRadiomics deprecates it; deprecated features are only computed on request
 */
public record FeatureDefinition(String name, String ibsiId, String description, boolean deprecated) {

    public FeatureDefinition {
        if (name == null || !name.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("A feature name must be non-empty and alphanumeric, got '" + name + "'");
        }
        ibsiId = ibsiId == null ? "" : ibsiId;
        if (!ibsiId.isEmpty() && !ibsiId.matches("[A-Z0-9]{4}")) {
            throw new IllegalArgumentException("Feature " + name + ": IBSI id '" + ibsiId + "' is not 4 characters A-Z/0-9");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Feature " + name + " needs a description");
        }
    }
}
