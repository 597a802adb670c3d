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
import io.radflow.ui.diagram.Viewport;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The pipeline diagram on screen: paints a {@link DiagramLayout} through a zoom/pan {@link Viewport}
 * (double-buffered, only what is visible) and turns mouse gestures into requests to its {@link Host}:
 * click and shift-click select, dragging on the background draws a rubber band, dragging nodes moves
 * them, dragging from a port to a port of the other direction connects them (an incompatible port is
 * refused with a hint on the canvas), the middle or right button pans, the wheel scrolls and
 * Ctrl+wheel zooms at the pointer. The model is never changed here: the host turns requests into
 * EMF commands.
 */
public final class PipelineCanvas extends Canvas {

    /** What the canvas asks of the editor. */
    public interface Host {
        void selectionChanged(List<String> nodeIds);

        /** The user dragged nodes: their new top-left corners. */
        void nodesMoved(Map<String, Point> positions);

        /** Why output {@code from} may not feed input {@code to}, or empty when it may. */
        Optional<String> connectionRefusal(PortHit output, PortHit input);

        /** The user connected an output to an input (already checked). */
        void connect(PortHit output, PortHit input);

        /** Double-click on a node. */
        default void opened(String nodeId) {
        }
    }

    private static final Rgb BACKGROUND = new Rgb(0xFA, 0xFB, 0xFC);
    private static final Rgb GRID = new Rgb(0xDD, 0xE2, 0xE8);
    private static final Rgb SHADOW = new Rgb(0xD5, 0xDA, 0xE0);
    private static final Rgb TEXT = new Rgb(0x21, 0x26, 0x2E);
    private static final Rgb SUBTEXT = new Rgb(0x5F, 0x6B, 0x7A);
    private static final Rgb OK = new Rgb(0x2E, 0x7D, 0x32);
    private static final Rgb REFUSED = new Rgb(0xC6, 0x28, 0x28);
    private static final Rgb BAND = new Rgb(0x15, 0x65, 0xC0);
    private static final Rgb HINT_BACKGROUND = new Rgb(0xFF, 0xF8, 0xE1);

    /** Pixels a press must travel before it counts as a drag. */
    static final int DRAG_THRESHOLD = 3;
    /** Pixels around a wire that still hit it. */
    static final int EDGE_TOLERANCE = 5;

    private enum Gesture {
        NONE, MOVE, RUBBER_BAND, CONNECT, PAN
    }

