package io.radflow.spark;

import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.port.PortType;
import io.radflow.pipeline.engine.NodeImplementationFactory;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.engine.PortTypeInfo;
import io.radflow.pipeline.engine.TrainTestRole;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the {@link NodeTypeRegistry} outside OSGi, from the {@code plugin.xml} files of the bundles
 * on the class path: the same extensions ({@value NodeTypeRegistry#NODES_POINT},
 * {@value NodeTypeRegistry#PORT_TYPES_POINT}) and attributes that the Eclipse extension registry
 * reads, the contributor named by the bundle's {@code Bundle-SymbolicName} and {@code Bundle-Version}.
 *
 * <p>Two places are read: {@code radflow-plugins/<bundle>/plugin.xml} (copies made by this module's
 * build, which survive shading into one jar) and then every {@code plugin.xml} at a class path root
 * (a bundle jar on a plain class path, e.g. a lab's own node jar given to {@code spark-submit --jars}).
 * A bundle seen twice counts once. Malformed contributions are skipped and listed in
 * {@link NodeTypeRegistry#problems()}, as in the Eclipse registry.
 */
public final class ClasspathNodeRegistry {

    /** Class path folder with one sub-folder per bundle holding its plugin.xml and META-INF/MANIFEST.MF. */
    public static final String PLUGINS_FOLDER = "radflow-plugins";

    private ClasspathNodeRegistry() {
    }

    /** The registry of the bundles visible to {@code loader}. */
    public static NodeTypeRegistry load(ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        List<PortTypeInfo> ports = new ArrayList<>();
        List<NodeType> nodes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Descriptor d : descriptors(loader, problems)) {
            if (!seen.add(d.symbolicName())) {
                continue;
            }
            try (InputStream in = d.pluginXml().openStream()) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(false);
                Document document = factory.newDocumentBuilder().parse(in);
                for (Element extension : children(document.getDocumentElement(), "extension")) {
                    String point = extension.getAttribute("point");
                    if (NodeTypeRegistry.PORT_TYPES_POINT.equals(point)) {
                        for (Element e : children(extension, "portType")) {
                            try {
                                PortType type = (PortType) instantiate(loader, required(e, "class"));
                                ports.add(new PortTypeInfo(required(e, "id"), required(e, "label"),
                                        orDefault(attribute(e, "color"), "#607D8B"), type));
                            } catch (ReflectiveOperationException | RuntimeException | LinkageError x) {
                                problems.add(d.contributor() + ": port type " + attribute(e, "id") + " skipped: " + message(x));
                            }
                        }
                    } else if (NodeTypeRegistry.NODES_POINT.equals(point)) {
                        for (Element e : children(extension, "node")) {
                            try {
                                nodes.add(nodeType(e, d.contributor(), loader));
                            } catch (RuntimeException x) {
                                problems.add(d.contributor() + ": node type " + attribute(e, "id") + " skipped: " + message(x));
                            }
                        }
                    }
                }
            } catch (Exception e) {
                problems.add(d.contributor() + ": " + d.pluginXml() + " unreadable: " + message(e));
            }
        }
        return new NodeTypeRegistry(nodes, ports, problems);
    }

    private static NodeType nodeType(Element element, String contributor, ClassLoader loader) {
        List<PortDescriptor> inputs = new ArrayList<>();
        for (Element port : children(element, "input")) {
            inputs.add(new PortDescriptor(required(port, "name"), required(port, "type"),
                    orDefault(attribute(port, "label"), attribute(port, "name")), Boolean.parseBoolean(attribute(port, "optional"))));
        }
        List<PortDescriptor> outputs = new ArrayList<>();
        for (Element port : children(element, "output")) {
            outputs.add(new PortDescriptor(required(port, "name"), required(port, "type"),
                    orDefault(attribute(port, "label"), attribute(port, "name")), false));
        }
        List<ParameterDescriptor> parameters = new ArrayList<>();
        for (Element p : children(element, "parameter")) {
            String choices = attribute(p, "choices");
            parameters.add(new ParameterDescriptor(required(p, "key"), attribute(p, "label"),
                    ParameterType.valueOf(required(p, "type").toUpperCase(Locale.ROOT)), attribute(p, "default"),
                    Boolean.parseBoolean(attribute(p, "required")), number(p, "min"), number(p, "max"),
                    choices == null ? List.of() : Arrays.stream(choices.split(",")).map(String::trim).toList(),
                    attribute(p, "help")));
        }
        String className = required(element, "class");
        NodeImplementationFactory factory = () -> (NodeImplementation) instantiate(loader, className);
        TrainTestRole role = TrainTestRole.declared(attribute(element, "split"), attribute(element, "supervised"),
                attribute(element, "rowSet"), attribute(element, "chainSource"), attribute(element, "chainEnd"), inputs,
                parameters);
        return new NodeType(required(element, "id"), required(element, "version"), required(element, "label"),
                required(element, "category"), attribute(element, "description"), inputs, outputs, parameters,
                Boolean.parseBoolean(attribute(element, "deprecated")), contributor, factory, role);
    }

    private static Object instantiate(ClassLoader loader, String className) throws ReflectiveOperationException {
        return Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
    }

    /** A bundle's plugin.xml and the name and version it contributes under. */
    private record Descriptor(URL pluginXml, String symbolicName, String version) {
        String contributor() {
            return version == null ? symbolicName : symbolicName + " " + version;
        }
    }

    private static List<Descriptor> descriptors(ClassLoader loader, List<String> problems) {
        List<Descriptor> out = new ArrayList<>();
        try {
            for (URL folder : Collections.list(loader.getResources(PLUGINS_FOLDER))) {
                for (String bundle : subfolders(folder)) {
                    URL xml = loader.getResource(PLUGINS_FOLDER + "/" + bundle + "/plugin.xml");
                    if (xml != null) {
                        out.add(descriptor(xml, bundle));
                    }
                }
            }
            for (URL xml : Collections.list(loader.getResources("plugin.xml"))) {
                out.add(descriptor(xml, xml.toString()));
            }
        } catch (IOException | URISyntaxException e) {
            problems.add("class path: cannot list plugin.xml files: " + message(e));
        }
        return out;
    }

    /** Reads the manifest beside {@code pluginXml}; without one, {@code fallbackName} names the contributor. */
    private static Descriptor descriptor(URL pluginXml, String fallbackName) throws IOException {
        String text = pluginXml.toString();
        URL manifestUrl = new URL(text.substring(0, text.length() - "plugin.xml".length()) + "META-INF/MANIFEST.MF");
        try (InputStream in = manifestUrl.openStream()) {
            var attributes = new Manifest(in).getMainAttributes();
            String name = attributes.getValue("Bundle-SymbolicName");
            if (name != null) {
                return new Descriptor(pluginXml, name.split(";")[0].trim(), attributes.getValue("Bundle-Version"));
            }
        } catch (IOException noManifest) {
            // a plugin.xml without a bundle manifest: named by its location
        }
        return new Descriptor(pluginXml, fallbackName, null);
    }

    /** Names of the folders directly inside a class path folder (a directory or a folder in a jar). */
    private static List<String> subfolders(URL folder) throws IOException, URISyntaxException {
        URI uri = folder.toURI();
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return list(fs.provider().getPath(uri));
        }
        return list(Path.of(uri));
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The attribute's value, or {@code null} when absent (as {@code IConfigurationElement.getAttribute}). */
    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static String required(Element element, String name) {
        String value = attribute(element, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getTagName() + "> lacks the attribute '" + name + "'");
        }
        return value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Double number(Element element, String name) {
        String value = attribute(element, name);
        return value == null || value.isBlank() ? null : Double.valueOf(value.trim());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
