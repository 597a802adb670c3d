package io.radflow.ui;

import static io.radflow.ui.UiTestSupport.pump;
import static io.radflow.ui.UiTestSupport.screenshot;
import static io.radflow.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.model.Node;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Rgb;
import io.radflow.ui.diagram.NodeState;
import io.radflow.ui.editor.PipelineCanvas;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.editor.PipelineEditorInput;
import io.radflow.ui.editor.SelectedNode;
import io.radflow.ui.run.PipelineRunJob;
import io.radflow.ui.views.PipelinesView;
import io.radflow.ui.views.ResultsView;
import io.radflow.ui.views.RunView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.swt.ChartComposite;
import org.junit.jupiter.api.Test;

/**
 * Drives the studio like a user: opens examples/demo.radflow from the Pipelines view's folder,
 * runs it through the Run command, and checks the editor colours, the Run view, the Results view's
 * Kaplan-Meier chart; saves a screenshot to target/screenshots/studio-demo.png.
 */
class StudioDemoUiTest {

    private static final long RUN_TIMEOUT_MILLIS = 10 * 60 * 1000;

    @Test
    void runsTheDemoAndShowsTheKaplanMeierChart() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        IWorkbenchPage page = window.getActivePage();
        Display display = window.getShell().getDisplay();
        assertEquals(StudioPerspective.ID, page.getPerspective().getId());
        window.getShell().setSize(1280, 800);
        assertEquals("Radflow Studio", window.getShell().getText());

        // The Pipelines view lists the demo of the examples folder.
        Path workspace = PipelinesView.workspaceFolder();
        Path demo = workspace.resolve("demo.radflow");
        assertTrue(Files.isRegularFile(demo), "missing " + demo + " (radflow.workspace=" + workspace + ")");
        PipelinesView pipelines = (PipelinesView) page.showView(PipelinesView.ID);
        Object[] roots = ((org.eclipse.jface.viewers.ITreeContentProvider) pipelines.viewer().getContentProvider())
                .getElements(pipelines.viewer().getInput());
        assertTrue(Arrays.asList(roots).contains(demo), "Pipelines view shows " + Arrays.toString(roots));

        PipelineEditor editor = PipelinesView.open(page, demo);
        assertNotNull(editor, "the demo did not open");
        assertEquals(new PipelineEditorInput(demo), editor.getEditorInput());
        List<Node> nodes = editor.pipeline().getNodes();
        assertEquals(6, nodes.size(), "nodes of the demo");
        pump(display, 200);

        // Pipeline > Run, through the command as the menu does.
        IHandlerService handlers = window.getService(IHandlerService.class);
        Object job = handlers.executeCommand(RunPipelineHandler.COMMAND_ID, null);
        assertTrue(job instanceof PipelineRunJob, "Run returned " + job);
        PipelineRunJob run = (PipelineRunJob) job;
        waitUntil(display, () -> run.getResult() != null && run.session().isFinished(), RUN_TIMEOUT_MILLIS,
                "the demo run");
        pump(display, 300);

        assertTrue(run.session().error().isEmpty(), () -> "run did not start: " + run.session().error().get());
        RunResult result = run.result();
        assertNotNull(result);
        assertEquals(RunStatus.SUCCEEDED, result.status(), () -> "run failed: " + failures(result));
        assertEquals(result, editor.lastResult().orElseThrow());

        // The editor shows every node green, in its model and on screen.
        PipelineCanvas canvas = editor.canvas();
        ImageData pixels = snapshot(canvas);
        org.eclipse.swt.graphics.Rectangle area = canvas.getClientArea();
        Point visible = new Point(area.width, area.height);
        int checkedOnScreen = 0;
        for (Node node : nodes) {
            assertEquals(NodeState.SUCCEEDED, canvas.state(node.getId()), "state of " + node.getId());
            Box box = canvas.diagramLayout().bounds(node.getId());
            // below the texts, inside the rounded border, in control coordinates (the diagram is zoomed to fit)
            Point at = canvas.diagramToControl(box.x() + 16, box.bottom() - 5);
            int x = at.x;
            int y = at.y;
            if (x < visible.x && y < visible.y) {
                RGB rgb = pixels.palette.getRGB(pixels.getPixel(x, y));
                Rgb green = NodeState.SUCCEEDED.fill();
                assertEquals(new RGB(green.red(), green.green(), green.blue()), rgb, "pixel inside " + node.getId());
                checkedOnScreen++;
            }
        }
        assertTrue(checkedOnScreen > 0, "no node box is visible in the editor");

        // The Run view lists the six nodes as succeeded.
        RunView runView = (RunView) page.findView(RunView.ID);
        assertNotNull(runView);
        assertTrue(runView.session().rows().stream().allMatch(r -> r.status().equals("succeeded")),
                () -> "run view rows: " + runView.session().rows().stream().map(r -> r.nodeId() + "=" + r.status()).toList());
        assertTrue(runView.statusText().startsWith("Succeeded in"), runView.statusText());

