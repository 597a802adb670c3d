package io.radflow.features.texture.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.node.Parameters;
import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Setting;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.image.io.NiftiImageIO;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.RecordingContext;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The GLCM and GLRLM nodes as plugin.xml declares them, run on a one-patient cohort (the IBSI digital phantom). */
class GlcmGlrlmNodeTest {

    @TempDir
    Path dir;

    private static Element node(String id) throws Exception {
        InputStream in = GlcmNode.class.getClassLoader().getResourceAsStream("plugin.xml");
        if (in == null) {
            in = Files.newInputStream(Path.of(System.getProperty("radflow.repo.root", "."),
                    "bundles/io.radflow.features.texture/plugin.xml"));
        }
        try (InputStream stream = in) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(stream)
                    .getElementsByTagName("node");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (e.getAttribute("id").equals(id)) {
                    return e;
                }
            }
        }
        throw new AssertionError("plugin.xml declares no node " + id);
    }

    private static Parameters parameters(Element node, Map<String, String> set) {
        List<ParameterDescriptor> descriptors = new ArrayList<>();
        NodeList params = node.getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            descriptors.add(new ParameterDescriptor(p.getAttribute("key"), p.getAttribute("label"),
                    ParameterType.valueOf(p.getAttribute("type").toUpperCase(Locale.ROOT)),
                    p.hasAttribute("default") ? p.getAttribute("default") : null,
                    Boolean.parseBoolean(p.getAttribute("required")),
                    p.hasAttribute("min") ? Double.valueOf(p.getAttribute("min")) : null,
                    p.hasAttribute("max") ? Double.valueOf(p.getAttribute("max")) : null,
                    p.hasAttribute("choices") ? List.of(p.getAttribute("choices").split(",")) : null,
                    p.getAttribute("help")));
        }
        for (ParameterDescriptor d : descriptors) {
            if (d.defaultValue() != null) {
                assertNull(d.check(d.defaultValue()), "default of " + d.key());
            }
        }
        return Parameters.resolve(node.getAttribute("id"), descriptors, set);
    }

    /** Both families are registered as services and declared as nodes with every setting as a parameter. */
    @Test
    void pluginXmlAndServicesDeclareBothFamilies() throws Exception {
        Set<String> services = new TreeSet<>();
        ServiceLoader.load(FeatureFamily.class, GlcmNode.class.getClassLoader()).forEach(f -> services.add(f.key()));
        assertTrue(services.containsAll(Set.of("glcm", "glrlm")), "services: " + services);
        for (FeatureFamilyNode implementation : List.of(new GlcmNode(), new GlrlmNode())) {
            FeatureFamily family = implementation.family();
            Element node = node("radflow.features." + family.key());
            assertEquals(implementation.getClass().getName(), node.getAttribute("class"));
            assertEquals("Features/Original", node.getAttribute("category"));
            Parameters defaults = parameters(node, Map.of());
            for (Setting<?> setting : family.settings()) {
                assertTrue(hasParameter(node, setting.key()),
                        family.key() + " node lacks parameter " + setting.key());
            }
            FeatureSettings settings = implementation.settings(defaults);
            for (Setting<?> setting : family.settings()) {
                assertEquals(FeatureSettings.defaults().find(setting), settings.find(setting),
                        family.key() + ": plugin.xml default of " + setting.key() + " equals the family default");
            }
        }
    }

    private static boolean hasParameter(Element node, String key) {
        NodeList params = node.getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            if (((Element) params.item(i)).getAttribute("key").equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The nodes on the digital phantom in the IBSI convention give IBSI's "3D, averaged" reference values. */
    @Test
    void nodesComputeIbsiReferenceValues() throws Exception {
        NiftiImageIO nifti = new NiftiImageIO();
        nifti.write(nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz")),
                dir.resolve("image.nii.gz"));
        nifti.write(nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz")),
                dir.resolve("mask.nii.gz"));
        Files.writeString(dir.resolve("cohort.csv"), "PatientID,portal,mask\nP1,image.nii.gz,mask.nii.gz\n");
        Cohort cohort = Cohort.read(dir.resolve("cohort.csv"));
        Map<String, String> ibsi = Map.of("convention", "ibsi", "binWidth", "1", "resegmentRange", "[1]",
                "textureAggregation", "3D, averaged");
        for (FeatureFamilyNode implementation : List.of(new GlcmNode(), new GlrlmNode())) {
            FeatureFamily family = implementation.family();
            RecordingContext context = new RecordingContext();
            Table table = (Table) implementation.execute(new NodeInputs(family.key(), Map.of("cohort", cohort)),
                    parameters(node("radflow.features." + family.key()), ibsi), context).get("features");
            assertTrue(context.failures.isEmpty(), context.failures.toString());
            assertEquals(1, table.rowCount());
            String label = family.key().equals("glcm") ? "Co-occurrence matrix (3D, averaged)" : "Run length matrix (3D, averaged)";
            int checked = 0;
            for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows("digital_phantom", label)) {
                for (FeatureDefinition d : family.features()) {
                    if (d.ibsiId().equals(row.ibsiId()) && !d.deprecated()) {
                        assertEquals(row.reference(), table.column(FeatureValues.key("original", family.key(), d.name()))
                                .number(0), row.effectiveTolerance(), d.name());
                        checked++;
                    }
                }
            }
            assertEquals(family.key().equals("glcm") ? 23 : 16, checked, "IBSI features among the node's columns");
        }
    }
}
