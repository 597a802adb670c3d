package io.radflow.cli;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.Setting;
import io.radflow.features.extraction.ExtractionParameters;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The extraction part of a pipeline as a PyRadiomics parameter file, and back.
 *
 * <p>Export: every node whose implementation is a {@link FeatureFamilyNode} enables its family in
 * {@code featureClass} (all its features); the family settings it declares as parameters ({@code binWidth},
 * {@code distances}, {@code label} ...), with the node's value or the declared default, go to {@code setting}. A
 * parameter file has one value per setting, so two feature nodes that use different values of one setting cannot
 * be exported (the error names both nodes). Only feature nodes on original images ({@code imageType} original)
 * can be exported; other nodes (cohort, preprocessing, statistics) are not part of the file.
 *
 * <p>Import: one feature node per enabled family (every installed family when the file has no
 * {@code featureClass}), each with the settings its node type declares, all fed by one cohort node
 * ({@code radflow.io.cohort}). Settings, image types and feature selections a node cannot hold are listed in
 * {@link Imported#notes()}.
 */
public final class PyRadiomicsExchange {

    private static final String COHORT_NODE_TYPE = "radflow.io.cohort";
    private static final Set<String> NODE_ONLY = Set.of("image", "mask", "imageType");

    private final NodeTypeRegistry registry;

    public PyRadiomicsExchange(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    /** A pipeline fragment read from a parameter file, with what could not be carried over. */
    public record Imported(Pipeline pipeline, List<String> notes) {
        public Imported {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The parameter file of {@code pipeline}'s feature nodes.
     *
     * @throws IllegalArgumentException naming the nodes when the pipeline has no feature node, a node is on a
     *                                  filtered image, or two nodes use different values of one setting
     */
    public ExtractionParameters export(Pipeline pipeline) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, String> settingSource = new LinkedHashMap<>();
        for (Node node : pipeline.getNodes()) {
            NodeType type = registry.nodeType(node.getTypeId()).orElse(null);
            FeatureFamily family = type == null ? null : family(type);
            if (family == null) {
                continue;
            }
            Map<String, String> values = resolved(node, type);
            String imageType = values.getOrDefault("imageType", "original");
            if (!imageType.equalsIgnoreCase("original")) {
                throw new IllegalArgumentException("node '" + node.getId() + "' computes " + family.key()
                        + " on image type '" + imageType + "'; only original images can be written to a parameter file");
            }
            classes.put(family.key(), List.of());
            for (Setting<?> setting : familySettings(family)) {
                String text = values.get(setting.key());
                if (text == null || text.isEmpty() || type.parameter(setting.key()).isEmpty()) {
                    continue;
                }
                Object value = setting.convert(text);
                Object previous = settings.putIfAbsent(setting.key(), value);
                if (previous != null && !previous.equals(value)) {
                    throw new IllegalArgumentException("setting '" + setting.key() + "' is " + previous + " in node '"
                            + settingSource.get(setting.key()) + "' but " + value + " in node '" + node.getId()
                            + "'; a PyRadiomics parameter file holds one value per setting");
                }
                settingSource.putIfAbsent(setting.key(), node.getId());
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("pipeline '" + pipeline.getName() + "' has no feature node to export");
        }
        return new ExtractionParameters(Map.of("Original", Map.of()), classes, settings, Map.of());
    }

    /**
     * An extraction pipeline fragment for {@code parameters}: a cohort node reading {@code manifest} and one node
     * per enabled family.
     *
     * @throws IllegalArgumentException when the file enables a family no installed node type computes
     */
    public Imported importParameters(ExtractionParameters parameters, String name, String manifest) {
        Map<String, NodeType> byFamily = new LinkedHashMap<>();
        Map<String, FeatureFamily> families = new LinkedHashMap<>();
        for (NodeType type : registry.nodeTypes()) {
            FeatureFamily family = family(type);
            if (family != null && byFamily.putIfAbsent(family.key(), type) == null) {
                families.put(family.key(), family);
            }
        }
        List<String> notes = new ArrayList<>();
        List<String> enabled;
        if (parameters.allFamilies()) {
            enabled = List.copyOf(byFamily.keySet());
            notes.add("the file names no featureClass: one node per installed family (" + String.join(", ", enabled) + ")");
        } else {
            enabled = List.copyOf(parameters.featureClasses().keySet());
            List<String> unknown = enabled.stream().filter(k -> !byFamily.containsKey(k)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("featureClass " + unknown + " is computed by no installed node type; "
                        + "installed families: " + byFamily.keySet());
            }
        }
        parameters.imageTypes().keySet().stream().filter(t -> !t.equals("Original"))
                .forEach(t -> notes.add("imageType " + t + " is not imported: feature nodes read original images"));
        parameters.featureClasses().forEach((family, features) -> {
            if (!features.isEmpty()) {
                notes.add("featureClass " + family + ": the node computes all features, not only " + features);
            }
        });
        if (!parameters.voxelSettings().isEmpty()) {
            notes.add("voxelSetting is not imported (no voxel-based extraction)");
        }
        PipelineBuilder builder = PipelineBuilder.pipeline(name);
        NodeType cohortType = registry.nodeType(COHORT_NODE_TYPE).orElseThrow(() ->
                new IllegalArgumentException("node type " + COHORT_NODE_TYPE + " is not installed"));
        builder.node("cohort", cohortType.id(), cohortType.version()).label("Cohort").at(40, 40)
                .param("manifest", manifest);
        cohortType.outputs().forEach(p -> builder.output(p.name(), p.typeId()));
        Set<String> used = new LinkedHashSet<>();
        int y = 40;
        for (String key : enabled) {
            NodeType type = byFamily.get(key);
            String id = key;
            builder.node(id, type.id(), type.version()).label(type.label()).at(300, y);
            y += 80;
            for (ParameterDescriptor descriptor : type.parameters()) {
                Object value = parameters.settings().get(descriptor.key());
                if (value != null && !NODE_ONLY.contains(descriptor.key())) {
                    builder.param(descriptor.key(), text(value));
                    used.add(descriptor.key());
                }
            }
            type.inputs().forEach(p -> builder.input(p.name(), p.typeId()));
            type.outputs().forEach(p -> builder.output(p.name(), p.typeId()));
            String cohortInput = type.input("cohort").map(PortDescriptor::name)
                    .orElseGet(() -> type.inputs().get(0).name());
            builder.connect("cohort.cohort", id + "." + cohortInput);
        }
        String unused = parameters.settings().keySet().stream().filter(k -> !used.contains(k))
                .collect(Collectors.joining(", "));
        if (!unused.isEmpty()) {
            notes.add("settings used by no imported node: " + unused);
        }
        return new Imported(builder.build(), notes);
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static List<Setting<?>> familySettings(FeatureFamily family) {
        List<Setting<?>> settings = new ArrayList<>(family.settings());
        if (!settings.contains(FeatureSettings.LABEL)) {
            settings.add(0, FeatureSettings.LABEL);
        }
        return settings;
    }

    /** The node's parameter values over the declared defaults. */
    private static Map<String, String> resolved(Node node, NodeType type) {
        Map<String, String> values = new LinkedHashMap<>();
        type.parameters().forEach(p -> values.put(p.key(), p.defaultValue()));
        for (Parameter parameter : node.getParameters()) {
            if (parameter.getValue() != null) {
                values.put(parameter.getKey(), parameter.getValue());
            }
        }
        return values;
    }

    /** The family a node type computes, or {@code null} when it is no feature node (or cannot be created). */
    private static FeatureFamily family(NodeType type) {
        try {
            return type.factory().create() instanceof FeatureFamilyNode node ? node.family() : null;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }
}
