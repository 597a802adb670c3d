package io.radflow.ui;

import static io.radflow.ui.UiTestSupport.pump;
import static io.radflow.ui.UiTestSupport.screenshot;
import static io.radflow.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.KaplanMeierChart;
import io.radflow.core.data.Cohort;
import io.radflow.core.port.PortTypes;
import io.radflow.demo.DemoCohortGenerator;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.model.Node;
import io.radflow.stats.nodes.SurvivalCurves;
import io.radflow.ui.compare.ComparisonView;
import io.radflow.ui.compare.CurveOverlay;
import io.radflow.ui.compare.PipelineDiff;
import io.radflow.ui.compare.VariantSweep;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.editor.SelectedNode;
import io.radflow.ui.images.ImageViewerView;
import io.radflow.ui.images.OverlayStyle;
import io.radflow.ui.images.Slice;
import io.radflow.ui.images.SliceOrientation;
import io.radflow.ui.images.SliceRenderer;
import io.radflow.ui.images.WindowLevel;
import io.radflow.ui.run.PipelineRunJob;
import io.radflow.ui.views.ChartView;
import io.radflow.ui.views.FilteredTable;
import io.radflow.ui.views.PipelinesView;
import io.radflow.ui.views.ResultsView;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The inspection and comparison views, driven like a user on the demo: a run's Kaplan-Meier chart with
 * its risk table in the Results view, exported as PNG, SVG and PDF and opened in a chart view; a patient
 * of the demo cohort opened in the image viewer with its mask; the demo compared with a variant of
 * another bin width. Each step saves a screenshot (result-chart, image-viewer, comparison) and asserts on
 * the data behind the pixels.
 */
class StudioViewsUiTest {

    private static final long RUN_TIMEOUT_MILLIS = 10 * 60 * 1000;

    @Test
    void inspectsResultsImagesAndComparesPipelines() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Display display = window.getShell().getDisplay();
        window.getShell().setSize(1280, 800);

        // Work on a copy of the demo so that variants and runs stay out of examples/.
        Path folder = Files.createDirectories(UiTestSupport.screenshotFolder().resolveSibling("views-test"));
        Path demo = folder.resolve("demo.radflow");
        Files.copy(PipelinesView.workspaceFolder().resolve("demo.radflow"), demo, StandardCopyOption.REPLACE_EXISTING);
        PipelineEditor editor = PipelinesView.open(page, demo);
        assertNotNull(editor);
        PipelineRunJob run = (PipelineRunJob) window.getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand(RunPipelineHandler.COMMAND_ID, null);
        waitUntil(display, () -> run.getResult() != null && run.session().isFinished(), RUN_TIMEOUT_MILLIS, "the demo run");
        pump(display, 300);
        RunResult result = run.result();
        assertEquals(RunStatus.SUCCEEDED, result.status());

        // 1. The Results view shows the Kaplan-Meier chart with the numbers at risk under it.
        ResultsView results = (ResultsView) page.findView(ResultsView.ID);
        SurvivalCurves curves = (SurvivalCurves) results.shownOutput().orElseThrow().object();
        JFreeChart chart = results.chartComposite().orElseThrow().getChart();
        XYPlot survival = KaplanMeierChart.survivalPlot(chart);
        assertEquals(curves.curves().size(), survival.getDataset().getSeriesCount());
        XYPlot riskPlot = KaplanMeierChart.riskTablePlot(chart).orElseThrow(() -> new AssertionError("no risk table"));
        int total = curves.curves().stream().mapToInt(c -> c.n()).sum();
        int atZero = riskPlot.getAnnotations().stream().filter(a -> a instanceof org.jfree.chart.annotations.XYTextAnnotation t
                && t.getX() == 0).mapToInt(a -> Integer.parseInt(((org.jfree.chart.annotations.XYTextAnnotation) a).getText()))
                .sum();
        assertEquals(total, atZero, "numbers at risk at time 0 add up to the cohort");
        assertEquals(DemoCohortGenerator.DEFAULT_PATIENTS, total);

