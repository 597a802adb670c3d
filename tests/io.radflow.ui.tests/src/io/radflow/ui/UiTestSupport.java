package io.radflow.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Event pumping, waiting and screenshots for the UI tests (SWT driven directly under Xvfb). */
final class UiTestSupport {

    private UiTestSupport() {
    }

    static void pump(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                sleep(10);
            }
        }
        while (display.readAndDispatch()) {
            // drain
        }
    }

    static void waitUntil(Display display, BooleanSupplier condition, long timeoutMillis, String what) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out after " + timeoutMillis / 1000 + " s waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                sleep(10);
            }
        }
    }

    static Path screenshotFolder() throws Exception {
        Path dir = Path.of(Optional.ofNullable(System.getProperty("radflow.screenshots")).orElse("target/screenshots"));
        return Files.createDirectories(dir);
    }

    /** Copies the shell (with its menu bar) from the screen to {@code <screenshots>/<name>.png}. */
    static Path screenshot(Shell shell, String name) throws Exception {
        pump(shell.getDisplay(), 300);
        org.eclipse.swt.graphics.Rectangle bounds = shell.getBounds();
        Point clientOrigin = shell.toDisplay(0, 0);
        int height = Math.min(bounds.height, clientOrigin.y + shell.getClientArea().height - bounds.y);
        Image image = new Image(shell.getDisplay(), bounds.width, height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Path file = screenshotFolder().resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
