package io.radflow.ui;

import static io.radflow.ui.UiTestSupport.pump;
import static io.radflow.ui.UiTestSupport.screenshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.diagram.Geometry.Point;
import io.radflow.ui.diagram.NodeState;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.properties.NodePropertiesView;
import io.radflow.ui.views.PipelinesView;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files the editor must survive: a node type that no installed bundle provides (shown as missing,
 * parameters kept, saved back byte for byte), a file that is not valid XMI (a clear message, never
 * written), and a file changed on disk by another program (reloaded, after asking when dirty).
 */
class PipelineEditorBadInputUiTest {

    private IWorkbenchWindow window;
    private IWorkbenchPage page;
    private Display display;
    private Path folder;

    @BeforeEach
    void setUp() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        display = window.getShell().getDisplay();
        window.getShell().setSize(1280, 800);
        page.closeAllEditors(false);
        folder = Path.of(System.getProperty("radflow.runs", "target/runs")).getParent().resolve("editor-bad-input");
        Files.createDirectories(folder);
    }

    /** Leaves no editor behind for the next test, also when this one failed. */
    @org.junit.jupiter.api.AfterEach
    void closeEditors() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
    }

    private static Pipeline withMissingType() {
        return PipelineBuilder.pipeline("Missing plug-in")
                .node("cohort", "radflow.io.cohort", "1.0.0").label("Demo cohort").at(40, 60)
                .param("manifest", "builtin:demo").output("cohort", "radflow.cohort").output("clinical", "radflow.table")
                .node("wavelet", "acme.radiomics.wavelet3d", "2.4.1").label("ACME wavelet").at(320, 60)
                .param("levels", "3").param("family", "coif1").param("note", "kept <verbatim> & \"quoted\"")
                .input("cohort", "radflow.cohort").output("images", "acme.waveletImages")
                .connect("cohort.cohort", "wavelet.cohort").build();
    }

    @Test
    void aNodeOfAMissingTypeIsShownAsMissingAndSavedBackUnchanged() throws Exception {
        Path file = folder.resolve("missing-type.radflow");
        PipelineFiles.save(withMissingType(), file);
        byte[] original = Files.readAllBytes(file);

        PipelineEditor editor = PipelinesView.open(page, file);
        assertNotNull(editor);
        assertTrue(editor.loadError().isEmpty());
        pump(display, 300);
        assertEquals(NodeState.MISSING, editor.canvas().state("wavelet"));
        assertTrue(editor.canvas().diagramLayout().model().node("wavelet").orElseThrow().missing());
        assertTrue(editor.problems().stream().anyMatch(p -> "wavelet".equals(p.nodeId()) && p.message().contains("unknown node type")));
        NodePropertiesView properties = (NodePropertiesView) page.showView(NodePropertiesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        page.activate(editor);
        editor.selectNode("wavelet");
        pump(display, 200);
        assertEquals("coif1", ((Text) properties.field("family")).getText(), "stored parameters are shown");
        screenshot(window.getShell(), "editor-missing-type");

        // saving untouched writes the same bytes
        editor.doSave(null);
        assertArrayEquals(original, Files.readAllBytes(file));

        // an edit elsewhere (moving the other node) keeps the missing node exactly as it was
        Node before = EcoreUtil.copy(editor.node("wavelet").orElseThrow());
        assertTrue(editor.execute(editor.commands().setPositions(Map.of("cohort", new Point(60, 90)), "Move")));
        assertTrue(editor.isDirty());
        editor.doSave(null);
        Pipeline reread = PipelineFiles.load(file);
        assertTrue(EcoreUtil.equals(before, reread.getNodes().get(1)), "the missing node is saved unchanged");
        assertEquals(1, reread.getConnections().size());
        // undoing the move and saving gives the original bytes again
        editor.commandStack().undo();
        editor.doSave(null);
        assertArrayEquals(original, Files.readAllBytes(file));
        page.closeEditor(editor, false);
    }

    @Test
    void aFileThatIsNotXmiGivesAClearMessageAndIsNeverWritten() throws Exception {
        Path file = folder.resolve("broken.radflow");
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<radflow:Pipeline xmlns:radflow=\"http://radflow.io/pipeline/1.0\"\n"
                + "  <nodes id=\"a\"/>\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        PipelineEditor editor = PipelinesView.open(page, file);
        assertNotNull(editor, "the editor opens to show the problem");
        pump(display, 200);
        String error = editor.loadError().orElseThrow();
        assertTrue(error.contains("broken.radflow") && error.contains(":3"), "names file and line: " + error);
        assertNull(editor.canvas());
        String shown = editor.errorControl().getText();
        assertTrue(shown.startsWith("This pipeline cannot be opened.") && shown.contains("left exactly as it is"), shown);
        assertFalse(editor.isDirty());
        assertFalse(editor.isSaveAsAllowed());
        editor.doSave(null);
        page.saveAllEditors(false);
        assertEquals(text, Files.readString(file, StandardCharsets.UTF_8), "never overwritten");
        screenshot(window.getShell(), "editor-invalid-xmi");
        page.closeEditor(editor, false);
    }

    @Test
    void aFileChangedOnDiskIsReloadedAskingFirstWhenThereAreUnsavedEdits() throws Exception {
        Path file = folder.resolve("changing.radflow");
        Pipeline first = withMissingType();
        PipelineFiles.save(first, file);
        PipelineEditor editor = PipelinesView.open(page, file);
        pump(display, 200);
        assertFalse(editor.checkFileChanged(), "nothing changed yet");

        // changed by someone else while the editor is clean: reloaded silently
        Pipeline second = PipelineFiles.copy(first);
        second.getNodes().get(0).setLabel("Renamed elsewhere");
        PipelineFiles.save(second, file);
        assertTrue(editor.checkFileChanged());
        assertEquals("Renamed elsewhere", editor.node("cohort").orElseThrow().getLabel());
        assertFalse(editor.commandStack().canUndo(), "history of the old content is dropped");

        // dirty: the user keeps the edits when answering no, loses them when answering yes
        assertTrue(editor.execute(editor.commands().setLabel("cohort", "My label")));
        Pipeline third = PipelineFiles.copy(second);
        third.getNodes().get(0).setLabel("Third");
        PipelineFiles.save(third, file);
        int[] asked = new int[1];
        editor.setReloadQuestion(path -> {
            asked[0]++;
            return false;
        });
        assertFalse(editor.checkFileChanged());
        assertEquals(1, asked[0]);
        assertEquals("My label", editor.node("cohort").orElseThrow().getLabel());
        assertTrue(editor.isDirty());
        assertFalse(editor.checkFileChanged(), "not asked again for the same content");
        assertEquals(1, asked[0]);
        third.getNodes().get(0).setLabel("Fourth");
        PipelineFiles.save(third, file);
        editor.setReloadQuestion(path -> true);
        assertTrue(editor.checkFileChanged());
        assertEquals("Fourth", editor.node("cohort").orElseThrow().getLabel());
        assertFalse(editor.isDirty());

        // broken content on disk: the editor keeps what it shows and says why
        Files.writeString(file, "not xml at all");
        assertFalse(editor.checkFileChanged());
        assertEquals("Fourth", editor.node("cohort").orElseThrow().getLabel());
        assertTrue(editor.canvas().hintIsError());
        page.closeEditor(editor, false);
    }
}
