package io.radflow.ui;

import static io.radflow.ui.UiTestSupport.pump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.editor.PipelineCanvas;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.views.PipelinesView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A generated 300-node pipeline (100 chains cohort -> first-order -> Cox, with the cohort's clinical
 * table also feeding Cox; all nodes stored at the origin, so opening lays them out) in the editor:
 * time to open, to auto-layout (one undoable command) and to repaint, whole diagram fitted and at 100 %
 * zoom, against a repaint of an empty canvas measured in the same run. Prints and writes
 * {@code ${radflow.test.output}/../bench/pipeline-editor.md}; asserts nothing about speed.
 */
@Tag("benchmark")
class PipelineEditorBenchmark {

    private static final int CHAINS = 100;
    private static final int REPAINTS = 30;

    @Test
    void opensLaysOutAndRepaintsThreeHundredNodes() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        page.getWorkbenchWindow().getShell().setSize(1280, 800);
        page.closeAllEditors(false);
        Path folder = Path.of(System.getProperty("radflow.test.output", "target/test-output"));
        Files.createDirectories(folder);
        Path big = folder.resolve("bench-300-nodes.radflow");
        Path empty = folder.resolve("bench-empty.radflow");
        PipelineFiles.save(generated(), big);
        PipelineFiles.save(PipelineBuilder.pipeline("empty").build(), empty);

        // baseline: repaint of an empty canvas
        PipelineEditor emptyEditor = PipelinesView.open(page, empty);
        pump(display, 300);
        double emptyRepaint = repaintMillis(emptyEditor.canvas());
        page.closeEditor(emptyEditor, false);

        long t0 = System.nanoTime();
        PipelineEditor editor = PipelinesView.open(page, big);
        assertNotNull(editor);
        paintOnce(editor.canvas());
        double open = (System.nanoTime() - t0) / 1e6;
        assertEquals(3 * CHAINS, editor.pipeline().getNodes().size());
        pump(display, 300);

        long t1 = System.nanoTime();
        editor.autoLayout();
        paintOnce(editor.canvas());
        double layout = (System.nanoTime() - t1) / 1e6;
        pump(display, 200);
        double fitted = repaintMillis(editor.canvas());
        editor.canvas().setViewport(new io.radflow.ui.diagram.Viewport(1, 0, 0));
        double actualSize = repaintMillis(editor.canvas());
        long t2 = System.nanoTime();
        for (int i = 0; i < REPAINTS; i++) { // scrolling: pan and repaint
            editor.canvas().setViewport(editor.canvas().viewport().panBy(0, -25));
            paintOnce(editor.canvas());
        }
        double scroll = (System.nanoTime() - t2) / 1e6 / REPAINTS;
        page.closeEditor(editor, false);

        List<String> rows = new ArrayList<>();
        rows.add("| step | ms | ratio to an empty-canvas repaint |");
        rows.add("| --- | ---: | ---: |");
        rows.add(row("repaint, empty canvas (baseline)", emptyRepaint, emptyRepaint));
        rows.add(row("open 300 nodes (load, layout, first paint)", open, emptyRepaint));
        rows.add(row("auto-layout command + repaint", layout, emptyRepaint));
        rows.add(row("repaint, whole diagram fitted", fitted, emptyRepaint));
        rows.add(row("repaint, 100 % zoom (visible part)", actualSize, emptyRepaint));
        rows.add(row("scroll step (pan 25 px + repaint)", scroll, emptyRepaint));
        String report = "# Pipeline editor, " + 3 * CHAINS + " nodes, " + 3 * CHAINS + " connections\n\n"
                + String.join("\n", rows) + "\n\nRepaints are the mean of " + REPAINTS + " paints of the whole canvas into an off-screen image"
                + " (Control.print) under Xvfb; a scroll step includes creating that image.\n";
        System.out.println(report);
        Path bench = folder.resolveSibling("bench");
        Files.createDirectories(bench);
        Files.writeString(bench.resolve("pipeline-editor.md"), report);
    }

    private static String row(String step, double millis, double baseline) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.1f |", step, millis, millis / baseline);
    }

    /** Mean time of painting the whole canvas into an off-screen image ({@code Control.print}, synchronous). */
    private static double repaintMillis(PipelineCanvas canvas) {
        org.eclipse.swt.graphics.Point size = canvas.getSize();
        Image image = new Image(canvas.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        GC gc = new GC(image);
        try {
            canvas.print(gc); // warm-up
            long start = System.nanoTime();
            for (int i = 0; i < REPAINTS; i++) {
                canvas.print(gc);
            }
            return (System.nanoTime() - start) / 1e6 / REPAINTS;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static void paintOnce(PipelineCanvas canvas) {
        canvas.redraw();
        org.eclipse.swt.graphics.Point size = canvas.getSize();
        Image image = new Image(canvas.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        GC gc = new GC(image);
        try {
            canvas.print(gc);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static Pipeline generated() {
        PipelineBuilder b = PipelineBuilder.pipeline("Generated, " + 3 * CHAINS + " nodes");
        for (int i = 0; i < CHAINS; i++) {
            b.node("cohort" + i, "radflow.io.cohort", "1.0.0").output("cohort", "radflow.cohort")
                    .output("clinical", "radflow.table");
            b.node("features" + i, "radflow.features.firstOrder", "1.0.0").param("binWidth", Integer.toString(10 + i))
                    .input("cohort", "radflow.cohort").output("features", "radflow.table");
            b.node("cox" + i, "radflow.stats.univariateCox", "1.0.0").input("features", "radflow.table")
                    .input("clinical", "radflow.table").output("table", "radflow.table");
            b.connect("cohort" + i + ".cohort", "features" + i + ".cohort");
            b.connect("features" + i + ".features", "cox" + i + ".features");
            b.connect("cohort" + i + ".clinical", "cox" + i + ".clinical");
        }
        return b.build();
    }
}
