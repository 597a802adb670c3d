package io.radflow.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.testsupport.RecordingContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CohortLoaderNodeTest {

    @TempDir
    Path temp;

    /** A minimal context that records what the node reports. */
    private static RecordingContext context(Path base, Path cache) {
        return new RecordingContext(base, cache, base.resolve("work"));
    }

    /** Runs the loader; it reports no patient failures (a missing file is a log line, a bad manifest an error). */
    private static Map<String, PortObject> run(String manifest, RecordingContext context)
            throws NodeExecutionException, CanceledExecutionException {
        Map<String, PortObject> outputs = new CohortLoaderNode().execute(new NodeInputs("load", Map.of()),
                new Parameters("load", Map.of(CohortLoaderNode.MANIFEST, manifest)), context);
        assertTrue(context.failures.isEmpty(), context.failures.toString());
        return outputs;
    }

    @Test
    void builtinDemoIsGeneratedOnceIntoTheCacheAndRecorded() throws Exception {
        Path cache = temp.resolve("cache");
        RecordingContext context = context(temp, cache);
        Map<String, PortObject> outputs = run("builtin:demo", context);

        assertEquals(Set.of("cohort", "clinical"), outputs.keySet());
        Cohort cohort = (Cohort) outputs.get("cohort");
        Table clinical = (Table) outputs.get("clinical");
        assertEquals(60, cohort.patients().size());
        assertEquals(DemoCohortGenerator.FILE_COLUMNS, cohort.fileColumns());
        assertSame(cohort.clinical(), clinical);
        assertEquals(60, clinical.rowCount());
        Path folder = cache.resolve(CohortLoaderNode.DEMO_FOLDER);
        assertEquals(folder.resolve("cohort.csv"), cohort.manifest());
        assertTrue(Files.isRegularFile(folder.resolve(".complete")));

        assertEquals(1 + 60 * DemoCohortGenerator.FILE_COLUMNS.size(), context.inputs.size());
        assertEquals(folder.resolve("cohort.csv"), context.inputs.get(0));
        assertEquals(context.inputs.size(), new HashSet<>(context.inputs).size(), "an input was recorded twice");
        assertTrue(context.inputs.contains(folder.resolve("P060_mask.nii.gz").toAbsolutePath().normalize()));
        assertTrue(context.log.stream().anyMatch(line -> line.startsWith("Generating")), context.log.toString());
        for (int i = 1; i < context.progress.size(); i++) {
            assertTrue(context.progress.get(i) >= context.progress.get(i - 1), "progress went backwards");
        }
        assertEquals(1.0, context.progress.get(context.progress.size() - 1), 1e-12);

        // second run: the complete copy is reused
        long marker = Files.getLastModifiedTime(folder.resolve(".complete")).toMillis();
        RecordingContext again = context(temp, cache);
        Cohort second = (Cohort) run("builtin:demo", again).get("cohort");
        assertEquals(60, second.patients().size());
        assertFalse(again.log.stream().anyMatch(line -> line.startsWith("Generating")), again.log.toString());
        assertEquals(marker, Files.getLastModifiedTime(folder.resolve(".complete")).toMillis());
        assertEquals(1 + 60 * DemoCohortGenerator.FILE_COLUMNS.size(), again.inputs.size());
    }

    @Test
    void aMissingManifestFailsTheNodeNamingTheFile() {
        RecordingContext context = context(temp, temp.resolve("cache"));
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> run("data/missing-cohort.csv", context));
        assertTrue(e.getMessage().contains(temp.resolve("data/missing-cohort.csv").toString()), e.getMessage());
        assertTrue(context.inputs.isEmpty());
    }

    @Test
    void aManifestThatDoesNotParseFailsTheNodeNamingTheFile() throws IOException {
        Path manifest = temp.resolve("bad.csv");
        Files.writeString(manifest, "Patient,portal\nP1,a.nii.gz\n");
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> run("bad.csv", context(temp, temp.resolve("cache"))));
        assertTrue(e.getMessage().contains(manifest.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("PatientID"), e.getMessage());

        Files.writeString(manifest, "PatientID,portal\nP1,a.nii.gz,extra\n");
        e = assertThrows(NodeExecutionException.class,
                () -> run(manifest.toString(), context(temp, temp.resolve("cache"))));
        assertTrue(e.getMessage().contains(manifest.toString()), e.getMessage());
    }

    @Test
    void relativeManifestResolvesAgainstTheBaseDirectoryAndMissingImagesAreNotAnError() throws Exception {
        Path study = Files.createDirectories(temp.resolve("study/images"));
        Files.write(study.resolve("p1_ct.nii.gz"), new byte[] {1});
        Files.write(study.resolve("p1_seg.nii.gz"), new byte[] {2});
        Files.write(study.resolve("p2_ct.nii.gz"), new byte[] {3});
        Files.writeString(temp.resolve("study/manifest.csv"), "PatientID,ct,seg,age\n"
                + "p1,images/p1_ct.nii.gz,images/p1_seg.nii.gz,70\n"
                + "p2,images/p2_ct.nii.gz,images/p2_seg.nii.gz,61\n");
        RecordingContext context = context(temp.resolve("study"), temp.resolve("cache"));
        Map<String, PortObject> outputs = run("manifest.csv", context);
        Cohort cohort = (Cohort) outputs.get("cohort");
        assertEquals(2, cohort.patients().size());
        assertEquals(List.of("ct", "seg"), cohort.fileColumns());
        assertEquals(List.of("PatientID", "age"), ((Table) outputs.get("clinical")).columnNames());
        assertEquals(List.of(temp.resolve("study/manifest.csv"), study.resolve("p1_ct.nii.gz"),
                study.resolve("p1_seg.nii.gz"), study.resolve("p2_ct.nii.gz")), context.inputs);
        assertTrue(context.log.get(context.log.size() - 1).contains("1 listed files missing"), context.log.toString());
        assertFalse(Files.exists(temp.resolve("cache")), "a file manifest must not generate the demo cohort");
    }

    @Test
    void cancelingDuringGenerationLeavesNoCompleteMarker() {
        Path cache = temp.resolve("cache");
        RecordingContext context = context(temp, cache).cancelAfterProgress(2);
        assertThrows(CanceledExecutionException.class, () -> run("builtin:demo", context));
        assertFalse(Files.exists(cache.resolve(CohortLoaderNode.DEMO_FOLDER).resolve(".complete")));
        assertFalse(new DemoCohortGenerator().isComplete(cache.resolve(CohortLoaderNode.DEMO_FOLDER)));
    }

    @Test
    void validateRejectsUnknownBuiltinsAndEmptyValues() {
        CohortLoaderNode node = new CohortLoaderNode();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> node.validate(new Parameters("load", Map.of("manifest", "builtin:lung"))));
        assertTrue(e.getMessage().contains("builtin:demo"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> node.validate(new Parameters("load", Map.of("manifest", " "))));
        node.validate(new Parameters("load", Map.of("manifest", "builtin:demo")));
        node.validate(new Parameters("load", Map.of("manifest", "cohort/manifest.csv")));
    }

    /** The plugin.xml declaration agrees with the class: id, ports, parameter and default. */
    @Test
    void pluginXmlDeclaresTheNode() throws Exception {
        Document xml;
        try (InputStream in = openPluginXml()) {
            xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList nodes = xml.getElementsByTagName("node");
        assertEquals(1, nodes.getLength());
        Element node = (Element) nodes.item(0);
        assertEquals(CohortLoaderNode.TYPE_ID, node.getAttribute("id"));
        assertEquals("1.0.0", node.getAttribute("version"));
        assertEquals("Input", node.getAttribute("category"));
        assertEquals("Cohort", node.getAttribute("label"));
        assertEquals(CohortLoaderNode.class.getName(), node.getAttribute("class"));
        assertEquals(0, node.getElementsByTagName("input").getLength());
        NodeList outputs = node.getElementsByTagName("output");
        assertEquals(2, outputs.getLength());
        assertEquals("cohort", ((Element) outputs.item(0)).getAttribute("name"));
        assertEquals("radflow.cohort", ((Element) outputs.item(0)).getAttribute("type"));
        assertEquals("clinical", ((Element) outputs.item(1)).getAttribute("name"));
        assertEquals("radflow.table", ((Element) outputs.item(1)).getAttribute("type"));
        Element parameter = (Element) node.getElementsByTagName("parameter").item(0);
        assertEquals(CohortLoaderNode.MANIFEST, parameter.getAttribute("key"));
        assertEquals("path", parameter.getAttribute("type"));
        assertEquals(CohortLoaderNode.BUILTIN_DEMO, parameter.getAttribute("default"));
        assertFalse(parameter.getAttribute("help").isBlank());
    }

    private static InputStream openPluginXml() throws IOException {
        InputStream in = CohortLoaderNode.class.getResourceAsStream("/plugin.xml");
        if (in != null) {
            return in;
        }
        for (Path candidate : List.of(Path.of("../../bundles/io.radflow.demo/plugin.xml"),
                Path.of("bundles/io.radflow.demo/plugin.xml"))) {
            if (Files.isRegularFile(candidate)) {
                return Files.newInputStream(candidate);
            }
        }
        throw new IOException("plugin.xml of io.radflow.demo not found on the class path nor in the source tree");
    }
}
