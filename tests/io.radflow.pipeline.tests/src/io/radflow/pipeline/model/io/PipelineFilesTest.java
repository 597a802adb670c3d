package io.radflow.pipeline.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineFilesTest {

    private Path dir;

    @BeforeEach
    void createFolder() throws IOException {
        dir = Files.createTempDirectory("radflow-pipeline-files-");
    }

    @AfterEach
    void deleteFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void saveThenLoadGivesAnEqualPipeline() throws IOException {
        Pipeline original = TestPipelines.everything();
        Path file = dir.resolve("all.radflow");
        PipelineFiles.save(original, file);
        Pipeline loaded = PipelineFiles.load(file);
        String xmi = read(file);
        assertTrue(EcoreUtil.equals(original, loaded), () -> "round trip changed the pipeline:\n" + xmi);
        // the original stays where it was: save serialises a copy
        assertNull(original.eResource());
        // connections point at the loaded nodes, by id
        Connection first = loaded.getConnections().get(0);
        assertSame(loaded.getNodes().get(0), first.getSource());
        assertEquals("cohort.main", first.getSourcePort());
        // saving the loaded pipeline again gives the same bytes (stable, deterministic output)
        Path again = dir.resolve("again.radflow");
        PipelineFiles.save(loaded, again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void xmiUsesNodeIdsForReferencesAndUtf8() throws IOException {
        Path file = dir.resolve("small.radflow");
        Pipeline pipeline = PipelineBuilder.pipeline("Ümlaut")
                .node("a", "t.a", "1.0.0").output("out", "radflow.table")
                .node("b", "t.b", "1.0.0").input("in", "radflow.table")
                .connect("a.out", "b.in").build();
        PipelineFiles.save(pipeline, file);
        String xmi = read(file);
        assertTrue(xmi.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), xmi);
        assertTrue(xmi.contains("source=\"a\" sourcePort=\"out\" target=\"b\" targetPort=\"in\""), xmi);
        assertTrue(xmi.contains("name=\"Ümlaut\""), xmi);
        assertFalse(xmi.contains("xmi:id"), xmi);
        assertFalse(xmi.contains("\r"), xmi);
        assertEquals(xmi, PipelineFiles.toXmiString(pipeline));
    }

    @Test
    void loadedPipelineLivesInItsOwnResourceWithIdLookup() throws IOException {
        Path file = dir.resolve("ids.radflow");
        PipelineFiles.save(TestPipelines.everything(), file);
        Pipeline one = PipelineFiles.load(file);
        Pipeline two = PipelineFiles.load(file);
        assertNotSame(one.eResource().getResourceSet(), two.eResource().getResourceSet());
        Resource resource = one.eResource();
        assertSame(one.getNodes().get(2), resource.getEObject("tricky"));
    }

    @Test
    void copyIsEqualButIndependent() {
        Pipeline original = TestPipelines.everything();
        Pipeline copy = PipelineFiles.copy(original);
        assertTrue(EcoreUtil.equals(original, copy));
        Connection connection = copy.getConnections().get(0);
        assertSame(copy.getNodes().get(0), connection.getSource());
        copy.getNodes().get(0).setLabel("changed");
        assertEquals("Reader (v2)", original.getNodes().get(0).getLabel());
    }

    @Test
    void failedSerialisationKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("keep.radflow");
        Pipeline pipeline = TestPipelines.everything();
        PipelineFiles.save(pipeline, file);
        byte[] before = Files.readAllBytes(file);

        // a connection to a node that belongs to no pipeline cannot be written (dangling reference)
        Node stranger = PipelineBuilder.pipeline("other").node("stranger", "t", "1").build().getNodes().get(0);
        Pipeline broken = PipelineFiles.copy(pipeline);
        broken.getConnections().get(0).setSource(stranger);
        IOException e = assertThrows(IOException.class, () -> PipelineFiles.save(broken, file));
        assertTrue(e.getMessage().contains("keep.radflow") && e.getMessage().contains("'stranger' is not part of the pipeline"), e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir), "no temporary file may remain");
        assertTrue(EcoreUtil.equals(pipeline, PipelineFiles.load(file)));
    }

    @Test
    void failedMoveRemovesTheTemporaryFile() throws IOException {
        // the target is a non-empty folder: the text is written, the final move fails
        Path target = dir.resolve("occupied.radflow");
        Files.createDirectories(target);
        Path inside = Files.writeString(target.resolve("data.txt"), "precious");
        assertThrows(IOException.class, () -> PipelineFiles.save(TestPipelines.everything(), target));
        assertEquals("precious", Files.readString(inside));
        assertEquals(List.of(target), list(dir), "no temporary file may remain");
    }

    @Test
    void saveIntoAMissingFolderFailsWithoutCreatingIt() {
        Path file = dir.resolve("missing").resolve("p.radflow");
        assertThrows(IOException.class, () -> PipelineFiles.save(TestPipelines.everything(), file));
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void malformedXmlNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("broken.radflow");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <radflow:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:radflow="http://radflow.io/pipeline/1.0" name="x">
                  <nodes id="a" typeId="t">
                  </node>
                </radflow:Pipeline>
                """, StandardCharsets.UTF_8);
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineFiles.load(file));
        assertTrue(e.getMessage().startsWith(file + ":4:"), e.getMessage());
        assertEquals(4, e.getLine());
        assertTrue(e.getColumn() > 0);
        assertEquals(file.toString(), e.getSource());
    }

    @Test
    void unknownReferenceAndAttributeAreErrorsWithPosition() throws IOException {
        Path file = dir.resolve("dangling.radflow");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <radflow:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:radflow="http://radflow.io/pipeline/1.0" name="x">
                  <nodes id="a" typeId="t"/>
                  <connections source="a" sourcePort="o" target="nowhere" targetPort="i"/>
                </radflow:Pipeline>
                """, StandardCharsets.UTF_8);
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineFiles.load(file));
        assertTrue(e.getMessage().startsWith(file + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());

        Path colour = dir.resolve("colour.radflow");
        Files.writeString(colour, """
                <?xml version="1.0" encoding="UTF-8"?>
                <radflow:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:radflow="http://radflow.io/pipeline/1.0" name="x">
                  <nodes id="a" typeId="t" colour="red"/>
                </radflow:Pipeline>
                """, StandardCharsets.UTF_8);
        PipelineFormatException unknown = assertThrows(PipelineFormatException.class, () -> PipelineFiles.load(colour));
        assertTrue(unknown.getMessage().startsWith(colour + ":3:"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("colour"), unknown.getMessage());
    }

    @Test
    void aFileWithoutPipelineIsRejected() throws IOException {
        Path file = dir.resolve("empty.radflow");
        Files.writeString(file, "", StandardCharsets.UTF_8);
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineFiles.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void yamlFileNamesSelectTheYamlForm() throws IOException {
        Pipeline original = TestPipelines.everything();
        Path file = dir.resolve("all.yaml");
        PipelineFiles.save(original, file);
        assertTrue(read(file).startsWith("radflow: 1.0\n"), read(file));
        assertTrue(EcoreUtil.equals(original, PipelineFiles.load(file)));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
