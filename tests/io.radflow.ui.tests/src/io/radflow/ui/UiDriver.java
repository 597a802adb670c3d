package io.radflow.ui;



import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

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
}
