package io.radflow.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * One feature of a family: its definition and its formula over what the family computes once per ROI ({@code C}:
 * the intensity statistics, a histogram, a texture matrix and its coefficients...). A family declares its features
 * as a list of these; the static methods select, evaluate and describe such a list, so that every family checks
 * names and orders its values the same way.
 *
 * @param <C> what the formula reads
 */
public record FeatureFormula<C>(FeatureDefinition definition, ToDoubleFunction<C> formula) {

    /** A feature that is computed by default. */
    public static <C> FeatureFormula<C> of(String name, String ibsiId, String description, ToDoubleFunction<C> formula) {
        return new FeatureFormula<>(new FeatureDefinition(name, ibsiId, description, false), formula);
    }

    /** A feature computed only when named (deprecated in PyRadiomics). */
    public static <C> FeatureFormula<C> deprecated(String name, String ibsiId, String description,
            ToDoubleFunction<C> formula) {
        return new FeatureFormula<>(new FeatureDefinition(name, ibsiId, description, true), formula);
    }

    /** The definitions, in declaration order. */
    public static <C> List<FeatureDefinition> definitions(List<FeatureFormula<C>> features) {
        return features.stream().map(FeatureFormula::definition).toList();
    }

    /** The names of the non-deprecated features, in declaration order. */
    public static <C> List<String> enabledNames(List<FeatureFormula<C>> features) {
        return features.stream().filter(f -> !f.definition().deprecated()).map(f -> f.definition().name()).toList();
    }

    /**
     * The named features, in declaration order.
     *
     * @param family the family's name for the message, e.g. "GLCM"
     * @throws IllegalArgumentException naming an unknown feature and listing the known ones
     */
    public static <C> List<FeatureFormula<C>> select(String family, List<FeatureFormula<C>> features,
            Collection<String> names) {
        List<String> known = new ArrayList<>();
        features.forEach(f -> known.add(f.definition().name()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown " + family + " feature '" + name + "'; known: " + known);
            }
        }
        return features.stream().filter(f -> names.contains(f.definition().name())).toList();
    }

    /**
     * Evaluates the named features in declaration order; {@code input} is computed only after every name has been
     * checked.
     *
     * @throws IllegalArgumentException naming an unknown feature and listing the known ones
     */
    public static <C> FeatureValues compute(String family, List<FeatureFormula<C>> features, Collection<String> names,
            Supplier<C> input) {
        List<FeatureFormula<C>> selected = select(family, features, names);
        C c = input.get();
        Map<String, Double> out = new LinkedHashMap<>();
        for (FeatureFormula<C> f : selected) {
            out.put(f.definition().name(), f.formula().applyAsDouble(c));
        }
        return new FeatureValues(out);
    }

    /**
     * The non-deprecated features evaluated on each input and averaged over the inputs (IBSI 2D texture: one matrix
     * per slice; one matrix otherwise).
     *
     * @throws IllegalArgumentException when there is no input
     */
    public static <C> FeatureValues averaged(List<FeatureFormula<C>> features, List<C> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("No texture matrix: the ROI has no voxel to build one from");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (FeatureFormula<C> f : features) {
            if (!f.definition().deprecated()) {
                double sum = 0;
                for (C c : inputs) {
                    sum += f.formula().applyAsDouble(c);
                }
                out.put(f.definition().name(), sum / inputs.size());
            }
        }
        return new FeatureValues(out);
    }
}
