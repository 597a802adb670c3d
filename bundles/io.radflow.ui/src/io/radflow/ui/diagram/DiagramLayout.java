package io.radflow.ui.diagram;

import io.radflow.ui.diagram.DiagramModel.EdgeSpec;
import io.radflow.ui.diagram.DiagramModel.NodeSpec;
import io.radflow.ui.diagram.DiagramModel.PortSpec;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Point;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model-to-figure geometry of the pipeline editor: node boxes, port squares, connection curves
 * and hit-testing, in diagram coordinates. Free of SWT so that it can be unit-tested; the canvas
 * only paints what this class computes.
 *
 * <p>A node is a box of width {@link #NODE_WIDTH} placed at its stored (x, y). Its height grows
 * with the larger of its input and output counts: {@code max(MIN_HEIGHT, 2*PORT_TOP + (n-1)*PORT_SPACING)}.
 * Input ports sit on the left edge, output ports on the right edge, vertically centred around
 * the box middle, one every {@link #PORT_SPACING} pixels. When every node of a pipeline has the
 * same stored position (a file written without a layout), nodes are placed in columns by their
 * longest-path depth from the sources, in model order inside a column.
 */
public final class DiagramLayout {

    public static final int NODE_WIDTH = 190;
    public static final int MIN_HEIGHT = 64;
    public static final int PORT_SIZE = 10;
    public static final int PORT_SPACING = 20;
    /** Distance from the top (and bottom) of a box to the first (last) port centre at minimum. */
    public static final int PORT_TOP = 22;
    /** Corner radius of the rounded boxes. */
    public static final int ARC = 14;
    /** Margin kept around the diagram and used by the automatic layout. */
    public static final int MARGIN = 30;
    static final int GAP_X = 90;
    static final int GAP_Y = 40;
    static final int ARROW_LENGTH = 10;
    static final int ARROW_HALF_WIDTH = 5;
    /** Pixels around a port square that still hit the port. */
    static final int PORT_SLOP = 3;

    /** A port under the pointer. */
    public record PortHit(String nodeId, String portName, boolean input) {
    }

    private final DiagramModel model;
    private final Map<String, Box> boxes = new LinkedHashMap<>();

    public DiagramLayout(DiagramModel model) {
        this(model, true);
    }

    private DiagramLayout(DiagramModel model, boolean allowAutoLayout) {
        this.model = model;
        boolean autoLayout = allowAutoLayout && needsAutoLayout(model.nodes());
        Map<String, Point> positions = autoLayout ? autoPositions(model) : Map.of();
        for (NodeSpec node : model.nodes()) {
            Point p = autoLayout ? positions.get(node.id()) : new Point(node.x(), node.y());
            boxes.put(node.id(), new Box(p.x(), p.y(), NODE_WIDTH, height(node)));
        }
    }

    public DiagramModel model() {
        return model;
    }

    /** Height of a node's box from its port counts. */
    public static int height(NodeSpec node) {
        int n = Math.max(node.inputs().size(), node.outputs().size());
        return Math.max(MIN_HEIGHT, 2 * PORT_TOP + Math.max(0, n - 1) * PORT_SPACING);
    }

    /** The box of a node, or an exception naming the unknown node. */
    public Box bounds(String nodeId) {
        Box box = boxes.get(nodeId);
        if (box == null) {
            throw new IllegalArgumentException("No node '" + nodeId + "' in the diagram");
        }
        return box;
    }

    /** Centre of a port on its node's edge (left edge for inputs, right edge for outputs). */
    public Point portCenter(String nodeId, String portName, boolean input) {
        NodeSpec node = model.node(nodeId)
                .orElseThrow(() -> new IllegalArgumentException("No node '" + nodeId + "' in the diagram"));
        List<PortSpec> ports = input ? node.inputs() : node.outputs();
        int index = -1;
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(portName)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("Node '" + nodeId + "' has no " + (input ? "input" : "output")
                    + " port '" + portName + "'");
        }
        Box box = bounds(nodeId);
        int first = box.y() + box.height() / 2 - (ports.size() - 1) * PORT_SPACING / 2;
        return new Point(input ? box.x() : box.right(), first + index * PORT_SPACING);
    }

    /** The square drawn for a port, centred on {@link #portCenter}. */
    public Box portBox(String nodeId, String portName, boolean input) {
        Point c = portCenter(nodeId, portName, input);
        return new Box(c.x() - PORT_SIZE / 2, c.y() - PORT_SIZE / 2, PORT_SIZE, PORT_SIZE);
    }

    /** The topmost node whose box contains the point (nodes drawn later are on top). */
    public Optional<String> nodeAt(int x, int y) {
        List<NodeSpec> nodes = model.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (bounds(nodes.get(i).id()).contains(x, y)) {
                return Optional.of(nodes.get(i).id());
            }
        }
        return Optional.empty();
    }

    /** The port whose square (plus a few pixels of slop) contains the point. */
    public Optional<PortHit> portAt(int x, int y) {
        List<NodeSpec> nodes = model.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeSpec node = nodes.get(i);
            for (PortSpec port : node.inputs()) {
                if (portBox(node.id(), port.name(), true).expand(PORT_SLOP).contains(x, y)) {
                    return Optional.of(new PortHit(node.id(), port.name(), true));
                }
            }
            for (PortSpec port : node.outputs()) {
                if (portBox(node.id(), port.name(), false).expand(PORT_SLOP).contains(x, y)) {
                    return Optional.of(new PortHit(node.id(), port.name(), false));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether both ends of the edge exist in the diagram (a dangling connection is not drawn). */
    public boolean isDrawable(EdgeSpec edge) {
        return hasPort(edge.sourceNode(), edge.sourcePort(), false) && hasPort(edge.targetNode(), edge.targetPort(), true);
    }

    private boolean hasPort(String nodeId, String port, boolean input) {
        return model.node(nodeId)
                .map(n -> (input ? n.inputs() : n.outputs()).stream().anyMatch(p -> p.name().equals(port)))
                .orElse(false);
    }

    /**
     * The cubic Bezier curve of a connection: start (output port centre), two control points and
     * end (where the arrow head's tip touches the input port). The control points lie
     * horizontally {@code max(40, |dx|/2)} away from the ends, so the curve leaves and enters
     * ports horizontally.
     */
    public List<Point> edgeCurve(EdgeSpec edge) {
        Point start = portCenter(edge.sourceNode(), edge.sourcePort(), false);
        Point tip = portCenter(edge.targetNode(), edge.targetPort(), true);
        Point end = new Point(tip.x() - PORT_SIZE / 2 - ARROW_LENGTH, tip.y());
        int reach = Math.max(40, Math.abs(end.x() - start.x()) / 2);
        return List.of(start, new Point(start.x() + reach, start.y()), new Point(end.x() - reach, end.y()), end);
    }

    /** The arrow head of a connection: tip at the input port's left side, then the two back corners. */
    public List<Point> arrowHead(EdgeSpec edge) {
        Point tip = portCenter(edge.targetNode(), edge.targetPort(), true);
        int tipX = tip.x() - PORT_SIZE / 2;
        return List.of(new Point(tipX, tip.y()), new Point(tipX - ARROW_LENGTH, tip.y() - ARROW_HALF_WIDTH),
                new Point(tipX - ARROW_LENGTH, tip.y() + ARROW_HALF_WIDTH));
    }

    /** Top-left corner of every node box, by node id, as laid out (stored or automatic positions). */
    public Map<String, Point> positions() {
        Map<String, Point> positions = new LinkedHashMap<>();
        boxes.forEach((id, box) -> positions.put(id, new Point(box.x(), box.y())));
        return positions;
    }

    /**
     * This diagram with one node moved by (dx, dy); every other node keeps its current box, also
     * when its position came from the automatic layout. Used to preview a drag.
     */
    public DiagramLayout moved(String nodeId, int dx, int dy) {
        return moved(java.util.Set.of(nodeId), dx, dy);
    }

    /** This diagram with the given nodes moved by (dx, dy), the others kept where they are drawn. */
    public DiagramLayout moved(java.util.Collection<String> nodeIds, int dx, int dy) {
        nodeIds.forEach(this::bounds); // unknown ids are errors
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec n : model.nodes()) {
            Box b = bounds(n.id());
            nodes.add(nodeIds.contains(n.id()) ? n.at(b.x() + dx, b.y() + dy) : n.at(b.x(), b.y()));
        }
        return new DiagramLayout(new DiagramModel(nodes, model.edges()), false);
    }

    /** This diagram with the nodes at the given top-left corners (nodes not listed stay where they are drawn). */
    public DiagramLayout withPositions(Map<String, Point> positions) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec n : model.nodes()) {
            Point p = positions.getOrDefault(n.id(), new Point(bounds(n.id()).x(), bounds(n.id()).y()));
            nodes.add(n.at(p.x(), p.y()));
        }
        return new DiagramLayout(new DiagramModel(nodes, model.edges()), false);
    }

    /** Nodes whose boxes intersect {@code area} (a rubber band), in drawing order. */
    public List<String> nodesIn(Box area) {
        List<String> hits = new ArrayList<>();
        for (NodeSpec n : model.nodes()) {
            Box b = bounds(n.id());
            if (b.x() < area.right() && area.x() < b.right() && b.y() < area.bottom() && area.y() < b.bottom()) {
                hits.add(n.id());
            }
        }
        return hits;
    }

    /**
     * The drawable connection passing within {@code tolerance} pixels of the point (the closest one),
     * measured against its curve sampled at {@value #EDGE_SAMPLES} points.
     */
    public Optional<EdgeSpec> edgeAt(int x, int y, int tolerance) {
        EdgeSpec best = null;
        double bestDistance = tolerance;
        for (EdgeSpec edge : model.edges()) {
            if (!isDrawable(edge)) {
                continue;
            }
            List<Point> c = edgeCurve(edge);
            double px = c.get(0).x();
            double py = c.get(0).y();
            for (int i = 1; i <= EDGE_SAMPLES; i++) {
                double t = (double) i / EDGE_SAMPLES;
                double u = 1 - t;
                double qx = u * u * u * c.get(0).x() + 3 * u * u * t * c.get(1).x() + 3 * u * t * t * c.get(2).x() + t * t * t * c.get(3).x();
                double qy = u * u * u * c.get(0).y() + 3 * u * u * t * c.get(1).y() + 3 * u * t * t * c.get(2).y() + t * t * t * c.get(3).y();
                double d = segmentDistance(x, y, px, py, qx, qy);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = edge;
                }
                px = qx;
                py = qy;
            }
        }
        return Optional.ofNullable(best);
    }

    static final int EDGE_SAMPLES = 24;

    private static double segmentDistance(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
        return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    }

    /** The smallest box around all nodes (an empty box at the margin when there are none). */
    public Box contentBounds() {
        if (boxes.isEmpty()) {
            return new Box(MARGIN, MARGIN, 0, 0);
        }
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (Box b : boxes.values()) {
            left = Math.min(left, b.x());
            top = Math.min(top, b.y());
            right = Math.max(right, b.right());
            bottom = Math.max(bottom, b.bottom());
        }
        return new Box(left, top, right - left, bottom - top);
    }

    /** Size needed to show the whole diagram from the origin, including {@link #MARGIN}. */
    public Point extent() {
        int w = 0;
        int h = 0;
        for (Box box : boxes.values()) {
            w = Math.max(w, box.right());
            h = Math.max(h, box.bottom());
        }
        return new Point(w + MARGIN, h + MARGIN);
    }

    static boolean needsAutoLayout(List<NodeSpec> nodes) {
        if (nodes.size() < 2) {
            return false;
        }
        NodeSpec first = nodes.get(0);
        return nodes.stream().allMatch(n -> n.x() == first.x() && n.y() == first.y());
    }

    /**
     * The layered left-to-right layout (what Auto-layout applies and what files without positions
     * get): a node's column is its longest-path depth from the sources (cycles are broken by visiting
     * order); columns are {@code NODE_WIDTH + GAP_X} apart from {@link #MARGIN}. The first column keeps
     * model order; each later column is ordered by the mean row of each node's predecessors
     * (barycentre heuristic, fewer crossings), ties in model order; nodes stack from the top,
     * {@code GAP_Y} apart.
     */
    public static Map<String, Point> layered(DiagramModel model) {
        return autoPositions(model);
    }

    private static Map<String, Point> autoPositions(DiagramModel model) {
        Map<String, List<String>> successors = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        for (NodeSpec n : model.nodes()) {
            successors.put(n.id(), new ArrayList<>());
            indegree.put(n.id(), 0);
        }
        for (EdgeSpec e : model.edges()) {
            if (successors.containsKey(e.sourceNode()) && indegree.containsKey(e.targetNode())) {
                successors.get(e.sourceNode()).add(e.targetNode());
                indegree.merge(e.targetNode(), 1, Integer::sum);
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (NodeSpec n : model.nodes()) {
            rank.put(n.id(), 0);
            if (indegree.get(n.id()) == 0) {
                ready.add(n.id());
            }
        }
        while (!ready.isEmpty()) {
            String id = ready.poll();
            for (String next : successors.get(id)) {
                rank.put(next, Math.max(rank.get(next), rank.get(id) + 1));
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        Map<String, List<String>> predecessors = new HashMap<>();
        for (EdgeSpec e : model.edges()) {
            if (successors.containsKey(e.sourceNode()) && successors.containsKey(e.targetNode())) {
                predecessors.computeIfAbsent(e.targetNode(), k -> new ArrayList<>()).add(e.sourceNode());
            }
        }
        java.util.TreeMap<Integer, List<NodeSpec>> columns = new java.util.TreeMap<>();
        Map<String, Integer> modelIndex = new HashMap<>();
        for (NodeSpec n : model.nodes()) {
            modelIndex.put(n.id(), modelIndex.size());
            columns.computeIfAbsent(rank.get(n.id()), k -> new ArrayList<>()).add(n);
        }
        Map<String, Integer> row = new HashMap<>();
        Map<String, Point> positions = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<NodeSpec>> column : columns.entrySet()) {
            List<NodeSpec> nodes = column.getValue();
            Map<String, Double> barycentre = new HashMap<>();
            for (NodeSpec n : nodes) {
                double mean = predecessors.getOrDefault(n.id(), List.of()).stream().filter(row::containsKey)
                        .mapToInt(row::get).average().orElse(Double.NaN);
                barycentre.put(n.id(), mean);
            }
            if (column.getKey() > 0) {
                nodes.sort(java.util.Comparator.<NodeSpec>comparingDouble(n -> {
                    double b = barycentre.get(n.id());
                    return Double.isNaN(b) ? Double.MAX_VALUE : b;
                }).thenComparing(n -> modelIndex.get(n.id())));
            }
            int y = MARGIN;
            for (int i = 0; i < nodes.size(); i++) {
                NodeSpec n = nodes.get(i);
                row.put(n.id(), i);
                positions.put(n.id(), new Point(MARGIN + column.getKey() * (NODE_WIDTH + GAP_X), y));
                y += height(n) + GAP_Y;
            }
        }
        return positions;
    }
}