        Path exports = Files.createDirectories(folder.resolve("exports"));
        Path png = results.exportChart(exports.resolve("km.png"));
        Path svg = results.exportChart(exports.resolve("km.svg"));
        Path pdf = results.exportChart(exports.resolve("km.pdf"));
        assertTrue(ImageIO.read(png.toFile()).getWidth() >= 800);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTagName());
        byte[] pdfBytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(pdfBytes, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(new String(pdfBytes, StandardCharsets.ISO_8859_1).contains("%%EOF"));
        assertTrue(pdfBytes.length > 1000);

        ChartView chartView = results.openChartView().orElseThrow();
        assertEquals(chart, chartView.chart());
        page.setPartState(page.getReference(chartView), IWorkbenchPage.STATE_MAXIMIZED);
        pump(display, 500);
        assertTrue(Files.size(screenshot(window.getShell(), "result-chart")) > 10_000);
        page.setPartState(page.getReference(chartView), IWorkbenchPage.STATE_RESTORED);
        page.hideView(chartView);

        // 2. The cohort node's output lists the patients; a double-click opens the portal image with its mask.
        Node cohortNode = editor.pipeline().getNodes().stream().filter(n -> n.getId().equals("cohort")).findFirst()
                .orElseThrow();
        results.showNode(new SelectedNode(editor, cohortNode.getId()));
        pump(display, 200);
        FilteredTable patients = results.filteredTable().orElseThrow(() -> new AssertionError("no patient table"));
        assertEquals(DemoCohortGenerator.DEFAULT_PATIENTS, patients.rowCount());
        results.setFilter("P007");
        assertEquals(1, patients.rowCount());
        int portal = patients.table().columnNames().indexOf(DemoCohortGenerator.PORTAL);
        assertTrue(patients.cell(0, portal).endsWith(".nii.gz"), patients.cell(0, portal));
        ImageViewerView viewer = results.openImageOfRow(0, DemoCohortGenerator.PORTAL).orElseThrow();
        pump(display, 300);
        assertNotNull(viewer.input().labels(), "the mask is overlaid");
        viewer.setWindow(WindowLevel.LIVER_CONTRAST);
        viewer.setOverlay(OverlayStyle.DEFAULT.withOpacity(0.45));
        assertEquals(SliceOrientation.AXIAL, viewer.orientation());
        int slice = viewer.sliceIndex();
        Slice labels = Slice.of(viewer.input().labels(), SliceOrientation.AXIAL, slice);
        Slice image = Slice.of(viewer.input().panels().get(0).image(), SliceOrientation.AXIAL, slice);
        int tumourPixel = -1;
        for (int i = 0; i < labels.values().length && tumourPixel < 0; i++) {
            tumourPixel = labels.values()[i] == DemoCohortGenerator.TUMOUR_LABEL ? i : -1;
        }
        assertTrue(tumourPixel >= 0, "the start slice shows the tumour");
        int grey = WindowLevel.LIVER_CONTRAST.gray(image.values()[tumourPixel]);
        int expected = SliceRenderer.blend((grey << 16) | (grey << 8) | grey, 0xE6194B, 0.45);
        SliceRenderer.Rendered shown = viewer.rendered(0);
        assertEquals(expected, shown.rgb()[tumourPixel], "tumour pixel blended with the tumour colour");
        Canvas canvas = viewer.canvases().get(0);
        Event wheel = new Event();
        wheel.count = 1;
        canvas.notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertEquals(slice + 1, viewer.sliceIndex(), "the mouse wheel moves one slice");
        canvas.notifyListeners(SWT.MouseVerticalWheel, negative());
        assertEquals(slice, viewer.sliceIndex());
        page.setPartState(page.getReference(viewer), IWorkbenchPage.STATE_MAXIMIZED);
        pump(display, 500);
        assertTrue(Files.size(screenshot(window.getShell(), "image-viewer")) > 10_000);
        page.setPartState(page.getReference(viewer), IWorkbenchPage.STATE_RESTORED);
        assertEquals(Cohort.PATIENT_ID, patients.table().columnNames().get(0));

        // 3. Compare the demo with a variant of bin width 16 (run by the comparison view).
        List<Path> variant = VariantSweep.write(editor.pipeline(), demo, "firstorder", "binWidth", List.of("16"));
        ComparisonView comparison = ComparisonView.open(page, List.of(demo, variant.get(0)));
        assertNotNull(comparison);
        assertTrue(comparison.entries().get(0).result() != null, "the editor's run is taken over");
        Job job = comparison.runAll();
        waitUntil(display, () -> job.getResult() != null && comparison.entries().stream().allMatch(e -> e.result() != null),
                RUN_TIMEOUT_MILLIS, "the variant run");
        pump(display, 300);
        PipelineDiff diff = comparison.diff(1);
        assertEquals(List.of(new PipelineDiff.ParameterChange("binWidth", "25", "16")),
                diff.node("firstorder").orElseThrow().parameters());
        assertTrue(comparison.structureTable().getItemCount() >= 1);
        assertTrue(comparison.metrics().metrics().stream().anyMatch(m -> m.startsWith("cox.table[")),
                "Cox ranking metrics compared: " + comparison.metrics().metrics());
        assertTrue(comparison.metrics().metrics().stream().anyMatch(comparison.metrics()::differs),
                "bin width changes some metric");
        assertEquals(comparison.metrics().metrics().size(), comparison.metricsTable().getItemCount());
        CurveOverlay.Overlay km = comparison.overlays().stream().filter(o -> o.output().equals("km.curves")).findFirst()
                .orElseThrow();
        assertEquals(2 * curves.curves().size(), km.chart().getXYPlot().getDataset().getSeriesCount());
        assertEquals(PortTypes.SURVIVAL_CURVES, result.node("km").orElseThrow().outputs().get("curves").portTypeId());
        comparison.showTab(1);
        page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_MAXIMIZED);
        pump(display, 500);
        assertTrue(Files.size(screenshot(window.getShell(), "comparison-metrics")) > 10_000);
        comparison.showTab(2);
        pump(display, 500);
        assertTrue(Files.size(screenshot(window.getShell(), "comparison")) > 10_000);
        page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_RESTORED);
    }

    private static Event negative() {
        Event e = new Event();
        e.count = -1;
        return e;
    }
}
