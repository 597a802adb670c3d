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
 *
 * <p>Ids are unique: when two contributions declare the same node or port type id, the first one wins
 * (from the extension registry: the bundle installed first, so Radflow's own bundles win over dropped-in
 * ones) and the other is skipped and reported, naming both contributors.
 */
public final class NodeTypeRegistry {

    public static final String NODES_POINT = "io.radflow.pipeline.engine.nodes";
    public static final String PORT_TYPES_POINT = "io.radflow.pipeline.engine.portTypes";

    private final Map<String, NodeType> nodeTypes;
    private final Map<String, PortTypeInfo> portTypes;
    private final List<String> problems;

    public NodeTypeRegistry(List<NodeType> nodeTypes, List<PortTypeInfo> portTypes, List<String> problems) {
        List<String> allProblems = new ArrayList<>(problems);
        Map<String, NodeType> unique = new LinkedHashMap<>();
        for (NodeType type : nodeTypes) {
            NodeType first = unique.putIfAbsent(type.id(), type);
            if (first != null) {
                allProblems.add(type.contributor() + ": node type " + type.id() + " skipped: the id is already contributed by "
                        + first.contributor());
            }
        }
        Map<String, NodeType> nodes = new LinkedHashMap<>();
        unique.values().stream().sorted(Comparator.comparing(NodeType::category).thenComparing(NodeType::label))
                .forEach(t -> nodes.put(t.id(), t));
        Map<String, PortTypeInfo> ports = new LinkedHashMap<>();
        for (PortTypeInfo port : portTypes) {
            if (ports.putIfAbsent(port.id(), port) != null) {
                allProblems.add("port type " + port.id() + " (" + port.type().getClass().getName()
                        + ") skipped: the id is already contributed");
            }
        }
        this.nodeTypes = java.util.Collections.unmodifiableMap(nodes);
        this.portTypes = Map.copyOf(ports);
        this.problems = List.copyOf(allProblems);
    }

    /**
     * The registry of the running Eclipse platform, with the problems that {@link ExtensionProblems} services
     * (e.g. the dropins installer) report about bundles that could not be installed.
     */
    public static NodeTypeRegistry fromPlatform() {
        NodeTypeRegistry registry = fromExtensions(Platform.getExtensionRegistry());
        List<String> extra = ExtensionProblems.ofServices();
        if (extra.isEmpty()) {
            return registry;
        }
        List<String> problems = new ArrayList<>(extra);
        problems.addAll(registry.problems);
        return new NodeTypeRegistry(registry.nodeTypes(), registry.portTypes(), problems);
    }

    /**
     * Reads node and port types from {@code registry}. Contributions are taken in the order their bundles were
     * installed, so on an id clash the earlier bundle (a built-in one) wins.
     */
    public static NodeTypeRegistry fromExtensions(IExtensionRegistry registry) {
        List<String> problems = new ArrayList<>();
        List<PortTypeInfo> ports = new ArrayList<>();
        for (IConfigurationElement element : byInstallOrder(registry.getConfigurationElementsFor(PORT_TYPES_POINT))) {
            try {
                PortType type = (PortType) element.createExecutableExtension("class");
                ports.add(new PortTypeInfo(required(element, "id"), required(element, "label"),
                        orDefault(element.getAttribute("color"), "#607D8B"), type));
            } catch (CoreException | RuntimeException e) {
                problems.add(contributor(element) + ": port type " + element.getAttribute("id") + " skipped: " + e.getMessage());
            }
        }
        List<NodeType> nodes = new ArrayList<>();
        for (IConfigurationElement element : byInstallOrder(registry.getConfigurationElementsFor(NODES_POINT))) {
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
        TrainTestRole role = TrainTestRole.declared(element.getAttribute("split"), element.getAttribute("supervised"),
                element.getAttribute("rowSet"), element.getAttribute("chainSource"), element.getAttribute("chainEnd"),
                inputs, parameters);
        return new NodeType(required(element, "id"), required(element, "version"), required(element, "label"),
                required(element, "category"), element.getAttribute("description"), inputs, outputs, parameters,
                Boolean.parseBoolean(element.getAttribute("deprecated")), contributor(element), factory, role);
    }

    private static List<IConfigurationElement> byInstallOrder(IConfigurationElement[] elements) {
        return Arrays.stream(elements).sorted(Comparator.comparingLong(NodeTypeRegistry::bundleId)).toList();
    }

    private static long bundleId(IConfigurationElement element) {
        Bundle bundle = Platform.getBundle(element.getContributor().getName());
        return bundle == null ? Long.MAX_VALUE : bundle.getBundleId();
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
