package io.radflow.ui;

import static io.radflow.ui.UiDriver.click;
import static io.radflow.ui.UiDriver.drag;
import static io.radflow.ui.UiTestSupport.pump;
import static io.radflow.ui.UiTestSupport.screenshot;
import static io.radflow.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.diagram.DiagramLayout;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.NodeState;
import io.radflow.ui.editor.EditorCommandHandler;
import io.radflow.ui.editor.PipelineCanvas;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.palette.PaletteComposite;
import io.radflow.ui.problems.ProblemsView;
import io.radflow.ui.properties.NodePropertiesView;
import io.radflow.ui.run.PipelineRunJob;
import io.radflow.ui.views.PipelinesView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

/**
 * Builds a pipeline the way a user does: drags nodes from the palette, connects ports (and is
 * refused for incompatible ones), edits parameters in the Properties view, undoes and redoes, saves,
 * reopens, runs, edits a downstream parameter (the node turns stale) and re-runs with the upstream
 * results taken from the cache; copy/paste, rubber band, align and auto-layout. Each step asserts on
 * the model and saves a screenshot to target/screenshots/editor-*.png.
 */
class PipelineEditorUiTest {

    private static final long RUN_TIMEOUT_MILLIS = 10 * 60 * 1000;

    private IWorkbenchWindow window;
    private IWorkbenchPage page;
    private Display display;

