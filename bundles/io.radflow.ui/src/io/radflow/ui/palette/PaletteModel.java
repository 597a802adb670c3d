package io.radflow.ui.palette;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The palette's content, built from the node-type registry: categories (the declared category
 * path, e.g. {@code Statistics/Survival}) in registry order, each with its non-deprecated node
 * types, filtered by a search text. Free of SWT.
 */
public final class PaletteModel {

    /** One category and the node types shown under it. */
    public record Category(String name, List<NodeType> nodeTypes) {
        public Category {
            nodeTypes = List.copyOf(nodeTypes);
        }
    }

    private final NodeTypeRegistry registry;

    public PaletteModel(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Categories with the node types matching {@code filter}: every word of the filter (case-insensitive)
     * must occur in the label, id, category or description. A blank filter shows all; categories without
     * matches are left out; deprecated types are never offered.
     */
    public List<Category> categories(String filter) {
        List<String> words = filter == null || filter.isBlank() ? List.of()
                : List.of(filter.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        Map<String, List<NodeType>> byCategory = new LinkedHashMap<>();
        for (NodeType type : registry.nodeTypes()) {
            if (type.deprecated()) {
                continue;
            }
            String text = (type.label() + " " + type.id() + " " + type.category() + " " + type.description())
                    .toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(text::contains)) {
                byCategory.computeIfAbsent(type.category(), k -> new ArrayList<>()).add(type);
            }
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((name, types) -> categories.add(new Category(name, types)));
        return categories;
    }

    /** The tool tip of a palette entry: label, id and version, description, ports and parameters with their help. */
    public static String tooltip(NodeType type) {
        StringBuilder text = new StringBuilder(type.label()).append("  (").append(type.id()).append(' ')
                .append(type.version()).append(")\n");
        if (!type.description().isBlank()) {
            text.append(type.description()).append('\n');
        }
        ports(text, "Inputs", type.inputs());
        ports(text, "Outputs", type.outputs());
        if (!type.parameters().isEmpty()) {
            text.append("Parameters:\n");
            for (ParameterDescriptor p : type.parameters()) {
                text.append("  ").append(p.label()).append(" (").append(p.key());
                if (p.defaultValue() != null && !p.defaultValue().isEmpty()) {
                    text.append(", default ").append(p.defaultValue());
                }
                text.append(')');
                if (!p.help().isBlank()) {
                    text.append(": ").append(p.help());
                }
                text.append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    private static void ports(StringBuilder text, String title, List<PortDescriptor> ports) {
        if (ports.isEmpty()) {
            return;
        }
        text.append(title).append(": ");
        for (int i = 0; i < ports.size(); i++) {
            PortDescriptor p = ports.get(i);
            text.append(i == 0 ? "" : ", ").append(p.label()).append(" [").append(p.typeId()).append(']')
                    .append(p.optional() ? " (optional)" : "");
        }
        text.append('\n');
    }
}
