package io.radflow.filters.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.filters.Padding;
import io.radflow.filters.Parallelism;
import io.radflow.filters.ibsi2.ConvolutionalFilter;
import io.radflow.filters.ibsi2.FilterDimensions;
import io.radflow.filters.ibsi2.GaborFilter;
import io.radflow.filters.ibsi2.LaplacianOfGaussianFilter;
import io.radflow.filters.ibsi2.LawsFilter;
import io.radflow.filters.ibsi2.MeanFilter;
import io.radflow.filters.ibsi2.Pooling;
import io.radflow.filters.ibsi2.RieszTransformFilter;
import io.radflow.filters.ibsi2.SeparableWaveletFilter;
import io.radflow.filters.ibsi2.SimoncelliWaveletFilter;
import io.radflow.filters.ibsi2.Wavelet;
import io.radflow.image.Image3D;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;
import io.radflow.testsupport.RecordingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The IBSI-2 filter nodes: their plugin.xml declarations (class, parameters, defaults that parse), and runs on a
 * cohort of one IBSI-2 phantom plus a patient with a missing file, whose written response maps must equal the
 * filter records applied directly.
 */
class Ibsi2FilterNodesTest {

    private static final String CATEGORY = "Filters/IBSI-2";
    private static final FilterDimensions D2 = FilterDimensions.TWO_D;
    private static final FilterDimensions D3 = FilterDimensions.THREE_D;

    @TempDir
    Path dir;