    private final Map<Rgb, Color> colors = new HashMap<>();
    private final Font boldFont;
    private final Font smallFont;
    private DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(), List.of()));
    private PortColors portColors = new PortColors(id -> Optional.empty());
    private Map<String, NodeState> states = Map.of();
    private Map<String, String> captions = Map.of();
    private final Set<String> selection = new LinkedHashSet<>();
    private EdgeSpec selectedEdge;
    private Viewport viewport = Viewport.IDENTITY;
    private boolean fitPending = true;
    private Host host = new Host() {
        @Override
        public void selectionChanged(List<String> nodeIds) {
        }

        @Override
        public void nodesMoved(Map<String, Point> positions) {
        }

        @Override
        public Optional<String> connectionRefusal(PortHit output, PortHit input) {
            return Optional.of("read-only");
        }

        @Override
        public void connect(PortHit output, PortHit input) {
        }
    };

    private Gesture gesture = Gesture.NONE;
    private int startX;
    private int startY;
    private int pointerX;
    private int pointerY;
    private boolean dragging;
    private DiagramLayout preview;
    /** A node of a multiple selection pressed without Shift: selected alone if the press ends without a drag. */
    private String pressedInSelection;
    private PortHit connectFrom;
    private PortHit connectTo;
    private String connectRefusal;
    private String hint;
    private boolean hintIsError;

    public PipelineCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        FontData[] base = getFont().getFontData();
        boldFont = new Font(getDisplay(), new FontData(base[0].getName(), base[0].getHeight(), SWT.BOLD));
        smallFont = new Font(getDisplay(), new FontData(base[0].getName(), Math.max(7, base[0].getHeight() - 1), SWT.NORMAL));
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseHover, this::mouseHover);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, this::mouseUp);
        addListener(SWT.MouseDoubleClick, this::mouseDoubleClick);
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseHorizontalWheel, this::wheel);
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.Dispose, e -> {
            colors.values().forEach(Color::dispose);
            boldFont.dispose();
            smallFont.dispose();
        });
    }

    public void setHost(Host host) {
        this.host = Objects.requireNonNull(host);
    }

    /** Shows a new diagram; keeps the selected nodes that still exist. */
    public void setDiagram(DiagramLayout layout, PortColors portColors) {
        this.layout = layout;
        this.portColors = portColors;
        boolean changed = selection.removeIf(id -> layout.model().node(id).isEmpty());
        if (selectedEdge != null && !layout.model().edges().contains(selectedEdge)) {
            selectedEdge = null;
        }
        redraw();
        if (changed) {
            host.selectionChanged(selectedNodes());
        }
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

    public String caption(String nodeId) {
        return captions.get(nodeId);
    }

    /** The first selected node, or null. */
    public String selectedNode() {
        return selection.isEmpty() ? null : selection.iterator().next();
    }

    public List<String> selectedNodes() {
        return List.copyOf(selection);
    }

    public Optional<EdgeSpec> selectedEdge() {
        return Optional.ofNullable(selectedEdge);
    }

    /** Selects one node (or nothing for {@code null}) and tells the host. */
    public void select(String nodeId) {
        select(nodeId == null ? List.of() : List.of(nodeId));
    }

    /** Selects these nodes (unknown ids are ignored) and tells the host. */
    public void select(List<String> nodeIds) {
        selection.clear();
        nodeIds.stream().filter(id -> layout.model().node(id).isPresent()).forEach(selection::add);
        selectedEdge = null;
        redraw();
        host.selectionChanged(selectedNodes());
    }

    /** The message shown at the bottom of the canvas (null hides it); errors are drawn in red. */
    public void setHint(String text, boolean error) {
        hint = text;
        hintIsError = error;
        redraw();
    }

    public String hint() {
        return hint;
    }

    public boolean hintIsError() {
        return hintIsError;
    }

    public Viewport viewport() {
        ensureViewport();
        return viewport;
    }

    public void setViewport(Viewport viewport) {
        this.viewport = Objects.requireNonNull(viewport);
        fitPending = false;
        redraw();
    }

    /** Zooms and centres so that the whole diagram is visible (never above 100 %). */
    public void fitToWindow() {
        Rectangle area = getClientArea();
        if (area.width <= 0 || area.height <= 0) {
            fitPending = true;
            return;
        }
        setViewport(Viewport.fit(layout.contentBounds(), area.width, area.height, DiagramLayout.MARGIN, 1));
    }

    /** Zooms by {@code factor} around the centre of the control. */
    public void zoom(double factor) {
        Rectangle area = getClientArea();
        setViewport(viewport.zoomAt(factor, area.width / 2, area.height / 2));
    }

    /** The zoom of the current drawing. */
    public double scale() {
        ensureViewport();
        return viewport.scale();
    }

    /** Control coordinates of a point given in diagram coordinates (not {@link #toControl(int, int)}, which maps display coordinates). */
    public org.eclipse.swt.graphics.Point diagramToControl(int x, int y) {
        ensureViewport();
        Point p = viewport.toControl(x, y);
        return new org.eclipse.swt.graphics.Point(p.x(), p.y());
    }

    /** Diagram coordinates of a point given in control coordinates. */
    public Point toDiagram(int x, int y) {
        ensureViewport();
        return viewport.toDiagram(x, y);
    }

    private void ensureViewport() {
        if (fitPending) {
            Rectangle area = getClientArea();
            if (area.width > 0 && area.height > 0) {
                fitToWindow();
            }
        }
    }

    private void mouseDown(Event e) {
        setFocus();
        ensureViewport();
        startX = pointerX = e.x;
        startY = pointerY = e.y;
        dragging = false;
        preview = null;
        pressedInSelection = null;
        if (e.button == 2 || e.button == 3) {
            gesture = Gesture.PAN;
            return;
        }
        if (e.button != 1) {
            return;
        }
        if (hint != null && !hintIsError) {
            hint = null;
        }
        Point d = viewport.toDiagram(e.x, e.y);
        boolean additive = (e.stateMask & (SWT.SHIFT | SWT.MOD1)) != 0;
        Optional<PortHit> port = layout.portAt(d.x(), d.y());
        if (port.isPresent() && !additive) {
            gesture = Gesture.CONNECT;
            connectFrom = port.get();
            connectTo = null;
            connectRefusal = null;
            return;
        }
        Optional<String> node = layout.nodeAt(d.x(), d.y());
        if (node.isPresent()) {
            String id = node.get();
            if (additive) {
                if (!selection.remove(id)) {
                    selection.add(id);
                }
                selectedEdge = null;
                host.selectionChanged(selectedNodes());
                gesture = selection.contains(id) ? Gesture.MOVE : Gesture.NONE;
            } else {
                if (!selection.contains(id)) {
                    selection.clear();
                    selection.add(id);
                    selectedEdge = null;
                    host.selectionChanged(selectedNodes());
                } else if (selection.size() > 1) {
                    pressedInSelection = id;
                }
                gesture = Gesture.MOVE;
            }
            redraw();
            return;
        }
        Optional<EdgeSpec> edge = layout.edgeAt(d.x(), d.y(), (int) Math.ceil(EDGE_TOLERANCE / viewport.scale()));
        if (edge.isPresent() && !additive) {
            selection.clear();
            selectedEdge = edge.get();
            host.selectionChanged(List.of());
            gesture = Gesture.NONE;
            redraw();
            return;
        }
        if (!additive && (!selection.isEmpty() || selectedEdge != null)) {
            selection.clear();
            selectedEdge = null;
            host.selectionChanged(List.of());
        }
        gesture = Gesture.RUBBER_BAND;
        redraw();
    }

    private void mouseMove(Event e) {
        if (gesture == Gesture.NONE) {
            return;
        }
        int lastX = pointerX;
        int lastY = pointerY;
        pointerX = e.x;
        pointerY = e.y;
        if (!dragging && Math.abs(e.x - startX) + Math.abs(e.y - startY) < DRAG_THRESHOLD) {
            return;
        }
        dragging = true;
        switch (gesture) {
            case PAN -> setViewport(viewport.panBy(e.x - lastX, e.y - lastY));
            case MOVE -> {
                int dx = (int) Math.round((e.x - startX) / viewport.scale());
                int dy = (int) Math.round((e.y - startY) / viewport.scale());
                for (String id : selection) { // keep boxes in the diagram's positive quadrant
                    Box box = layout.bounds(id);
                    dx = Math.max(dx, -box.x());
                    dy = Math.max(dy, -box.y());
                }
                preview = layout.moved(selection, dx, dy);
                redraw();
            }
            case CONNECT -> {
                Point d = viewport.toDiagram(e.x, e.y);
                connectTo = layout.portAt(d.x(), d.y()).filter(p -> p.input() != connectFrom.input()).orElse(null);
                connectRefusal = connectTo == null ? null : refusal(connectFrom, connectTo).orElse(null);
                if (connectTo != null) {
                    setHint(connectRefusal != null ? connectRefusal : "Release to connect", connectRefusal != null);
                } else {
                    redraw();
                }
            }
            default -> redraw();
        }
    }

    private Optional<String> refusal(PortHit a, PortHit b) {
        return a.input() ? host.connectionRefusal(b, a) : host.connectionRefusal(a, b);
    }

    private void mouseUp(Event e) {
        Gesture ended = gesture;
        gesture = Gesture.NONE;
        if (ended == Gesture.MOVE && !dragging && pressedInSelection != null) {
            select(pressedInSelection);
        } else if (ended == Gesture.MOVE && preview != null) {
            DiagramLayout moved = preview;
            preview = null;
            Map<String, Point> positions = new HashMap<>();
            for (String id : selection) {
                Box b = moved.bounds(id);
                positions.put(id, new Point(b.x(), b.y()));
            }
            if (selection.stream().anyMatch(id -> !moved.bounds(id).equals(layout.bounds(id)))) {
                host.nodesMoved(positions);
            }
        } else if (ended == Gesture.RUBBER_BAND && dragging) {
            Box band = band();
            Point a = viewport.toDiagram(band.x(), band.y());
            Point b = viewport.toDiagram(band.right(), band.bottom());
            selection.addAll(layout.nodesIn(new Box(a.x(), a.y(), b.x() - a.x(), b.y() - a.y())));
            host.selectionChanged(selectedNodes());
        } else if (ended == Gesture.CONNECT) {
            Point d = viewport.toDiagram(e.x, e.y);
            PortHit target = layout.portAt(d.x(), d.y()).filter(p -> p.input() != connectFrom.input()).orElse(null);
            if (target != null) {
                PortHit output = connectFrom.input() ? target : connectFrom;
                PortHit input = connectFrom.input() ? connectFrom : target;
                Optional<String> refused = host.connectionRefusal(output, input);
                if (refused.isPresent()) {
                    setHint(refused.get(), true);
                    getDisplay().beep();
                } else {
                    hint = null;
                    host.connect(output, input);
                }
            } else if (dragging && hint != null && !hintIsError) {
                hint = null;
            }
            connectFrom = null;
            connectTo = null;
            connectRefusal = null;
        }
        preview = null;
        dragging = false;
        redraw();
    }

    private void mouseDoubleClick(Event e) {
        if (e.button != 1) {
            return;
        }
        Point d = viewport.toDiagram(e.x, e.y);
        layout.nodeAt(d.x(), d.y()).ifPresent(host::opened);
    }

    private void wheel(Event e) {
        ensureViewport();
        if ((e.stateMask & SWT.MOD1) != 0 && e.type == SWT.MouseVerticalWheel) {
            setViewport(viewport.zoomAt(e.count > 0 ? Viewport.STEP : 1 / Viewport.STEP, e.x, e.y));
        } else if (e.type == SWT.MouseHorizontalWheel || (e.stateMask & SWT.SHIFT) != 0) {
            setViewport(viewport.panBy(e.count * 20, 0));
        } else {
            setViewport(viewport.panBy(0, e.count * 20));
        }
        e.doit = false;
    }

    private Box band() {
        int x = Math.min(startX, pointerX);
        int y = Math.min(startY, pointerY);
        return new Box(x, y, Math.abs(pointerX - startX), Math.abs(pointerY - startY));
    }

    private void mouseHover(Event e) {
        Point d = viewport.toDiagram(e.x, e.y);
        Optional<PortHit> port = layout.portAt(d.x(), d.y());
        if (port.isPresent()) {
            PortHit p = port.get();
            String type = layout.model().node(p.nodeId()).flatMap(n -> (p.input() ? n.inputs() : n.outputs()).stream()
                    .filter(s -> s.name().equals(p.portName())).findFirst()).map(PortSpec::typeId).orElse("");
            setToolTipText((p.input() ? "Input " : "Output ") + p.portName() + " : " + type);
            return;
        }
        Optional<String> node = layout.nodeAt(d.x(), d.y());
        setToolTipText(node.flatMap(id -> layout.model().node(id))
                .map(n -> n.label() + "\n" + n.typeId() + "\n" + state(n.id()).name().toLowerCase().replace('_', ' '))
                .orElse(hint));
    }

    private Color color(Rgb rgb) {
        return colors.computeIfAbsent(rgb, c -> new Color(getDisplay(), new RGB(c.red(), c.green(), c.blue())));
    }

    private void paint(GC gc) {
        ensureViewport();
        Rectangle area = getClientArea();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setBackground(color(BACKGROUND));
        gc.fillRectangle(area);
        double step = 20 * viewport.scale();
        if (step >= 8) {
            gc.setForeground(color(GRID));
            double firstX = step - Math.floorMod((long) Math.floor(viewport.offsetX()), (long) Math.max(1, Math.round(step)));
            double firstY = step - Math.floorMod((long) Math.floor(viewport.offsetY()), (long) Math.max(1, Math.round(step)));
            for (double x = firstX; x < area.width; x += step) {
                for (double y = firstY; y < area.height; y += step) {
                    gc.drawPoint((int) x, (int) y);
                }
            }
        }
        Transform transform = new Transform(getDisplay());
        try {
            transform.translate((float) -viewport.offsetX(), (float) -viewport.offsetY());
            transform.scale((float) viewport.scale(), (float) viewport.scale());
            gc.setTransform(transform);
            Point a = viewport.toDiagram(area.x, area.y);
            Point b = viewport.toDiagram(area.x + area.width, area.y + area.height);
            paintDiagram(gc, new Box(a.x() - 20, a.y() - 20, b.x() - a.x() + 40, b.y() - a.y() + 40));
        } finally {
            gc.setTransform(null);
            transform.dispose();
        }
        if (gesture == Gesture.RUBBER_BAND && dragging) {
            Box band = band();
            gc.setAlpha(40);
            gc.setBackground(color(BAND));
            gc.fillRectangle(band.x(), band.y(), band.width(), band.height());
            gc.setAlpha(255);
            gc.setForeground(color(BAND));
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRectangle(band.x(), band.y(), band.width(), band.height());
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        if (hint != null) {
            paintHint(gc, area);
        }
    }

    private void paintHint(GC gc, Rectangle area) {
        gc.setFont(getFont());
        org.eclipse.swt.graphics.Point size = gc.textExtent(hint);
        int x = 10;
        int y = area.height - size.y - 18;
        gc.setBackground(color(hintIsError ? new Rgb(0xFF, 0xEB, 0xEE) : HINT_BACKGROUND));
        gc.fillRoundRectangle(x, y, size.x + 16, size.y + 10, 8, 8);
        gc.setForeground(color(hintIsError ? REFUSED : SUBTEXT));
        gc.drawRoundRectangle(x, y, size.x + 16, size.y + 10, 8, 8);
        gc.drawText(hint, x + 8, y + 5, true);
    }

    private void paintDiagram(GC gc, Box visible) {
        DiagramLayout shown = preview != null ? preview : layout;
        for (EdgeSpec edge : shown.model().edges()) {
            if (shown.isDrawable(edge) && visibleEdge(shown, edge, visible)) {
                paintEdge(gc, shown, edge);
            }
        }
        for (NodeSpec node : shown.model().nodes()) {
            Box b = shown.bounds(node.id());
            if (b.x() < visible.right() && visible.x() < b.right() && b.y() < visible.bottom() && visible.y() < b.bottom()) {
                paintNode(gc, shown, node);
            }
        }
        if (gesture == Gesture.CONNECT && dragging && connectFrom != null) {
            paintPendingWire(gc, shown);
        }
    }

    private static boolean visibleEdge(DiagramLayout layout, EdgeSpec edge, Box visible) {
        List<Point> c = layout.edgeCurve(edge);
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (Point p : c) {
            left = Math.min(left, p.x());
            right = Math.max(right, p.x());
            top = Math.min(top, p.y());
            bottom = Math.max(bottom, p.y());
        }
        return left <= visible.right() && visible.x() <= right && top <= visible.bottom() && visible.y() <= bottom;
    }

    private void paintPendingWire(GC gc, DiagramLayout shown) {
        Point from = shown.portCenter(connectFrom.nodeId(), connectFrom.portName(), connectFrom.input());
        Point to = connectTo != null ? shown.portCenter(connectTo.nodeId(), connectTo.portName(), connectTo.input())
                : viewport.toDiagram(pointerX, pointerY);
        gc.setForeground(color(connectTo == null ? BAND : connectRefusal != null ? REFUSED : OK));
        gc.setLineWidth(2);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(from.x(), from.y(), to.x(), to.y());
        gc.setLineStyle(SWT.LINE_SOLID);
        if (connectTo != null) {
            Box box = shown.portBox(connectTo.nodeId(), connectTo.portName(), connectTo.input()).expand(3);
            gc.drawRectangle(box.x(), box.y(), box.width(), box.height());
        }
        gc.setLineWidth(1);
    }

    private void paintEdge(GC gc, DiagramLayout layout, EdgeSpec edge) {
        String type = layout.model().node(edge.sourceNode()).flatMap(n -> n.outputs().stream()
                .filter(p -> p.name().equals(edge.sourcePort())).findFirst()).map(PortSpec::typeId).orElse("");
        boolean isSelected = edge.equals(selectedEdge);
        Color c = color(isSelected ? NodeState.SELECTION : portColors.color(type));
        List<Point> curve = layout.edgeCurve(edge);
        Path path = new Path(getDisplay());
        try {
            path.moveTo(curve.get(0).x(), curve.get(0).y());
            path.cubicTo(curve.get(1).x(), curve.get(1).y(), curve.get(2).x(), curve.get(2).y(), curve.get(3).x(),
                    curve.get(3).y());
            gc.setForeground(c);
            gc.setLineWidth(isSelected ? 4 : 2);
            gc.drawPath(path);
            gc.setLineWidth(1);
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
        NodeState state = node.missing() ? NodeState.MISSING : state(node.id());
        int arc = DiagramLayout.ARC;
        gc.setBackground(color(SHADOW));
        gc.fillRoundRectangle(b.x() + 3, b.y() + 3, b.width(), b.height(), arc, arc);
        gc.setBackground(color(state.fill()));
        gc.fillRoundRectangle(b.x(), b.y(), b.width(), b.height(), arc, arc);
        boolean isSelected = selection.contains(node.id());
        gc.setForeground(color(isSelected ? NodeState.SELECTION : state.border()));
        gc.setLineWidth(isSelected ? 3 : state == NodeState.STALE || state == NodeState.MISSING ? 2 : 1);
        if (state == NodeState.MISSING || state == NodeState.STALE) {
            gc.setLineStyle(SWT.LINE_DASH);
        }
        gc.drawRoundRectangle(b.x(), b.y(), b.width() - 1, b.height() - 1, arc, arc);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);

        int textWidth = b.width() - 2 * (DiagramLayout.PORT_SIZE + 4);
        gc.setFont(boldFont);
        gc.setForeground(color(TEXT));
        String label = shorten(gc, node.label(), textWidth);
        org.eclipse.swt.graphics.Point labelSize = gc.textExtent(label);
        gc.drawText(label, b.x() + (b.width() - labelSize.x) / 2, b.y() + 7, true);
        gc.setFont(smallFont);
        gc.setForeground(color(node.missing() ? state.border() : SUBTEXT));
        String type = shorten(gc, node.missing() ? "missing: " + node.typeId() : node.typeId(), textWidth);
        gc.drawText(type, b.x() + (b.width() - gc.textExtent(type).x) / 2, b.y() + 9 + labelSize.y, true);
        String caption = node.missing() ? "type not installed" : captions.get(node.id());
        if (caption == null && state == NodeState.STALE) {
            caption = "stale";
        }
        if (caption != null && !caption.isEmpty()) {
            caption = shorten(gc, caption, textWidth);
            gc.setForeground(color(state.border()));
            org.eclipse.swt.graphics.Point size = gc.textExtent(caption);
            gc.drawText(caption, b.x() + (b.width() - size.x) / 2, b.bottom() - size.y - 6, true);
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
