package io.radflow.ui;

import static io.radflow.ui.UiTestSupport.pump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Node;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.editor.PipelineCanvas;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.views.PipelinesView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's pipeline pictures: opens every {@code examples/study*.radflow} in the pipeline editor (maximised, fitted
 * to the window), prints the canvas into an image, crops it to the drawn diagram (its content bounds plus a margin of
 * {@value #MARGIN} px) and saves it as {@code <screenshots>/study<N>-pipeline.png}, and
 * also into the folder named by system property {@value #OUTPUT_PROPERTY} or environment variable
 * {@value #OUTPUT_ENV} when set ({@code scripts/readme-images.sh} sets it to {@code docs/images}). The workbench
 * window takes the size of {@value #SIZE_PROPERTY} / {@value #SIZE_ENV} ({@code WxH}, default 1280x800). (The
 * environment reaches the forked test JVM, whose argLine this module's pom fixes.) Asserts that every node type of the
 * pipeline is installed, that every node lies inside the picture and is drawn there (its box differs from the canvas
 * background), and that the picture is not blank.
 */
class ReadmeImagesUiTest {

    static final String OUTPUT_PROPERTY = "radflow.readme.images";
    static final String SIZE_PROPERTY = "radflow.readme.size";
    static final String OUTPUT_ENV = "RADFLOW_README_IMAGES";
    static final String SIZE_ENV = "RADFLOW_README_SIZE";

    /** Margin in pixels kept around the diagram's content bounds. */
    static final int MARGIN = 12;

    /** The canvas background ({@code PipelineCanvas} paints it first). */
    private static final RGB BACKGROUND = new RGB(0xFA, 0xFB, 0xFC);

    @AfterEach
    void closeEditors() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPartState(page.getActivePartReference(), IWorkbenchPage.STATE_RESTORED);
        page.closeAllEditors(false);
    }

    @Test
    void everyStudyPipelineIsDrawnCompletelyIntoItsPicture() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        Display display = window.getShell().getDisplay();
        String[] size = setting(SIZE_PROPERTY, SIZE_ENV, "1280x800").split("x");
        window.getShell().setSize(Integer.parseInt(size[0]), Integer.parseInt(size[1]));
        List<Path> studies;
        try (Stream<Path> files = Files.list(PipelinesView.workspaceFolder())) {
            studies = files.filter(f -> f.getFileName().toString().matches("study\\d+-.*\\.radflow")).sorted().toList();
        }
        assertEquals(5, studies.size(), "study pipelines in " + PipelinesView.workspaceFolder() + ": " + studies);
        for (Path study : studies) {
            page.closeAllEditors(false);
            PipelineEditor editor = PipelinesView.open(page, study);
            assertNotNull(editor, "could not open " + study);
            page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
            pump(display, 500);
            PipelineCanvas canvas = editor.canvas();
            canvas.fitToWindow();
            pump(display, 300);
            String name = study.getFileName().toString().replaceFirst("^(study\\d+)-.*", "$1") + "-pipeline";
            assertEquals(List.of(), canvas.diagramLayout().model().nodes().stream().filter(n -> n.missing())
                    .map(n -> n.id() + " (" + n.typeId() + ")").toList(), study + ": node types not installed");
            Rectangle crop = contentArea(canvas);
            ImageData picture = print(canvas, crop);
            save(picture, UiTestSupport.screenshotFolder().resolve(name + ".png"));
            String output = setting(OUTPUT_PROPERTY, OUTPUT_ENV, "");
            if (!output.isBlank()) {
                save(picture, Files.createDirectories(Path.of(output)).resolve(name + ".png"));
            }
            checkPicture(study, editor, canvas, crop, picture);
        }
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The diagram's content bounds in control coordinates, with {@link #MARGIN}, clipped to the canvas. */
    private static Rectangle contentArea(PipelineCanvas canvas) {
        Box content = canvas.diagramLayout().contentBounds();
        Point topLeft = canvas.diagramToControl(content.x(), content.y());
        Point bottomRight = canvas.diagramToControl(content.right(), content.bottom());
        Rectangle area = canvas.getClientArea();
        int x = Math.max(0, topLeft.x - MARGIN);
        int y = Math.max(0, topLeft.y - MARGIN);
        return new Rectangle(x, y, Math.min(area.width, bottomRight.x + MARGIN) - x,
                Math.min(area.height, bottomRight.y + MARGIN) - y);
    }

    /** The canvas painted ({@code Control.print}) into an image of its client size, cut to {@code crop}. */
    private static ImageData print(PipelineCanvas canvas, Rectangle crop) {
        Rectangle area = canvas.getClientArea();
        Image full = new Image(canvas.getDisplay(), area.width, area.height);
        Image cut = new Image(canvas.getDisplay(), crop.width, crop.height);
        GC gc = new GC(full);
        GC cutGc = new GC(cut);
        try {
            assertTrue(canvas.print(gc), "the canvas cannot print itself");
            cutGc.drawImage(full, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
            return cut.getImageData();
        } finally {
            cutGc.dispose();
            gc.dispose();
            cut.dispose();
            full.dispose();
        }
    }

    private static void save(ImageData picture, Path file) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {picture};
        loader.save(file.toString(), SWT.IMAGE_PNG);
    }

    private static void checkPicture(Path study, PipelineEditor editor, PipelineCanvas canvas, Rectangle crop,
            ImageData picture) {
        assertEquals(crop.width, picture.width, study + ": picture width");
        assertEquals(crop.height, picture.height, study + ": picture height");
        assertTrue(picture.width >= 300 && picture.height >= 150, study + ": picture " + crop);
        for (Node node : editor.pipeline().getNodes()) {
            Box box = canvas.diagramLayout().bounds(node.getId());
            Point topLeft = canvas.diagramToControl(box.x(), box.y());
            Point bottomRight = canvas.diagramToControl(box.right(), box.bottom());
            topLeft = new Point(topLeft.x - crop.x, topLeft.y - crop.y);
            bottomRight = new Point(bottomRight.x - crop.x, bottomRight.y - crop.y);
            assertTrue(topLeft.x >= 0 && topLeft.y >= 0 && bottomRight.x <= picture.width
                    && bottomRight.y <= picture.height, study + ": node " + node.getId() + " at " + topLeft + "-"
                    + bottomRight + " is outside the " + picture.width + " x " + picture.height + " picture");
            int drawn = 0;
            int total = 0;
            for (int x = topLeft.x + 2; x < bottomRight.x - 2; x++) {
                for (int y = topLeft.y + 2; y < bottomRight.y - 2; y++) {
                    total++;
                    if (!picture.palette.getRGB(picture.getPixel(x, y)).equals(BACKGROUND)) {
                        drawn++;
                    }
                }
            }
            assertTrue(total > 0 && drawn > total * 0.9, study + ": node " + node.getId() + " is not drawn (" + drawn
                    + " of " + total + " pixels differ from the background)");
        }
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < picture.width; x += 3) {
            for (int y = 0; y < picture.height; y += 3) {
                colours.add(picture.getPixel(x, y));
            }
        }
        assertTrue(colours.size() > 20, study + ": the picture has " + colours.size() + " colours (blank?)");
    }
}
