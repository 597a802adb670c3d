package io.radflow.filters.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.features.FeatureSettings;
import io.radflow.filters.Parallelism;
import io.radflow.filters.pyradiomics.PyRadiomicsImageType;
import io.radflow.image.Image3D;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.RecordingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Filter nodes on a two-patient cohort (brain1 and a missing file), and their plugin.xml declarations. */
class FilterNodesTest {

    /** A context whose base, cache and work folder is {@code folder}. */
    static RecordingContext context(Path folder) {
        return new RecordingContext(folder, folder, folder);
    }

    @TempDir
    Path dir;

    private Cohort cohort() throws Exception {
        Path manifest = dir.resolve("cohort.csv");
        Files.writeString(manifest, "PatientID,portal,mask\n"
                + "brain1," + ReferenceData.file("pyradiomics/brain1_image.nrrd") + "," + ReferenceData.file("pyradiomics/brain1_label.nrrd") + "\n"
                + "broken," + dir.resolve("missing.nrrd") + "," + dir.resolve("missing_mask.nrrd") + "\n");
        return Cohort.read(manifest);
    }

    /** The wavelet node adds eight columns portal_wavelet-XYZ whose files hold the filter's images; the broken patient is reported. */
    @Test
    void waveletNodeWritesOneColumnPerSubBand() throws Exception {
        RecordingContext context = context(dir.resolve("work"));
        Cohort out = (Cohort) new WaveletNode().execute(new NodeInputs("w", Map.of("cohort", cohort())),
                new Parameters("w", Map.of("image", "portal", "mask", "mask", "label", "1", "wavelet", "coif1", "level", "1",
                        "start_level", "0")), context).get("cohort");
        List<String> expected = new ArrayList<>(List.of("portal", "mask"));
        for (String band : List.of("LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH", "LLL")) {
            expected.add("portal_wavelet-" + band);
        }
        assertEquals(expected, out.fileColumns());
        assertEquals(1, out.patients().size());
        assertEquals(1, out.clinical().rowCount(), "the failed patient's clinical row goes with it");
        assertEquals(1, context.failures.size());
        assertEquals("broken", context.failures.get(0).patient());
        assertTrue(context.failures.get(0).field().contains("missing.nrrd"), context.failures.get(0).field());
        Path file = out.patients().get(0).file("portal_wavelet-HLH");
        assertTrue(file.startsWith(dir.resolve("work")) && file.toString().endsWith(".nrrd"), file.toString());
        Image3D written = ImageFiles.read(file);
        Image3D direct = PyRadiomicsImageType.WAVELET_TYPE.filter(FeatureSettings.defaults(), Parallelism.single())
                .apply(ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd")), null).get(4).image();
        assertArrayEquals(direct.voxels(), written.voxels(), 0);
        assertEquals(1.0, context.progress.get(context.progress.size() - 1));
    }

    @Test
    void canceledAndAllFailedRunsStop() throws Exception {
        RecordingContext context = context(dir.resolve("work"));
        context.cancel();
        Cohort cohort = cohort();
        assertThrows(CanceledExecutionException.class, () -> new SquareNode().execute(new NodeInputs("s", Map.of("cohort", cohort)),
                new Parameters("s", Map.of("image", "portal")), context));
        Path manifest = dir.resolve("bad.csv");
        Files.writeString(manifest, "PatientID,portal\nbroken," + dir.resolve("missing.nrrd") + "\n");
        RecordingContext fresh = context(dir.resolve("work"));
        Exception e = assertThrows(Exception.class, () -> new LoGNode().execute(
                new NodeInputs("l", Map.of("cohort", Cohort.read(manifest))),
                new Parameters("l", Map.of("image", "portal", "sigma", "[1.0]")), fresh));
        assertTrue(e.getMessage().contains("all 1 patients"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new WaveletNode().validate(new Parameters("w", Map.of("image", "portal", "wavelet", "coif99"))));
        assertTrue(bad.getMessage().contains("coif99"), bad.getMessage());
    }

    /** Every node of category Filters in plugin.xml is a PyRadiomics filter node whose parameters are the standard ones or its image type's settings. */
    @Test
    void pluginXmlDeclaresEveryImageType() throws Exception {
        Path pluginXml = Path.of(System.getProperty("radflow.repo.root", "."), "bundles", "io.radflow.filters", "plugin.xml");
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile())
                .getElementsByTagName("node");
        Set<String> types = new HashSet<>();
        for (int n = 0; n < nodes.getLength(); n++) {
            Element node = (Element) nodes.item(n);
            if (!node.getAttribute("category").equals("Filters")) {
                continue;
            }
            NodeImplementation impl = (NodeImplementation) Class.forName(node.getAttribute("class")).getDeclaredConstructor().newInstance();
            PyRadiomicsImageType type = ((PyRadiomicsFilterNode) impl).imageType();
            types.add(type.name());
            Set<String> keys = new HashSet<>(Set.of("image", "mask", "label"));
            type.settings().forEach(s -> keys.add(s.key()));
            NodeList params = node.getElementsByTagName("parameter");
            for (int i = 0; i < params.getLength(); i++) {
                Element p = (Element) params.item(i);
                assertTrue(keys.contains(p.getAttribute("key")), node.getAttribute("id") + " parameter " + p.getAttribute("key"));
                type.settings().stream().filter(s -> s.key().equals(p.getAttribute("key")))
                        .forEach(s -> s.convert(p.getAttribute("default")));
            }
        }
        Set<String> all = new HashSet<>();
        PyRadiomicsImageType.all().forEach(t -> all.add(t.name()));
        assertEquals(all, types);
    }
}
