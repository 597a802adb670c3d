package io.radflow.features.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.Setting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every node declared in this bundle's plugin.xml is a {@link FeatureFamilyNode} whose parameters are the
 * standard ones or settings of its family, with defaults its settings accept; the service file lists the
 * same families.
 */
class FeatureNodeDeclarationsTest {

    private static final Set<String> STANDARD = Set.of("image", "mask", "imageType", "label");

    @Test
    void pluginXmlNodesMatchTheirFamilies() throws Exception {
        Path pluginXml = Path.of(System.getProperty("radflow.repo.root", "."), "bundles", "io.radflow.features", "plugin.xml");
        assertTrue(Files.isRegularFile(pluginXml), "plugin.xml at " + pluginXml);
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile())
                .getElementsByTagName("node");
        Set<String> familyClasses = new HashSet<>();
        for (int n = 0; n < nodes.getLength(); n++) {
            Element node = (Element) nodes.item(n);
            String id = node.getAttribute("id");
            Object instance = Class.forName(node.getAttribute("class")).getDeclaredConstructor().newInstance();
            if (instance instanceof RelativeIntensityNode) {
                continue; // two masks: not a single-family node
            }
            assertTrue(instance instanceof FeatureFamilyNode, id + " extends FeatureFamilyNode");
            FeatureFamily family = ((FeatureFamilyNode) instance).family();
            familyClasses.add(family.getClass().getName());
            assertEquals("radflow.features." + family.key().toLowerCase(), id.toLowerCase(), "node id names the family key");
            NodeList parameters = node.getElementsByTagName("parameter");
            for (int p = 0; p < parameters.getLength(); p++) {
                Element parameter = (Element) parameters.item(p);
                String key = parameter.getAttribute("key");
                if (STANDARD.contains(key)) {
                    continue;
                }
                Setting<?> setting = family.settings().stream().filter(s -> s.key().equals(key)).findFirst()
                        .orElse(null);
                assertTrue(setting != null, id + ": parameter '" + key + "' is not a setting of family " + family.key());
                if (parameter.hasAttribute("default")) {
                    FeatureSettings.defaults().with(setting, parameter.getAttribute("default"));
                }
            }
        }
        Set<String> services = new HashSet<>();
        ServiceLoader.load(FeatureFamily.class, FeatureFamily.class.getClassLoader()).stream()
                .forEach(p -> services.add(p.type().getName()));
        if (!services.isEmpty()) {
            assertEquals(services, familyClasses, "META-INF/services lists the families of the nodes");
        }
        assertTrue(familyClasses.size() >= 5, "families declared: " + familyClasses);
    }
}
