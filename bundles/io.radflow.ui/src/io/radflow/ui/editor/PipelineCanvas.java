package io.radflow.ui.editor;

import io.radflow.ui.diagram.DiagramLayout;
import io.radflow.ui.diagram.DiagramLayout.PortHit;
import io.radflow.ui.diagram.DiagramModel;
import io.radflow.ui.diagram.DiagramModel.EdgeSpec;
import io.radflow.ui.diagram.DiagramModel.NodeSpec;
import io.radflow.ui.diagram.DiagramModel.PortSpec;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Point;
import io.radflow.ui.diagram.Geometry.Rgb;
import io.radflow.ui.diagram.NodeState;
import io.radflow.ui.diagram.PortColors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * Paints a pipeline diagram (double-buffered) from a {@link DiagramLayout} and reports clicks on
 * nodes. All geometry comes from the layout; this class only turns it into pixels.
 */
public final class PipelineCanvas extends Canvas {

    private static final Rgb BACKGROUND = new Rgb(0xFA, 0xFB, 0xFC);
    private static final Rgb GRID = new Rgb(0xDD, 0xE2, 0xE8);
    private static final Rgb SHADOW = new Rgb(0xD5, 0xDA, 0xE0);
    private static final Rgb TEXT = new Rgb(0x21, 0x26, 0x2E);
    private static final Rgb SUBTEXT = new Rgb(0x5F, 0x6B, 0x7A);

