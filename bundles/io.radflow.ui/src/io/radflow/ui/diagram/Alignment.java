package io.radflow.ui.diagram;

import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Point;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the Align actions move the selected nodes; each returns new top-left corners by node id. */
public enum Alignment {
    /** Left edges on the leftmost left edge. */
    LEFT,
    /** Vertical centre lines on the centre of the selection's bounds. */
    CENTER,
    /** Right edges on the rightmost right edge. */
    RIGHT,
    /** Top edges on the topmost top edge. */
    TOP,
    /** Horizontal centre lines on the middle of the selection's bounds. */
    MIDDLE,
    /** Bottom edges on the lowest bottom edge. */
    BOTTOM,
    /** Equal horizontal gaps between the boxes, first and last box fixed (left-to-right order). */
    DISTRIBUTE_HORIZONTALLY,
    /** Equal vertical gaps between the boxes, first and last box fixed (top-to-bottom order). */
    DISTRIBUTE_VERTICALLY;

    /**
     * New top-left corners of the boxes (by node id) aligned this way. Fewer than two boxes (three
     * for the distributions) stay where they are.
     */
    public Map<String, Point> apply(Map<String, Box> boxes) {
        Map<String, Point> result = new LinkedHashMap<>();
        boxes.forEach((id, b) -> result.put(id, new Point(b.x(), b.y())));
        if (boxes.size() < 2) {
            return result;
        }
        int left = boxes.values().stream().mapToInt(Box::x).min().orElse(0);
        int right = boxes.values().stream().mapToInt(Box::right).max().orElse(0);
        int top = boxes.values().stream().mapToInt(Box::y).min().orElse(0);
        int bottom = boxes.values().stream().mapToInt(Box::bottom).max().orElse(0);
        switch (this) {
            case LEFT -> boxes.forEach((id, b) -> result.put(id, new Point(left, b.y())));
            case RIGHT -> boxes.forEach((id, b) -> result.put(id, new Point(right - b.width(), b.y())));
            case CENTER -> boxes.forEach((id, b) -> result.put(id, new Point((left + right) / 2 - b.width() / 2, b.y())));
            case TOP -> boxes.forEach((id, b) -> result.put(id, new Point(b.x(), top)));
            case BOTTOM -> boxes.forEach((id, b) -> result.put(id, new Point(b.x(), bottom - b.height())));
            case MIDDLE -> boxes.forEach((id, b) -> result.put(id, new Point(b.x(), (top + bottom) / 2 - b.height() / 2)));
            case DISTRIBUTE_HORIZONTALLY, DISTRIBUTE_VERTICALLY -> distribute(boxes, this == DISTRIBUTE_HORIZONTALLY, result);
            default -> throw new IllegalStateException(name());
        }
        return result;
    }

    private static void distribute(Map<String, Box> boxes, boolean horizontal, Map<String, Point> result) {
        if (boxes.size() < 3) {
            return;
        }
        List<Map.Entry<String, Box>> sorted = new ArrayList<>(boxes.entrySet());
        sorted.sort(Comparator.comparingInt(e -> horizontal ? e.getValue().x() : e.getValue().y()));
        Box first = sorted.get(0).getValue();
        Box last = sorted.get(sorted.size() - 1).getValue();
        int span = horizontal ? last.right() - first.x() : last.bottom() - first.y();
        int sizes = sorted.stream().mapToInt(e -> horizontal ? e.getValue().width() : e.getValue().height()).sum();
        double gap = (double) (span - sizes) / (sorted.size() - 1);
        double at = horizontal ? first.x() : first.y();
        for (Map.Entry<String, Box> e : sorted) {
            Box b = e.getValue();
            int p = (int) Math.round(at);
            result.put(e.getKey(), horizontal ? new Point(p, b.y()) : new Point(b.x(), p));
            at += (horizontal ? b.width() : b.height()) + gap;
        }
    }
}