    /** The IBSI-2 node declarations of plugin.xml, by node id. */
    private static Map<String, Element> declarations() throws Exception {
        Path pluginXml = Path.of(System.getProperty("radflow.repo.root", "."), "bundles", "io.radflow.filters", "plugin.xml");
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile())
                .getElementsByTagName("node");
        Map<String, Element> declared = new LinkedHashMap<>();
        for (int n = 0; n < nodes.getLength(); n++) {
            Element node = (Element) nodes.item(n);
            if (node.getAttribute("category").equals(CATEGORY)) {
                declared.put(node.getAttribute("id"), node);
            }
        }
        return declared;
    }

    /** The declared defaults of a node, by parameter key. */
    private static Map<String, String> defaults(Element node) {
        Map<String, String> defaults = new LinkedHashMap<>();
        NodeList params = node.getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            defaults.put(p.getAttribute("key"), p.getAttribute("default"));
        }
        return defaults;
    }

    private static Ibsi2FilterNode instantiate(Element node) throws Exception {
        return assertInstanceOf(Ibsi2FilterNode.class,
                Class.forName(node.getAttribute("class")).getDeclaredConstructor().newInstance(), node.getAttribute("id"));
    }

    /**
     * Every IBSI-2 node is declared, instantiates, and its declared defaults make a valid filter, also with each other
     * choice of a choice parameter (dimensions aside: a 3D kernel name needs 3D; 2D is run below).
     */
    @Test
    void pluginXmlDeclaresEveryIbsi2FilterWithParsableDefaults() throws Exception {
        Map<String, Element> declared = declarations();
        assertEquals(new TreeSet<>(Set.of("mean", "log", "laws", "gabor", "wavelet", "simoncelli", "riesz").stream()
                .map(k -> "radflow.filters.ibsi2." + k).toList()), new TreeSet<>(declared.keySet()));
        for (Element node : declared.values()) {
            Ibsi2FilterNode impl = instantiate(node);
            Map<String, String> defaults = defaults(node);
            Parameters parameters = new Parameters(node.getAttribute("id"), defaults);
            impl.validate(parameters);
            ConvolutionalFilter filter = impl.filter(parameters);
            assertTrue(filter.derivedName().endsWith(defaults.get("dimensions")), filter.derivedName());
            NodeList params = node.getElementsByTagName("parameter");
            for (int i = 0; i < params.getLength(); i++) {
                Element p = (Element) params.item(i);
                assertTrue(p.hasAttribute("default") && p.getAttribute("required").equals("true"),
                        node.getAttribute("id") + " " + p.getAttribute("key"));
                if (p.getAttribute("type").equals("choice") && !p.getAttribute("key").equals("dimensions")) {
                    List<String> choices = Arrays.asList(p.getAttribute("choices").split(","));
                    assertTrue(choices.contains(p.getAttribute("default")), node.getAttribute("id") + " " + p.getAttribute("key"));
                    for (String choice : choices) {
                        Map<String, String> chosen = new LinkedHashMap<>(defaults);
                        chosen.put(p.getAttribute("key"), choice);
                        impl.filter(new Parameters(node.getAttribute("id"), chosen));
                    }
                }
            }
        }
    }

    /** Node id, phantom, parameters set in the pipeline (over the declared defaults), and the same filter as a record. */
    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("mean", "checkerboard", Map.of("support", "15", "padding", "nearest"),
                        new MeanFilter(15, D3, Padding.NEAREST)),
                Arguments.of("mean", "impulse", Map.of(), null),
                Arguments.of("log", "checkerboard", Map.of("sigma", "5", "dimensions", "2D"),
                        new LaplacianOfGaussianFilter(5, 4, D2, Padding.MIRROR)),
                Arguments.of("log", "impulse", Map.of(), null),
                Arguments.of("laws", "impulse", Map.of("kernels", "E5L5S5", "padding", "constant", "pooling", "none", "energy_delta", "0"),
                        new LawsFilter("E5L5S5", D3, Padding.CONSTANT, Pooling.NONE, 0)),
                Arguments.of("laws", "checkerboard", Map.of("kernels", "L5S5", "dimensions", "2D"),
                        new LawsFilter("L5S5", D2, Padding.MIRROR, Pooling.MAX, 7)),
                Arguments.of("gabor", "impulse", Map.of("sigma", "10", "lambda", "4", "gamma", "0.5", "theta", "60",
                        "theta_step", "0", "padding", "constant"),
                        new GaborFilter(10, 4, 0.5, Math.toRadians(60), 0, D2, Padding.CONSTANT)),
                Arguments.of("wavelet", "impulse", Map.of("wavelet", "db2", "sub_band", "LHL", "padding", "constant", "pooling", "none"),
                        new SeparableWaveletFilter(Wavelet.DB2, "LHL", 1, D3, Padding.CONSTANT, Pooling.NONE)),
                Arguments.of("wavelet", "checkerboard", Map.of("wavelet", "haar", "sub_band", "HHH", "level", "2"),
                        new SeparableWaveletFilter(Wavelet.HAAR, "HHH", 2, D3, Padding.MIRROR, Pooling.AVERAGE)),
                Arguments.of("simoncelli", "checkerboard", Map.of("level", "2"), new SimoncelliWaveletFilter(2, D3)),
                Arguments.of("riesz", "impulse", Map.of("order", "[0, 2, 0]", "sigma", "3", "padding", "constant"),
                        new RieszTransformFilter(new LaplacianOfGaussianFilter(3, 4, D3, Padding.CONSTANT), new int[] {0, 2, 0}, D3)),
                Arguments.of("riesz", "checkerboard", Map.of("base", "simoncelli", "order", "1,1,0", "level", "2", "dimensions", "2D"),
                        new RieszTransformFilter(new SimoncelliWaveletFilter(2, D2), new int[] {1, 1, 0}, D2)));
    }

    /**
     * The node writes one column {@code portal_<derived name>} whose file equals the record's response map (1e-12), and
     * reports and skips the broken patient. A null record means: the node's defaults, compared with the node's own filter
     * applied directly (the default values themselves are checked by the other runs and the declaration test).
     */
    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("runs")
    void nodeWritesTheFilterResponse(String key, String phantom, Map<String, String> set, ConvolutionalFilter expected)
            throws Exception {
        Element node = declarations().get("radflow.filters.ibsi2." + key);
        Ibsi2FilterNode impl = instantiate(node);
        Map<String, String> values = defaults(node);
        values.putAll(set);
        Parameters parameters = new Parameters(node.getAttribute("id"), values);
        ConvolutionalFilter filter = expected == null ? impl.filter(parameters) : expected;
        assertEquals(filter.parameters(), impl.filter(parameters).parameters());

        Path image = ReferenceData.file("ibsi2/ibsi_2_digital_phantom/nifti/" + phantom + "/image/" + phantom + ".nii.gz");
        Path manifest = dir.resolve("cohort.csv");
        Files.writeString(manifest, "PatientID,portal\n" + phantom + "," + image + "\nbroken," + dir.resolve("missing.nii.gz") + "\n");
        RecordingContext context = FilterNodesTest.context(dir.resolve("work"));
        Cohort out = (Cohort) impl.execute(new NodeInputs(key, Map.of("cohort", Cohort.read(manifest))), parameters, context)
                .get("cohort");

        String column = "portal_" + filter.derivedName();
        assertEquals(List.of("portal", column), out.fileColumns());
        assertEquals(1, out.patients().size());
        assertEquals(phantom, out.patients().get(0).id());
        assertEquals(1, context.failures.size());
        assertEquals("broken", context.failures.get(0).patient());
        assertTrue(context.failures.get(0).field().contains("missing.nii.gz"), context.failures.get(0).field());
        assertEquals(1.0, context.progress.get(context.progress.size() - 1));

        Image3D written = ImageFiles.read(out.patients().get(0).file(column));
        Image3D direct = filter.response(ImageFiles.read(image), Parallelism.single());
        assertEquals(direct.voxelCount(), written.voxelCount());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < direct.voxelCount() && differences.size() < 5; i++) {
            if (!(Math.abs(direct.get(i) - written.get(i)) <= 1e-12)) {
                differences.add("voxel " + i + ": " + written.get(i) + " != " + direct.get(i));
            }
        }
        assertTrue(differences.isEmpty(), differences.toString());
    }

    /** Bad parameter values are rejected with the parameter named. */
    @Test
    void badParametersNameTheParameter() throws Exception {
        Map<String, Element> declared = declarations();
        Map<String, String> riesz = defaults(declared.get("radflow.filters.ibsi2.riesz"));
        riesz.put("order", "1,0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ibsi2RieszNode().validate(new Parameters("r", riesz)));
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        riesz.put("order", "1,0,0");
        riesz.put("base", "gabor");
        e = assertThrows(IllegalArgumentException.class, () -> new Ibsi2RieszNode().validate(new Parameters("r", riesz)));
        assertTrue(e.getMessage().contains("base"), e.getMessage());
        Map<String, String> mean = defaults(declared.get("radflow.filters.ibsi2.mean"));
        mean.remove("support");
        e = assertThrows(IllegalArgumentException.class, () -> new Ibsi2MeanNode().validate(new Parameters("m", mean)));
        assertTrue(e.getMessage().contains("'support'"), e.getMessage());
        mean.put("support", "5");
        mean.put("image", " ");
        e = assertThrows(IllegalArgumentException.class, () -> new Ibsi2MeanNode().validate(new Parameters("m", mean)));
        assertTrue(e.getMessage().contains("'image'"), e.getMessage());
    }
}
