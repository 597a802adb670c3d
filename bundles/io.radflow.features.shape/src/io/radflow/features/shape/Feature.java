package io.radflow.features.shape;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureValues;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * One feature of a shape family: its definition and its formula over the family's shared coefficients
 * {@code C}, with the selection and evaluation helpers the families share.
 *
 * @param <C> the coefficients the formula reads
 */
record Feature<C>(FeatureDefinition definition, ToDoubleFunction<C> formula) {

    static <C> Feature<C> of(String name, String ibsiId, String description, ToDoubleFunction<C> formula) {
        return new Feature<>(new FeatureDefinition(name, ibsiId, description, false), formula);
    }

    static <C> Feature<C> deprecated(String name, String ibsiId, String description, ToDoubleFunction<C> formula) {
        return new Feature<>(new FeatureDefinition(name, ibsiId, description, true), formula);
    }

    static <C> List<FeatureDefinition> definitions(List<Feature<C>> features) {
        return features.stream().map(Feature::definition).toList();
    }

    /** The names of the non-deprecated features, in order. */
    static <C> List<String> enabledNames(List<Feature<C>> features) {
        return features.stream().filter(f -> !f.definition().deprecated()).map(f -> f.definition().name()).toList();
    }

    /**
     * Evaluates the named features in declaration order; the coefficients are computed only after every name
     * has been checked.
     *
     * @throws IllegalArgumentException naming an unknown feature and listing the known ones
     */
    static <C> FeatureValues compute(String family, List<Feature<C>> features, Collection<String> names,
            Supplier<C> coefficients) {
        List<String> known = new ArrayList<>();
        features.forEach(f -> known.add(f.definition().name()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown " + family + " feature '" + name + "'; known: " + known);
            }
        }
        C c = coefficients.get();
        Map<String, Double> out = new LinkedHashMap<>();
        for (Feature<C> f : features) {
            if (names.contains(f.definition().name())) {
                out.put(f.definition().name(), f.formula().applyAsDouble(c));
            }
        }
        return new FeatureValues(out);
    }
}
