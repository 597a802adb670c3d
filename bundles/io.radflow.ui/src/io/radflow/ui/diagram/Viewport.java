package io.radflow.ui.diagram;

import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Point;

/**
 * Zoom and pan of the pipeline canvas: control = diagram * scale - offset. Immutable; every change
 * returns a new viewport. Free of SWT so that it can be unit-tested.
 *
 * @param scale   zoom factor in [{@link #MIN_SCALE}, {@link #MAX_SCALE}]
 * @param offsetX control x of diagram x = 0 is {@code -offsetX}
 * @param offsetY control y of diagram y = 0 is {@code -offsetY}
 */
public record Viewport(double scale, double offsetX, double offsetY) {

    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 4;
    /** Zoom step of one wheel notch or one zoom-in/out action. */
    public static final double STEP = 1.2;

    public static final Viewport IDENTITY = new Viewport(1, 0, 0);

    public Viewport {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("zoom must be positive and finite, got " + scale);
        }
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
    }

    public double toControlX(double diagramX) {
        return diagramX * scale - offsetX;
    }

    public double toControlY(double diagramY) {
        return diagramY * scale - offsetY;
    }

    /** The diagram point under a control point (rounded down). */
    public Point toDiagram(int controlX, int controlY) {
        return new Point((int) Math.floor((controlX + offsetX) / scale), (int) Math.floor((controlY + offsetY) / scale));
    }

    /** The control point of a diagram point (rounded). */
    public Point toControl(int diagramX, int diagramY) {
        return new Point((int) Math.round(toControlX(diagramX)), (int) Math.round(toControlY(diagramY)));
    }

    /** Moved by (dx, dy) control pixels: the content follows the pointer. */
    public Viewport panBy(double dx, double dy) {
        return new Viewport(scale, offsetX - dx, offsetY - dy);
    }

    /** Zoomed by {@code factor} (clamped) so that the diagram point under control point (cx, cy) stays there. */
    public Viewport zoomAt(double factor, int cx, int cy) {
        double target = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double dx = (cx + offsetX) / scale;
        double dy = (cy + offsetY) / scale;
        return new Viewport(target, dx * target - cx, dy * target - cy);
    }

    /**
     * The viewport that shows {@code content} (diagram coordinates) whole and centred in a control of
     * {@code width} x {@code height} pixels, with {@code margin} control pixels around it, zooming in no
     * further than {@code maxScale}.
     */
    public static Viewport fit(Box content, int width, int height, int margin, double maxScale) {
        if (content.width() <= 0 || content.height() <= 0 || width <= 2 * margin || height <= 2 * margin) {
            return new Viewport(1, content.x() - margin, content.y() - margin);
        }
        double s = Math.min((double) (width - 2 * margin) / content.width(), (double) (height - 2 * margin) / content.height());
        s = Math.max(MIN_SCALE, Math.min(maxScale, s));
        double offsetX = content.x() * s - (width - content.width() * s) / 2;
        double offsetY = content.y() * s - (height - content.height() * s) / 2;
        return new Viewport(s, offsetX, offsetY);
    }
}
