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
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Drives SWT directly for GUI tests under Xvfb: mouse gestures as listener notifications (reliable on
 * GTK, unlike {@code Display.post}), event pumping, and screenshots of a shell into
 * {@code target/screenshots/}.
 */
public final class UiDriver {

    private UiDriver() {
    }

    public static void mouse(Control control, int type, int button, int stateMask, int x, int y) {
        Event e = new Event();
        e.button = button;
        e.stateMask = stateMask;
        e.x = x;
        e.y = y;
        control.notifyListeners(type, e);
    }

    public static void click(Control control, int x, int y, int stateMask) {
        mouse(control, SWT.MouseDown, 1, stateMask, x, y);
        mouse(control, SWT.MouseUp, 1, stateMask | SWT.BUTTON1, x, y);
    }

    /** Press at {@code from}, move in steps with the button held, release at {@code to} (control coordinates). */
    public static void drag(Control control, Point from, Point to, int button) {
        int held = button == 1 ? SWT.BUTTON1 : button == 2 ? SWT.BUTTON2 : SWT.BUTTON3;
        mouse(control, SWT.MouseDown, button, 0, from.x, from.y);
        for (int step = 1; step <= 6; step++) {
            mouse(control, SWT.MouseMove, 0, held, from.x + (to.x - from.x) * step / 6, from.y + (to.y - from.y) * step / 6);
        }
        mouse(control, SWT.MouseUp, button, held, to.x, to.y);
    }

    public static void pump(Display display, long millis) {
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

    public static void waitUntil(Display display, BooleanSupplier condition, long timeoutMillis, String what) {
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The screenshot folder (system property radflow.screenshots, else target/screenshots). */
    public static Path screenshotFolder() {
        return Path.of(Optional.ofNullable(System.getProperty("radflow.screenshots")).orElse("target/screenshots"));
    }

    /** Saves the shell as it is on screen (menu bar included) to {@code <screenshots>/<name>.png}. */
    public static Path screenshot(Shell shell, String name) throws Exception {
        pump(shell.getDisplay(), 150);
        org.eclipse.swt.graphics.Rectangle bounds = shell.getBounds();
        Point clientOrigin = shell.toDisplay(0, 0);
        int height = Math.min(bounds.height, clientOrigin.y + shell.getClientArea().height - bounds.y);
        Image image = new Image(shell.getDisplay(), bounds.width, height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path dir = screenshotFolder();
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