    private final Map<Rgb, Color> colors = new HashMap<>();
    private final Font boldFont;
    private final Font smallFont;
    private DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(), List.of()));
    private PortColors portColors = new PortColors(id -> Optional.empty());
    private Map<String, NodeState> states = Map.of();
    private Map<String, String> captions = Map.of();
    private String selected;
    private Consumer<String> selectionListener = id -> {
    };
    private BiConsumer<String, Map<String, Point>> moveListener = (id, positions) -> {
    };
    private String dragNode;
    private int dragStartX;
    private int dragStartY;
    private DiagramLayout preview;
    /** Zoom used by the last paint: the diagram is shrunk (down to {@link #MIN_SCALE}) to fit the control. */
    private double scale = 1;

    /** Smallest zoom used to fit a diagram; below it the editor scrolls. */
    public static final double MIN_SCALE = 0.55;

    public PipelineCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        FontData[] base = getFont().getFontData();
        FontData bold = new FontData(base[0].getName(), base[0].getHeight(), SWT.BOLD);
        FontData small = new FontData(base[0].getName(), Math.max(7, base[0].getHeight() - 1), SWT.NORMAL);
        boldFont = new Font(getDisplay(), bold);
        smallFont = new Font(getDisplay(), small);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseHover, this::mouseHover);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, this::mouseUp);
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.Dispose, e -> {
            colors.values().forEach(Color::dispose);
            boldFont.dispose();
            smallFont.dispose();
        });
    }

    /** Shows a new diagram; keeps the selection if the selected node still exists. */
    public void setDiagram(DiagramLayout layout, PortColors portColors) {
        this.layout = layout;
        this.portColors = portColors;
        if (selected != null && layout.model().node(selected).isEmpty()) {
            selected = null;
        }
        redraw();
    }

    public DiagramLayout diagramLayout() {
        return layout;
    }

    /** Node states (colours) and captions (e.g. durations) shown under the type id. */
    public void setStates(Map<String, NodeState> states, Map<String, String> captions) {
        this.states = Map.copyOf(states);
        this.captions = Map.copyOf(captions);
        redraw();
    }

    public NodeState state(String nodeId) {
        return states.getOrDefault(nodeId, NodeState.NOT_RUN);
    }

    public String selectedNode() {
        return selected;
    }

    /** Selects a node (or nothing for {@code null}) and tells the selection listener. */
    public void select(String nodeId) {
        selected = nodeId;
        redraw();
        selectionListener.accept(nodeId);
    }

    public void setSelectionListener(Consumer<String> listener) {
        this.selectionListener = listener;
    }

    /**
     * Told when the user has dragged a node: its id and the new top-left corner of every node
     * (other nodes keep their drawn positions, which matters when they were laid out automatically).
     */
    public void setMoveListener(BiConsumer<String, Map<String, Point>> listener) {
        this.moveListener = listener;
    }

    /** The zoom that fits the diagram into {@code width} x {@code height} pixels, in [MIN_SCALE, 1]. */
    public static double fitScale(Point extent, int width, int height) {
        if (extent.x() <= 0 || extent.y() <= 0) {
            return 1;
        }
        double s = Math.min((double) width / extent.x(), (double) height / extent.y());
        return Math.max(MIN_SCALE, Math.min(1, s));
    }

    /** The zoom of the current drawing. */
    public double scale() {
        return scale;
    }

    /** Control coordinates of a point given in diagram coordinates. */
    public org.eclipse.swt.graphics.Point toControl(int x, int y) {
        return new org.eclipse.swt.graphics.Point((int) Math.round(x * scale), (int) Math.round(y * scale));
    }

    private int toDiagram(int v) {
        return (int) Math.floor(v / scale);
    }

    private void updateScale() {
        org.eclipse.swt.graphics.Rectangle area = getClientArea();
        scale = fitScale(layout.extent(), area.width, area.height);
    }

    private void mouseDown(Event e) {
        if (e.button != 1) {
            return;
        }
        setFocus();
        updateScale();
        String hit = layout.nodeAt(toDiagram(e.x), toDiagram(e.y)).orElse(null);
        if (!java.util.Objects.equals(hit, selected)) {
            select(hit);
        }
        dragNode = hit;
        dragStartX = e.x;
        dragStartY = e.y;
        preview = null;
    }

    private void mouseMove(Event e) {
        if (dragNode == null || (e.stateMask & SWT.BUTTON1) == 0) {
            return;
        }
        int dx = (int) Math.round((e.x - dragStartX) / scale);
        int dy = (int) Math.round((e.y - dragStartY) / scale);
        if (preview == null && Math.abs(e.x - dragStartX) + Math.abs(e.y - dragStartY) < 3) {
            return; // a click, not yet a drag
        }
        // keep the box inside the diagram's positive quadrant
        Box box = layout.bounds(dragNode);
        dx = Math.max(dx, -box.x());
        dy = Math.max(dy, -box.y());
        preview = layout.moved(dragNode, dx, dy);
        redraw();
    }

    private void mouseUp(Event e) {
        String node = dragNode;
        DiagramLayout moved = preview;
        dragNode = null;
        preview = null;
        if (node != null && moved != null && !moved.bounds(node).equals(layout.bounds(node))) {
            moveListener.accept(node, moved.positions());
        }
        redraw();
    }

    private void mouseHover(Event e) {
        int x = toDiagram(e.x);
        int y = toDiagram(e.y);
        Optional<PortHit> port = layout.portAt(x, y);
        if (port.isPresent()) {
            PortHit p = port.get();
            String type = layout.model().node(p.nodeId()).flatMap(n -> (p.input() ? n.inputs() : n.outputs()).stream()
                    .filter(s -> s.name().equals(p.portName())).findFirst()).map(PortSpec::typeId).orElse("");
            setToolTipText((p.input() ? "Input " : "Output ") + p.portName() + " : " + type);
            return;
        }
        Optional<String> node = layout.nodeAt(x, y);
        setToolTipText(node.flatMap(id -> layout.model().node(id))
                .map(n -> n.label() + "\n" + n.typeId() + "\n" + state(n.id()).name().toLowerCase().replace('_', ' '))
                .orElse(null));
    }

    private Color color(Rgb rgb) {
        return colors.computeIfAbsent(rgb, c -> new Color(getDisplay(), new RGB(c.red(), c.green(), c.blue())));
    }

    private void paint(GC gc) {
        org.eclipse.swt.graphics.Rectangle area = getClientArea();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setBackground(color(BACKGROUND));
        gc.fillRectangle(area);
        gc.setForeground(color(GRID));
        for (int x = 20; x < area.width; x += 20) {
            for (int y = 20; y < area.height; y += 20) {
                gc.drawPoint(x, y);
            }
        }
        updateScale();
        Transform transform = new Transform(getDisplay());
        try {
            transform.scale((float) scale, (float) scale);
            gc.setTransform(transform);
            paintDiagram(gc);
        } finally {
            gc.setTransform(null);
            transform.dispose();
        }
    }

    private void paintDiagram(GC gc) {
        DiagramLayout shown = preview != null ? preview : layout;
        for (EdgeSpec edge : shown.model().edges()) {
            if (shown.isDrawable(edge)) {
                paintEdge(gc, shown, edge);
            }
        }
        for (NodeSpec node : shown.model().nodes()) {
            paintNode(gc, shown, node);
        }
    }

    private void paintEdge(GC gc, DiagramLayout layout, EdgeSpec edge) {
        String type = layout.model().node(edge.sourceNode()).flatMap(n -> n.outputs().stream()
                .filter(p -> p.name().equals(edge.sourcePort())).findFirst()).map(PortSpec::typeId).orElse("");
        Color c = color(portColors.color(type));
        List<Point> curve = layout.edgeCurve(edge);
        Path path = new Path(getDisplay());
        try {
            path.moveTo(curve.get(0).x(), curve.get(0).y());
            path.cubicTo(curve.get(1).x(), curve.get(1).y(), curve.get(2).x(), curve.get(2).y(), curve.get(3).x(),
                    curve.get(3).y());
            gc.setForeground(c);
            gc.setLineWidth(2);
            gc.drawPath(path);
        } finally {
            path.dispose();
        }
        List<Point> head = layout.arrowHead(edge);
        gc.setBackground(c);
        gc.fillPolygon(new int[] { head.get(0).x(), head.get(0).y(), head.get(1).x(), head.get(1).y(), head.get(2).x(),
                head.get(2).y() });
    }

    private void paintNode(GC gc, DiagramLayout layout, NodeSpec node) {
        Box b = layout.bounds(node.id());
        NodeState state = state(node.id());
        int arc = DiagramLayout.ARC;
        gc.setBackground(color(SHADOW));
        gc.fillRoundRectangle(b.x() + 3, b.y() + 3, b.width(), b.height(), arc, arc);
        gc.setBackground(color(state.fill()));
        gc.fillRoundRectangle(b.x(), b.y(), b.width(), b.height(), arc, arc);
        boolean isSelected = node.id().equals(selected);
        gc.setForeground(color(isSelected ? NodeState.SELECTION : state.border()));
        gc.setLineWidth(isSelected ? 3 : 1);
        gc.drawRoundRectangle(b.x(), b.y(), b.width() - 1, b.height() - 1, arc, arc);
        gc.setLineWidth(1);

        int textWidth = b.width() - 2 * (DiagramLayout.PORT_SIZE + 4);
        gc.setFont(boldFont);
        gc.setForeground(color(TEXT));
        String label = shorten(gc, node.label(), textWidth);
        int labelHeight = gc.textExtent(label).y;
        gc.drawText(label, b.x() + (b.width() - gc.textExtent(label).x) / 2, b.y() + 7, true);
        gc.setFont(smallFont);
        gc.setForeground(color(SUBTEXT));
        String type = shorten(gc, node.typeId(), textWidth);
        gc.drawText(type, b.x() + (b.width() - gc.textExtent(type).x) / 2, b.y() + 9 + labelHeight, true);
        String caption = captions.get(node.id());
        if (caption != null && !caption.isEmpty()) {
            caption = shorten(gc, caption, textWidth);
            gc.setForeground(color(state.border()));
            gc.drawText(caption, b.x() + (b.width() - gc.textExtent(caption).x) / 2,
                    b.bottom() - gc.textExtent(caption).y - 6, true);
        }
        gc.setFont(getFont());

        for (PortSpec port : node.inputs()) {
            paintPort(gc, layout.portBox(node.id(), port.name(), true), port.typeId());
        }
        for (PortSpec port : node.outputs()) {
            paintPort(gc, layout.portBox(node.id(), port.name(), false), port.typeId());
        }
    }

    private void paintPort(GC gc, Box box, String typeId) {
        gc.setBackground(color(portColors.color(typeId)));
        gc.fillRectangle(box.x(), box.y(), box.width(), box.height());
        gc.setForeground(color(new Rgb(0x37, 0x47, 0x4F)));
        gc.drawRectangle(box.x(), box.y(), box.width() - 1, box.height() - 1);
    }

    private static String shorten(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && gc.textExtent(s + "\u2026").x > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "\u2026";
    }
}
