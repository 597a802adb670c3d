package io.radflow.pipeline.engine;

import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.port.PortType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * The node and port types known to this installation. Immutable; built from the extension registry
 * (each bundle's {@code plugin.xml}) or programmatically for a plain JVM. Malformed contributions are
 * skipped and listed in {@link #problems()}, so one bad plug-in never breaks the others.
 */
public final class NodeTypeRegistry {

    public static final String NODES_POINT = "io.radflow.pipeline.engine.nodes";
    public static final String PORT_TYPES_POINT = "io.radflow.pipeline.engine.portTypes";

    private final Map<String, NodeType> nodeTypes;
    private final Map<String, PortTypeInfo> portTypes;
    private final List<String> problems;

    public NodeTypeRegistry(List<NodeType> nodeTypes, List<PortTypeInfo> portTypes, List<String> problems) {
        Map<String, NodeType> nodes = new LinkedHashMap<>();
        nodeTypes.stream().sorted(Comparator.comparing(NodeType::category).thenComparing(NodeType::label))
                .forEach(t -> nodes.putIfAbsent(t.id(), t));
        Map<String, PortTypeInfo> ports = new LinkedHashMap<>();
        portTypes.forEach(p -> ports.putIfAbsent(p.id(), p));
        this.nodeTypes = java.util.Collections.unmodifiableMap(nodes);
        this.portTypes = Map.copyOf(ports);
        this.problems = List.copyOf(problems);
    }

    /** The registry of the running Eclipse platform. */
    public static NodeTypeRegistry fromPlatform() {
        return fromExtensions(Platform.getExtensionRegistry());
    }

    /** Reads node and port types from {@code registry}. */
    public static NodeTypeRegistry fromExtensions(IExtensionRegistry registry) {
        List<String> problems = new ArrayList<>();
        List<PortTypeInfo> ports = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(PORT_TYPES_POINT)) {
            try {
                PortType type = (PortType) element.createExecutableExtension("class");
                ports.add(new PortTypeInfo(required(element, "id"), required(element, "label"),
                        orDefault(element.getAttribute("color"), "#607D8B"), type));
            } catch (CoreException | RuntimeException e) {
                problems.add(contributor(element) + ": port type " + element.getAttribute("id") + " skipped: " + e.getMessage());
            }
        }
        List<NodeType> nodes = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(NODES_POINT)) {
            try {
                nodes.add(readNodeType(element));
            } catch (RuntimeException e) {
                problems.add(contributor(element) + ": node type " + element.getAttribute("id") + " skipped: " + e.getMessage());
            }
        }
        return new NodeTypeRegistry(nodes, ports, problems);
    }

    private static NodeType readNodeType(IConfigurationElement element) {
        List<PortDescriptor> inputs = new ArrayList<>();
        for (IConfigurationElement port : element.getChildren("input")) {
            inputs.add(new PortDescriptor(required(port, "name"), required(port, "type"),
                    orDefault(port.getAttribute("label"), port.getAttribute("name")),
                    Boolean.parseBoolean(port.getAttribute("optional"))));
        }
        List<PortDescriptor> outputs = new ArrayList<>();
        for (IConfigurationElement port : element.getChildren("output")) {
            outputs.add(new PortDescriptor(required(port, "name"), required(port, "type"),
                    orDefault(port.getAttribute("label"), port.getAttribute("name")), false));
        }
        List<ParameterDescriptor> parameters = new ArrayList<>();
        for (IConfigurationElement p : element.getChildren("parameter")) {
            String choices = p.getAttribute("choices");
            parameters.add(new ParameterDescriptor(required(p, "key"), p.getAttribute("label"),
                    ParameterType.valueOf(required(p, "type").toUpperCase(Locale.ROOT)), p.getAttribute("default"),
                    Boolean.parseBoolean(p.getAttribute("required")), number(p, "min"), number(p, "max"),
                    choices == null ? List.of() : Arrays.stream(choices.split(",")).map(String::trim).toList(),
                    p.getAttribute("help")));
        }
        required(element, "class");
        NodeImplementationFactory factory = () -> (NodeImplementation) element.createExecutableExtension("class");
        String rowSet = element.getAttribute("rowSet");
        if (rowSet != null && parameters.stream().noneMatch(p -> p.key().equals(rowSet))) {
            throw new IllegalArgumentException("rowSet names '" + rowSet + "', which is not a parameter of the node");
        }
        TrainTestRole role = new TrainTestRole(Boolean.parseBoolean(element.getAttribute("split")),
                Boolean.parseBoolean(element.getAttribute("supervised")), rowSet);
        return new NodeType(required(element, "id"), required(element, "version"), required(element, "label"),
                required(element, "category"), element.getAttribute("description"), inputs, outputs, parameters,
                Boolean.parseBoolean(element.getAttribute("deprecated")), contributor(element), factory, role);
    }

    private static String contributor(IConfigurationElement element) {
        String name = element.getContributor().getName();
        Bundle bundle = Platform.getBundle(name);
        return bundle == null ? name : name + " " + bundle.getVersion();
    }

    private static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks the attribute '" + attribute + "'");
        }
        return value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Double number(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        return value == null || value.isBlank() ? null : Double.valueOf(value.trim());
    }

    public Optional<NodeType> nodeType(String id) {
        return Optional.ofNullable(nodeTypes.get(id));
    }

    /** All node types, ordered by category then label. */
    public List<NodeType> nodeTypes() {
        return List.copyOf(nodeTypes.values());
    }

    public Optional<PortTypeInfo> portType(String id) {
        return Optional.ofNullable(portTypes.get(id));
    }

    public List<PortTypeInfo> portTypes() {
        return portTypes.values().stream().sorted(Comparator.comparing(PortTypeInfo::id)).toList();
    }

    /** Contributions that were skipped, each naming the contributing bundle and the reason. */
    public List<String> problems() {
        return problems;
    }
}