        // After the run, the Results view shows the Kaplan-Meier chart of the run.
        ResultsView results = (ResultsView) page.findView(ResultsView.ID);
        assertNotNull(results, "Results view not open");
        PortObject shown = results.shownOutput().orElseThrow().object();
        assertEquals(PortTypes.SURVIVAL_CURVES, shown.portTypeId());
        ChartComposite chartComposite = results.chartComposite().orElseThrow(() -> new AssertionError("no chart shown"));
        assertTrue(chartComposite.isVisible());
        JFreeChart chart = chartComposite.getChart();
        XYPlot plot = io.radflow.charts.KaplanMeierChart.survivalPlot(chart);
        int groups = ((io.radflow.stats.nodes.SurvivalCurves) shown).curves().size();
        assertEquals(2, groups, "groups of the demo's Kaplan-Meier curves");
        assertEquals(groups, plot.getDataset().getSeriesCount(), "series of the Kaplan-Meier plot");

        // Clicking a node makes the Results view follow: the node that made the curves.
        String kmNode = result.nodes().stream().filter(r -> r.outputs().values().contains(shown))
                .map(NodeRunRecord::nodeId).findFirst().orElseThrow();
        Box kmBox = canvas.diagramLayout().bounds(kmNode);
        Point kmAt = canvas.diagramToControl(kmBox.x() + 20, kmBox.y() + 10);
        click(canvas, kmAt.x, kmAt.y);
        pump(display, 200);
        assertEquals(kmNode, canvas.selectedNode());
        Object selected = ((IStructuredSelection) editor.getSite().getSelectionProvider().getSelection()).getFirstElement();
        assertEquals(kmNode, ((SelectedNode) selected).nodeId());
        assertTrue(results.items().stream().allMatch(i -> i.node().getId().equals(kmNode)), "results follow the selection");
        assertTrue(results.chartComposite().isPresent());
        String otherNode = nodes.stream().map(Node::getId).filter(id -> !id.equals(kmNode)).findFirst().orElseThrow();
        editor.selectNode(otherNode);
        pump(display, 100);
        assertTrue(results.items().stream().allMatch(i -> i.node().getId().equals(otherNode)));

        // Dragging a node moves it through one undoable EMF command and makes the editor dirty.
        Node moving = nodes.get(0);
        int oldX = moving.getX();
        int oldY = moving.getY();
        Box before = canvas.diagramLayout().bounds(moving.getId());
        Point from = canvas.diagramToControl(before.x() + 30, before.y() + 12);
        drag(canvas, from, new Point(from.x + 40, from.y + 24));
        pump(display, 200);
        double scale = canvas.scale();
        assertEquals(oldX + (int) Math.round(40 / scale), moving.getX(), "x after the drag");
        assertEquals(oldY + (int) Math.round(24 / scale), moving.getY(), "y after the drag");
        assertEquals(moving.getX(), canvas.diagramLayout().bounds(moving.getId()).x(), "diagram follows the model");
        assertTrue(editor.isDirty(), "a moved node makes the pipeline dirty");
        assertTrue(editor.commandStack().getUndoCommand().getLabel().startsWith("Move "));
        editor.commandStack().undo();
        pump(display, 200);
        assertEquals(oldX, moving.getX());
        assertEquals(oldY, moving.getY());
        assertTrue(!editor.isDirty(), "undo back to the saved state");

        editor.selectNode(kmNode);
        pump(display, 500);

        Path screenshot = screenshot(window.getShell(), "studio-demo");
        assertTrue(Files.size(screenshot) > 10_000, "screenshot " + screenshot + " is suspiciously small");
    }

    private static String failures(RunResult result) {
        return result.nodes().stream().filter(r -> r.error() != null).map(r -> r.nodeId() + ": " + r.error()).toList()
                + " " + result.patientFailures();
    }

    private static void click(PipelineCanvas canvas, int x, int y) {
        Event down = new Event();
        down.button = 1;
        down.x = x;
        down.y = y;
        canvas.notifyListeners(SWT.MouseDown, down);
        Event up = new Event();
        up.button = 1;
        up.x = x;
        up.y = y;
        canvas.notifyListeners(SWT.MouseUp, up);
    }

    private static void drag(PipelineCanvas canvas, Point from, Point to) {
        Event down = new Event();
        down.button = 1;
        down.x = from.x;
        down.y = from.y;
        canvas.notifyListeners(SWT.MouseDown, down);
        for (int step = 1; step <= 4; step++) {
            Event move = new Event();
            move.stateMask = SWT.BUTTON1;
            move.x = from.x + (to.x - from.x) * step / 4;
            move.y = from.y + (to.y - from.y) * step / 4;
            canvas.notifyListeners(SWT.MouseMove, move);
        }
        Event up = new Event();
        up.button = 1;
        up.x = to.x;
        up.y = to.y;
        canvas.notifyListeners(SWT.MouseUp, up);
    }

    private static ImageData snapshot(org.eclipse.swt.widgets.Control control) {
        control.redraw();
        control.update();
        Point size = control.getSize();
        Image image = new Image(control.getDisplay(), size.x, size.y);
        GC gc = new GC(control);
        try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

}
