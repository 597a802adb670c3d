package io.radflow.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

/** Copied nodes as pipeline text: what goes in, what comes back, what is refused. */
class NodeClipboardTest {

    private static Pipeline pipeline() {
        return PipelineBuilder.pipeline("p")
                .node("a", "test.cohort", "1.0.0").at(10, 20).output("cohort", "radflow.cohort")
                .node("b", "test.features", "1.0.0").at(200, 20).param("binWidth", "10").input("cohort", "radflow.cohort")
                .output("features", "radflow.table")
                .node("c", "not.installed", "3.1.0").at(400, 20).param("secret", "kept").input("in", "radflow.table")
                .connect("a.cohort", "b.cohort").connect("b.features", "c.in").build();
    }

    @Test
    void selectedNodesAndTheWiresBetweenThemRoundTrip() {
        Pipeline p = pipeline();
        Pipeline fragment = NodeClipboard.parse(NodeClipboard.serialize(p, List.of("b", "c"))).orElseThrow();
        assertEquals(NodeClipboard.FRAGMENT_NAME, fragment.getName());
        assertEquals(List.of("b", "c"), fragment.getNodes().stream().map(Node::getId).toList());
        assertEquals(1, fragment.getConnections().size());
        assertEquals("c", fragment.getConnections().get(0).getTarget().getId());
        // nodes come back equal, including those of uninstalled types with their parameters
        assertTrue(EcoreUtil.equals(p.getNodes().get(1), fragment.getNodes().get(0)));
        assertTrue(EcoreUtil.equals(p.getNodes().get(2), fragment.getNodes().get(1)));
        assertEquals(3, p.getNodes().size(), "the source pipeline is unchanged");
        assertEquals(2, p.getConnections().size());
    }

    @Test
    void ordinaryTextIsNothingToPaste() throws Exception {
        assertFalse(NodeClipboard.parse(null).isPresent());
        assertFalse(NodeClipboard.parse("hello").isPresent());
        assertFalse(NodeClipboard.parse("<radflow:Pipeline xmlns:radflow=\"http://radflow.io/pipeline/1.0\"").isPresent());
        assertThrows(IllegalArgumentException.class, () -> NodeClipboard.serialize(pipeline(), List.of("zz")));
    }

    @Test
    void fileStampsIgnoreTouchesButNoticeEdits() throws Exception {
        Path file = Files.createTempFile("stamp", ".radflow");
        try {
            Files.writeString(file, "one");
            FileStamp stamp = FileStamp.of(file);
            assertFalse(stamp.contentChanged(file));
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(stamp.modifiedMillis() + 5000));
            assertFalse(stamp.contentChanged(file), "same content, new time");
            Files.writeString(file, "two");
            assertTrue(stamp.contentChanged(file));
            Files.delete(file);
            assertTrue(stamp.contentChanged(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
