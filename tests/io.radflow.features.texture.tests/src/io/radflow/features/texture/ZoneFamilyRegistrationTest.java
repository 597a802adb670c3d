package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.features.FeatureFamily;
import io.radflow.features.Setting;
import io.radflow.features.nodes.FeatureFamilyNode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The zone families are declared as nodes in plugin.xml and as services, with every setting a parameter. */
class ZoneFamilyRegistrationTest {

    private static final List<FeatureFamily> FAMILIES = List.of(new GlszmFeatures(), new GldmFeatures(),
            new NgtdmFeatures(), new GldzmFeatures(), new NgldmFeatures());

    private static InputStream bundleFile(String name) throws Exception {
        InputStream in = GlszmFeatures.class.getClassLoader().getResourceAsStream(name);
        return in != null ? in : Files.newInputStream(Path.of(System.getProperty("radflow.repo.root", "."),
                "bundles/io.radflow.features.texture", name));
    }

    @Test
    void everyFamilyHasANodeWhoseParametersCoverItsSettings() throws Exception {
        Map<String, Element> nodes = new TreeMap<>();
        try (InputStream in = bundleFile("plugin.xml")) {
            NodeList list = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("node");
            for (int i = 0; i < list.getLength(); i++) {
                Element node = (Element) list.item(i);
                nodes.put(node.getAttribute("id"), node);
            }
        }
        for (FeatureFamily family : FAMILIES) {
            Element node = nodes.get("radflow.features." + family.key());
            assertTrue(node != null, "plugin.xml declares no node radflow.features." + family.key());
            FeatureFamilyNode implementation = (FeatureFamilyNode) Class.forName(node.getAttribute("class"))
                    .getDeclaredConstructor().newInstance();
            assertEquals(family.key(), implementation.family().key(), node.getAttribute("class"));
            Set<String> parameters = new HashSet<>();
            NodeList list = node.getElementsByTagName("parameter");
            for (int i = 0; i < list.getLength(); i++) {
                Element p = (Element) list.item(i);
                parameters.add(p.getAttribute("key"));
                ParameterDescriptor descriptor = new ParameterDescriptor(p.getAttribute("key"), p.getAttribute("label"),
                        ParameterType.valueOf(p.getAttribute("type").toUpperCase(Locale.ROOT)), p.getAttribute("default"),
                        Boolean.parseBoolean(p.getAttribute("required")), number(p, "min"), number(p, "max"),
                        p.getAttribute("choices").isEmpty() ? List.of()
                                : Arrays.stream(p.getAttribute("choices").split(",")).map(String::trim).toList(),
                        p.getAttribute("help"));
                assertEquals(null, descriptor.check(descriptor.defaultValue()), family.key() + " default of " + descriptor.key());
            }
            for (Setting<?> setting : family.settings()) {
                assertTrue(parameters.contains(setting.key()), family.key() + " node lacks parameter " + setting.key());
            }
            assertTrue(parameters.containsAll(List.of("image", "mask", "label", "imageType")), family.key());
        }
    }

    private static Double number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? null : Double.valueOf(value);
    }

    @Test
    void everyFamilyIsAService() throws Exception {
        Set<String> listed = new HashSet<>();
        try (InputStream in = bundleFile("META-INF/services/io.radflow.features.FeatureFamily")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    listed.add(line.trim());
                }
            }
        }
        for (FeatureFamily family : FAMILIES) {
            assertTrue(listed.contains(family.getClass().getName()), family.getClass().getName() + " not in META-INF/services");
        }
    }
}
