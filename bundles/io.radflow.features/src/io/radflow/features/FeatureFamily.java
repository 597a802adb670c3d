package io.radflow.features;

import java.util.List;

/**
 * A family of features computed from one ROI (PyRadiomics' feature class, IBSI's feature family), with its
 * features and the settings it reads declared explicitly. Implementations are stateless and thread-safe;
 * shared coefficients are computed once per {@link #compute} call.
 *
 * <p>Registration: a family bundle lists its families in
 * {@code META-INF/services/io.radflow.features.FeatureFamily} (plain JVM, e.g. Spark) and declares one node
 * type per family in its {@code plugin.xml} whose class extends
 * {@link io.radflow.features.nodes.FeatureFamilyNode} (OSGi: the node registry is the family registry).
 */
public interface FeatureFamily {

    /** The family key used in output keys, e.g. {@code firstorder}, {@code glcm} (PyRadiomics' feature class name). */
    String key();

    /** All features of the family in output order, deprecated ones included. */
    List<FeatureDefinition> features();

    /**
     * The names {@link #compute(Roi, FeatureSettings)} returns with these settings, in order: by default the
     * non-deprecated features; a family whose output depends on the settings (e.g. the convention) overrides it.
     */
    default List<String> featureNames(FeatureSettings settings) {
        return features().stream().filter(d -> !d.deprecated()).map(FeatureDefinition::name).toList();
    }

    /** Every setting the family reads, the {@link FeatureSettings#COMMON} ones it uses included. */
    List<Setting<?>> settings();

    /**
     * Computes every non-deprecated feature of the ROI.
     *
     * @throws IllegalArgumentException when the ROI cannot be used (e.g. too small for the family), with a
     *                                  message saying why
     */
    FeatureValues compute(Roi roi, FeatureSettings settings);

    /**
     * Computes the named features only, in declaration order. This default computes the non-deprecated
     * features and keeps the named ones; a family with deprecated features overrides it to compute those on
     * request.
     *
     * @throws IllegalArgumentException for a name the family does not have, or a deprecated one it cannot
     *                                  compute
     */
    default FeatureValues compute(Roi roi, FeatureSettings settings, java.util.Collection<String> names) {
        checkNames(this, names);
        return named(this, compute(roi, settings), names);
    }

    /**
     * Throws for a name that {@code family} does not have.
     *
     * @throws IllegalArgumentException naming the unknown feature and listing the known ones
     */
    static void checkNames(FeatureFamily family, java.util.Collection<String> names) {
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        family.features().forEach(d -> known.add(d.name()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Family " + family.key() + " has no feature '" + name + "'; known: " + known);
            }
        }
    }

    /**
     * The named features of {@code all} (computed by {@code family}), in declaration order.
     *
     * @throws IllegalArgumentException for a named deprecated feature that {@code all} lacks
     */
    static FeatureValues named(FeatureFamily family, FeatureValues all, java.util.Collection<String> names) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (FeatureDefinition d : family.features()) {
            if (names.contains(d.name())) {
                if (!all.has(d.name())) {
                    throw new IllegalArgumentException("Family " + family.key() + " does not compute the deprecated feature "
                            + d.name());
                }
                out.put(d.name(), all.get(d.name()));
            }
        }
        return new FeatureValues(out);
    }
}