    /** Leaves no editor behind for the next test, also when this one failed. */
    @org.junit.jupiter.api.AfterEach
    void closeEditors() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
    }

    @Test
    void buildsEditsSavesReopensAndRunsAPipeline() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        display = window.getShell().getDisplay();
        window.getShell().setSize(1280, 800);
        page.closeAllEditors(false);
        Path folder = Path.of(System.getProperty("radflow.runs", "target/runs")).getParent().resolve("editor-ui");
        Files.createDirectories(folder);
        Path file = folder.resolve("built.radflow");
        PipelineFiles.save(PipelineBuilder.pipeline("Built in the editor").build(), file);

        PipelineEditor editor = PipelinesView.open(page, file);
        assertNotNull(editor);
        NodePropertiesView properties = (NodePropertiesView) page.showView(NodePropertiesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        ProblemsView problems = (ProblemsView) page.showView(ProblemsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        page.activate(editor);
        pump(display, 300);
        PipelineCanvas canvas = editor.canvas();
        Pipeline model = editor.pipeline();

        // 1. Palette: search, then drag three nodes onto the canvas.
        PaletteComposite palette = editor.palette();
        palette.searchField().setText("first-order");
        assertNotNull(palette.item("radflow.features.firstOrder"));
        assertEquals(null, palette.item("radflow.io.cohort"), "the search hides non-matching nodes");
        palette.searchField().setText("");
        pump(display, 200);
        Rectangle area = canvas.getClientArea();
        assertTrue(area.width > 500 && area.height > 250, "canvas area " + area);
        Point cohortAt = new Point(area.width * 18 / 100, area.height * 60 / 100);
        dragFromPalette(palette, canvas, "radflow.io.cohort", cohortAt);
        assertEquals(List.of("radflow.io.cohort"), model.getNodes().stream().map(Node::getTypeId).toList());
        Node cohort = model.getNodes().get(0);
        Box cohortBox = canvas.diagramLayout().bounds(cohort.getId());
        Point cohortCentre = canvas.diagramToControl(cohortBox.center().x(), cohortBox.center().y());
        assertTrue(Math.abs(cohortCentre.x - cohortAt.x) <= 2 && Math.abs(cohortCentre.y - cohortAt.y) <= 2,
                "dropped at " + cohortCentre + ", released at " + cohortAt);
        dragFromPalette(palette, canvas, "radflow.features.firstOrder", new Point(area.width * 48 / 100, area.height * 28 / 100));
        dragFromPalette(palette, canvas, "radflow.stats.univariateCox", new Point(area.width * 82 / 100, area.height * 60 / 100));
        assertEquals(3, model.getNodes().size());
        Node features = model.getNodes().get(1);
        Node cox = model.getNodes().get(2);
        assertEquals("firstOrder", features.getId());
        assertEquals("univariateCox", cox.getId());
        assertTrue(editor.isDirty());
        assertTrue(problems.problems().stream().anyMatch(p -> features.getId().equals(p.nodeId())
                && p.message().contains("required input 'cohort' is not connected")), () -> problems.problems().toString());
        screenshot(window.getShell(), "editor-1-palette-drop");

        // 2. Connect by dragging from output ports to input ports; an incompatible pair is refused with a hint.
        connect(canvas, cohort.getId(), "cohort", features.getId(), "cohort");
        assertEquals(List.of("cohort.cohort->firstOrder.cohort"), wires(model));
        connect(canvas, features.getId(), "features", cohort.getId(), "cohort"); // to an output: nothing happens
        connect(canvas, cohort.getId(), "clinical", features.getId(), "cohort");
        assertEquals(List.of("cohort.cohort->firstOrder.cohort"), wires(model), "table into cohort input refused");
        assertTrue(canvas.hintIsError(), "refusal is shown");
        assertTrue(canvas.hint().startsWith("Incompatible ports") && canvas.hint().contains("radflow.table"), canvas.hint());
        screenshot(window.getShell(), "editor-2-incompatible-ports");
        connect(canvas, features.getId(), "features", cox.getId(), "features");
        connect(canvas, cohort.getId(), "clinical", cox.getId(), "clinical");
        assertEquals(3, model.getConnections().size());
        pump(display, 100);
        assertTrue(problems.problems().stream().noneMatch(ValidationProblem::isError), () -> problems.problems().toString());

        // 3. Properties: select first-order by a click, set the bin width; an invalid value stays out of the model.
        Box featureBox = canvas.diagramLayout().bounds(features.getId());
        Point inFeatures = canvas.diagramToControl(featureBox.x() + 40, featureBox.y() + 12);
        click(canvas, inFeatures.x, inFeatures.y, 0);
        pump(display, 200);
        assertEquals(List.of(features.getId()), canvas.selectedNodes());
        assertEquals(features.getId(), properties.shown().orElseThrow().nodeId());
        Text binWidth = (Text) properties.field("binWidth");
        assertEquals("25", binWidth.getText(), "the default is shown");
        assertTrue(binWidth.getBounds().width > 0 && binWidth.getBounds().height > 0, "laid out: " + binWidth.getBounds());
        type(binWidth, "-1");
        assertTrue(properties.message("binWidth").contains("below its minimum"), properties.message("binWidth"));
        assertEquals(Optional.empty(), parameter(features, "binWidth"));
        type(binWidth, "10");
        assertEquals("", properties.message("binWidth"));
        assertEquals(Optional.of("10"), parameter(features, "binWidth"));
        assertEquals("Set binWidth = 10", editor.commandStack().getUndoCommand().getLabel());
        screenshot(window.getShell(), "editor-3-properties");

        // 4. Undo and redo through the workbench's Edit actions (global handlers of the editor).
        editor.getEditorSite().getActionBars().getGlobalActionHandler("undo").run();
        pump(display, 150);
        assertEquals(Optional.empty(), parameter(features, "binWidth"));
        assertEquals("25", binWidth.getText(), "the view follows undo");
        editor.getEditorSite().getActionBars().getGlobalActionHandler("redo").run();
        pump(display, 150);
        assertEquals(Optional.of("10"), parameter(features, "binWidth"));
        assertEquals("10", binWidth.getText());

        // 5. Save, close and reopen: the same model comes back.
        editor.doSave(null);
        assertFalse(editor.isDirty());
        Pipeline saved = PipelineFiles.copy(model);
        assertTrue(EcoreUtil.equals(saved, PipelineFiles.load(file)), "file = model");
        page.closeEditor(editor, false);
        editor = PipelinesView.open(page, file);
        pump(display, 300);
        canvas = editor.canvas();
        model = editor.pipeline();
        assertTrue(EcoreUtil.equals(saved, model), "reopened model = saved model");
        assertEquals(3, canvas.diagramLayout().model().edges().size());
        screenshot(window.getShell(), "editor-4-reopened");

        // 6. Run: every node succeeds and turns green.
        RunResult first = run(editor, RunPipelineHandler.COMMAND_ID);
        for (Node n : model.getNodes()) {
            assertEquals(NodeState.SUCCEEDED, canvas.state(n.getId()), n.getId());
        }
        long coxFirst = first.node("univariateCox").orElseThrow().durationMillis();
        assertTrue(first.node("firstOrder").orElseThrow().durationMillis() >= 0 && coxFirst >= 0);

        // 7. A downstream edit (Cox ties) makes only Cox stale; the re-run takes the others from the cache.
        PipelineCanvas c = canvas;
        editor.selectNode("univariateCox");
        pump(display, 200);
        Combo ties = (Combo) properties.field("ties");
        ties.setText("breslow");
        ties.notifyListeners(SWT.Selection, new Event());
        pump(display, 200);
        Node coxNode = editor.node("univariateCox").orElseThrow();
        assertEquals(Optional.of("breslow"), parameter(coxNode, "ties"));
        assertEquals(NodeState.STALE, c.state("univariateCox"));
        assertEquals(NodeState.SUCCEEDED, c.state("firstOrder"));
        assertEquals(NodeState.SUCCEEDED, c.state("cohort"));
        screenshot(window.getShell(), "editor-5-stale");
        PipelineRunJob[] job = new PipelineRunJob[1];
        RunResult second = run(editor, RunPipelineHandler.COMMAND_ID, job);
        assertEquals(java.util.Set.of("cohort", "firstOrder"), job[0].reusedNodes(), "upstream results come from the cache");
        assertEquals("cached", c.caption("firstOrder"));
        assertEquals(NodeState.SUCCEEDED, c.state("univariateCox"));
        assertEquals(RunStatus.SUCCEEDED, second.status());

        // 8. Run to a selected node runs it and its upstream only.
        editor.selectNode("firstOrder");
        RunResult partial = run(editor, EditorCommandHandler.RUN_TO_SELECTION);
        assertEquals(List.of("cohort", "firstOrder"), partial.nodes().stream().map(r -> r.nodeId()).toList());

        // 9. Copy and paste, rubber band, align, auto-layout, delete.
        editor.selectNode("firstOrder");
        editor.action("copy").run();
        editor.action("paste").run();
        pump(display, 150);
        assertEquals(4, model.getNodes().size());
        assertEquals(List.of("firstOrder2"), c.selectedNodes());
        Node pasted = editor.node("firstOrder2").orElseThrow();
        assertEquals(Optional.of("10"), parameter(pasted, "binWidth"), "parameters travel with the copy");
        editor.action("autoLayout").run();
        pump(display, 150);
        for (Node n : model.getNodes()) {
            assertEquals(DiagramLayout.layered(c.diagramLayout().model()).get(n.getId()).x(), n.getX(), n.getId());
        }
        Box all = c.diagramLayout().contentBounds();
        Point from = c.diagramToControl(all.x() - 10, all.y() - 10);
        Point to = c.diagramToControl(all.right() + 5, all.bottom() + 5);
        drag(c, from, to, 1);
        pump(display, 100);
        assertEquals(4, c.selectedNodes().size(), "rubber band selects everything");
        click(c, c.diagramToControl(c.diagramLayout().bounds("cohort").x() + 40, c.diagramLayout().bounds("cohort").y() + 12).x,
                c.diagramToControl(c.diagramLayout().bounds("cohort").x() + 40, c.diagramLayout().bounds("cohort").y() + 12).y, 0);
        Box f2 = c.diagramLayout().bounds("firstOrder2");
        Point f2At = c.diagramToControl(f2.x() + 40, f2.y() + 12);
        click(c, f2At.x, f2At.y, SWT.SHIFT);
        assertEquals(List.of("cohort", "firstOrder2"), c.selectedNodes(), "shift-click adds to the selection");
        editor.action("align.TOP").run();
        pump(display, 100);
        assertEquals(editor.node("cohort").orElseThrow().getY(), pasted.getY());
        editor.action("fit").run();
        pump(display, 100);
        screenshot(window.getShell(), "editor-6-layout");
        editor.selectNode("firstOrder2");
        editor.action("delete").run();
        pump(display, 100);
        assertEquals(3, model.getNodes().size());
        assertTrue(editor.node("firstOrder2").isEmpty());

        // 10. Zoom and pan through the wheel and the middle button.
        double before = c.scale();
        Event wheel = new Event();
        wheel.count = 1;
        wheel.stateMask = SWT.MOD1;
        wheel.x = 200;
        wheel.y = 200;
        c.notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertEquals(before * 1.2, c.scale(), 1e-9);
        Point p0 = c.diagramToControl(0, 0);
        drag(c, new Point(300, 300), new Point(340, 320), 2);
        Point p1 = c.diagramToControl(0, 0);
        assertEquals(p0.x + 40, p1.x);
        assertEquals(p0.y + 20, p1.y);
        editor.action("fit").run();

        // Run again for the README picture: everything green with the Cox table in the views.
        editor.selectNode("univariateCox");
        run(editor, RunPipelineHandler.COMMAND_ID);
        editor.doSave(null);
        editor.selectNode("firstOrder");
        pump(display, 300);
        assertEquals("10", ((Text) properties.field("binWidth")).getText());
        assertTrue(((Text) properties.field("binWidth")).getBounds().width > 0);
        screenshot(window.getShell(), "editor");
    }

    private RunResult run(PipelineEditor editor, String command) throws Exception {
        return run(editor, command, new PipelineRunJob[1]);
    }

    private RunResult run(PipelineEditor editor, String command, PipelineRunJob[] job) throws Exception {
        page.activate(editor);
        Object started = window.getService(IHandlerService.class).executeCommand(command, null);
        assertTrue(started instanceof PipelineRunJob, command + " returned " + started);
        job[0] = (PipelineRunJob) started;
        waitUntil(display, () -> job[0].getResult() != null && job[0].session().isFinished(), RUN_TIMEOUT_MILLIS, "the run");
        pump(display, 300);
        assertTrue(job[0].session().error().isEmpty(), () -> "run did not start: " + job[0].session().error().get());
        RunResult result = job[0].result();
        assertEquals(RunStatus.SUCCEEDED, result.status(), () -> result.nodes().toString());
        assertEquals(result, editor.lastResult().orElseThrow());
        return result;
    }

    private void dragFromPalette(PaletteComposite palette, PipelineCanvas canvas, String typeId, Point canvasTarget) {
        // Filtered to the one entry: with every node bundle installed the palette is longer than its view.
        palette.searchField().setText(typeId);
        pump(display, 50);
        Tree tree = palette.tree();
        TreeItem item = palette.item(typeId);
        assertNotNull(item, "palette entry " + typeId);
        tree.showItem(item);
        pump(display, 50);
        Rectangle bounds = item.getBounds();
        assertTrue(bounds.height > 0, "palette entry " + typeId + " is not shown: " + bounds);
        Point start = new Point(bounds.x + 10, bounds.y + bounds.height / 2);
        Point end = tree.toControl(canvas.toDisplay(canvasTarget));
        drag(tree, start, end, 1);
        pump(display, 150);
        palette.searchField().setText("");
    }

    private void connect(PipelineCanvas canvas, String fromNode, String fromPort, String toNode, String toPort) {
        DiagramLayout layout = canvas.diagramLayout();
        io.radflow.ui.diagram.Geometry.Point a = layout.portCenter(fromNode, fromPort, false);
        boolean toInput = layout.model().node(toNode).orElseThrow().inputs().stream().anyMatch(p -> p.name().equals(toPort));
        io.radflow.ui.diagram.Geometry.Point b = layout.portCenter(toNode, toPort, toInput);
        drag(canvas, canvas.diagramToControl(a.x(), a.y()), canvas.diagramToControl(b.x(), b.y()), 1);
        pump(display, 150);
    }

    private void type(Text text, String value) {
        text.setText(value);
        text.notifyListeners(SWT.DefaultSelection, new Event());
        pump(display, 100);
    }

    private static Optional<String> parameter(Node node, String key) {
        return node.getParameters().stream().filter(p -> key.equals(p.getKey())).map(Parameter::getValue).findFirst();
    }

    private static List<String> wires(Pipeline p) {
        return p.getConnections().stream().map((Connection c) -> c.getSource().getId() + "." + c.getSourcePort() + "->"
                + c.getTarget().getId() + "." + c.getTargetPort()).toList();
    }
}
