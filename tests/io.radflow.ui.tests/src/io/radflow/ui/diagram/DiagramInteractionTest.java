package io.radflow.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.ui.diagram.DiagramModel.EdgeSpec;
import io.radflow.ui.diagram.DiagramModel.NodeSpec;
import io.radflow.ui.diagram.DiagramModel.PortSpec;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Point;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Zoom/pan arithmetic, rubber band and wire hit-testing, alignment and the layered auto-layout. */
class DiagramInteractionTest {

    private static NodeSpec node(String id, int x, int y) {
        return new NodeSpec(id, null, "t", x, y, List.of(new PortSpec("in", "radflow.table")),
                List.of(new PortSpec("out", "radflow.table")));
    }

    @Test
    void zoomKeepsThePointUnderThePointerAndPanMovesTheContent() {
        Viewport v = new Viewport(1, 0, 0);
        Viewport zoomed = v.zoomAt(2, 100, 50);
        assertEquals(2, zoomed.scale());
        // diagram point (100, 50) stays at control (100, 50)
        assertEquals(new Point(100, 50), zoomed.toControl(100, 50));
        assertEquals(new Point(100, 50), zoomed.toDiagram(100, 50));
        assertEquals(new Point(0, 0), zoomed.toControl(50, 25));
        Viewport panned = zoomed.panBy(30, -10);
        assertEquals(new Point(130, 40), panned.toControl(100, 50));
        assertEquals(Viewport.MAX_SCALE, v.zoomAt(1000, 0, 0).scale());
        assertEquals(Viewport.MIN_SCALE, v.zoomAt(1e-9, 0, 0).scale());
        // round trip control -> diagram -> control at an odd zoom
        Viewport odd = new Viewport(0.37, -12.5, 40.25);
        for (int x = 0; x < 300; x += 37) {
            Point d = odd.toDiagram(x, x / 2);
            Point back = odd.toControl(d.x(), d.y());
            assertTrue(Math.abs(back.x() - x) <= 1 && Math.abs(back.y() - x / 2) <= 1, x + " -> " + d + " -> " + back);
        }
    }

    @Test
    void fitShowsTheWholeContentCentredAndNeverZoomsAboveTheLimit() {
        Box content = new Box(100, 200, 1000, 500);
        Viewport fit = Viewport.fit(content, 600, 400, 30, 1);
        // (600 - 60) / 1000 = 0.54 and (400 - 60) / 500 = 0.68: the width decides
        assertEquals(0.54, fit.scale(), 1e-12);
        Point topLeft = fit.toControl(100, 200);
        Point bottomRight = fit.toControl(1100, 700);
        assertEquals(30, topLeft.x());
        assertEquals(570, bottomRight.x());
        assertEquals(400 - bottomRight.y(), topLeft.y(), "centred vertically");
        Viewport small = Viewport.fit(new Box(0, 0, 100, 50), 600, 400, 30, 1);
        assertEquals(1, small.scale(), "a small diagram is not magnified");
    }

    @Test
    void rubberBandAndWireHits() {
        List<NodeSpec> nodes = List.of(node("a", 0, 0), node("b", 400, 0), node("c", 0, 300));
        EdgeSpec ab = new EdgeSpec("a", "out", "b", "in");
        DiagramLayout layout = new DiagramLayout(new DiagramModel(nodes, List.of(ab)));
        assertEquals(List.of("a", "b"), layout.nodesIn(new Box(150, 10, 300, 20)));
        assertEquals(List.of(), layout.nodesIn(new Box(200, 100, 100, 100)));
        assertEquals(List.of("a", "b", "c"), layout.nodesIn(layout.contentBounds()));
        assertEquals(new Box(0, 0, 590, 364), layout.contentBounds());
        // the wire runs horizontally at the port height y = 32 from x = 190 to the arrow at 385
        assertEquals(Optional.of(ab), layout.edgeAt(290, 34, 5));
        assertEquals(Optional.empty(), layout.edgeAt(290, 60, 5));
        DiagramLayout moved = layout.moved(Set.of("a", "c"), 10, 5);
        assertEquals(new Box(10, 5, 190, 64), moved.bounds("a"));
        assertEquals(new Box(10, 305, 190, 64), moved.bounds("c"));
        assertEquals(layout.bounds("b"), moved.bounds("b"));
    }

    @Test
    void alignmentMovesBoxesToTheSharedEdgeOrSpreadsThem() {
        Map<String, Box> boxes = new LinkedHashMap<>();
        boxes.put("a", new Box(10, 100, 190, 64));
        boxes.put("b", new Box(50, 0, 190, 84));
        boxes.put("c", new Box(400, 300, 100, 64));
        assertEquals(Map.of("a", new Point(10, 100), "b", new Point(10, 0), "c", new Point(10, 300)),
                Alignment.LEFT.apply(boxes));
        assertEquals(Map.of("a", new Point(310, 100), "b", new Point(310, 0), "c", new Point(400, 300)),
                Alignment.RIGHT.apply(boxes));
        assertEquals(Map.of("a", new Point(10, 0), "b", new Point(50, 0), "c", new Point(400, 0)), Alignment.TOP.apply(boxes));
        assertEquals(Map.of("a", new Point(10, 300), "b", new Point(50, 280), "c", new Point(400, 300)),
                Alignment.BOTTOM.apply(boxes));
        // bounds 10..500: centre 255; bounds 0..364: middle 182
        assertEquals(new Point(160, 100), Alignment.CENTER.apply(boxes).get("a"));
        assertEquals(new Point(50, 140), Alignment.MIDDLE.apply(boxes).get("b"));
        // x: a 10..200, b 50..240, c 400..500: span 490, widths 480, two gaps of 5
        Map<String, Point> spread = Alignment.DISTRIBUTE_HORIZONTALLY.apply(boxes);
        assertEquals(new Point(10, 100), spread.get("a"));
        assertEquals(new Point(205, 0), spread.get("b"));
        assertEquals(new Point(400, 300), spread.get("c"));
        assertEquals(Map.of("a", new Point(10, 100)), Alignment.LEFT.apply(Map.of("a", boxes.get("a"))));
    }

    @Test
    void layeredLayoutOrdersLaterColumnsByTheirPredecessors() {
        // sources s1, s2; t2 fed by s2 is listed before t1 fed by s1: the barycentre puts t1 first
        List<NodeSpec> nodes = List.of(node("s1", 500, 500), node("s2", 0, 0), node("t2", 9, 9), node("t1", 3, 3));
        List<EdgeSpec> edges = List.of(new EdgeSpec("s1", "out", "t1", "in"), new EdgeSpec("s2", "out", "t2", "in"));
        Map<String, Point> p = DiagramLayout.layered(new DiagramModel(nodes, edges));
        int column = DiagramLayout.NODE_WIDTH + DiagramLayout.GAP_X;
        int row = 64 + DiagramLayout.GAP_Y;
        assertEquals(new Point(30, 30), p.get("s1"));
        assertEquals(new Point(30, 30 + row), p.get("s2"));
        assertEquals(new Point(30 + column, 30), p.get("t1"));
        assertEquals(new Point(30 + column, 30 + row), p.get("t2"));
        assertTrue(new DiagramLayout(new DiagramModel(nodes, edges)).withPositions(p).nodesIn(new Box(0, 0, 10, 10)).isEmpty());
    }
}
