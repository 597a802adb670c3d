package io.radflow.features.shape.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.features.FeatureFamily;
import io.radflow.features.Setting;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.image.Image3D;
import io.radflow.image.io.NiftiImageIO;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.RecordingContext;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

/** The three shape nodes as plugin.xml declares them, run on a cohort holding the IBSI digital phantom. */
class ShapeNodesTest {

    @TempDir
    Path dir;

    private static Map<String, Element> nodes() throws Exception {
        InputStream in = ShapeNode.class.getClassLoader().getResourceAsStream("plugin.xml");
        if (in == null) {
            in = Files.newInputStream(Path.of(System.getProperty("radflow.repo.root", "."),
                    "bundles/io.radflow.features.shape/plugin.xml"));
        }
        Map<String, Element> out = new HashMap<>();
        try (InputStream stream = in) {
            NodeList list = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(stream)
                    .getElementsByTagName("node");
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                out.put(e.getAttribute("id"), e);
            }
        }
        return out;
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
                    p.hasAttribute("max") ? Double.valueOf(p.getAttribute("max")) : null, null,
                    p.getAttribute("help")));
        }
        for (ParameterDescriptor d : descriptors) {
            assertNull(d.check(d.defaultValue()), "default of " + d.key());
        }
        return Parameters.resolve(node.getAttribute("id"), descriptors, set);
    }

    /** Every family of the service file has a node whose class computes it and declares its settings. */
    @Test
    void pluginXmlDeclaresOneNodePerFamily() throws Exception {
        Map<String, Element> nodes = nodes();
        Set<String> keys = new TreeSet<>();
        for (FeatureFamily family : ServiceLoader.load(FeatureFamily.class, ShapeNode.class.getClassLoader())) {
            keys.add(family.key());
            Element node = nodes.get("radflow.features." + family.key());
            assertTrue(node != null, "no node for family " + family.key());
            assertEquals("Features/Original", node.getAttribute("category"));
            FeatureFamilyNode implementation = (FeatureFamilyNode) Class.forName(node.getAttribute("class"))
                    .getDeclaredConstructor().newInstance();
            assertEquals(family.key(), implementation.family().key());
            Set<String> declared = new TreeSet<>();
            NodeList params = node.getElementsByTagName("parameter");
            for (int i = 0; i < params.getLength(); i++) {
                declared.add(((Element) params.item(i)).getAttribute("key"));
            }
            for (Setting<?> setting : family.settings()) {
                assertTrue(declared.contains(setting.key()), family.key() + " node lacks parameter " + setting.key());
            }
            assertTrue(declared.containsAll(List.of("image", "mask", "label", "imageType")), declared.toString());
        }
        assertEquals(Set.of("shape", "shape2D", "morphology"), keys);
        assertEquals(3, nodes.size());
    }

    /** The morphology node reproduces IBSI's digital-phantom volume; a broken patient is reported and skipped. */
    @Test
    void morphologyAndShapeNodesOnTheDigitalPhantom() throws Exception {
        NiftiImageIO nifti = new NiftiImageIO();
        Image3D phantom = nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Image3D mask = nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        nifti.write(phantom, dir.resolve("p1_image.nii.gz"));
        nifti.write(mask, dir.resolve("p1_mask.nii.gz"));
        Files.writeString(dir.resolve("p2_image.nii.gz"), "not an image");
        Files.writeString(dir.resolve("cohort.csv"), "PatientID,portal,mask\nP1,p1_image.nii.gz,p1_mask.nii.gz\n"
                + "P2,p2_image.nii.gz,p1_mask.nii.gz\n");
        Cohort cohort = Cohort.read(dir.resolve("cohort.csv"));
        Map<String, Element> nodes = nodes();

        RecordingContext context = new RecordingContext();
        Map<String, PortObject> out = new MorphologyNode().execute(new NodeInputs("m", Map.of("cohort", cohort)),
                parameters(nodes.get("radflow.features.morphology"), Map.of()), context);
        Table table = (Table) out.get("features");
        assertEquals(1, table.rowCount());
        assertEquals(1, context.failures.size(), context.failures.toString());
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows("digital_phantom", "Morphology")) {
            if (row.ibsiId().equals("RNU0")) {
                assertEquals(row.reference(), table.column("original_morphology_Volume").number(0),
                        row.effectiveTolerance());
            }
        }

        Map<String, PortObject> shape = new ShapeNode().execute(new NodeInputs("s", Map.of("cohort", cohort)),
                parameters(nodes.get("radflow.features.shape"), Map.of("imageType", "square")), new RecordingContext());
        Table shapeTable = (Table) shape.get("features");
        assertEquals(592, shapeTable.column("square_shape_VoxelVolume").number(0), 1e-9, "74 voxels of 8 mm^3");
    }
}
