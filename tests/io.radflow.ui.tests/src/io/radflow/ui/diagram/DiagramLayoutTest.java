package io.radflow.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.ui.diagram.DiagramLayout.PortHit;
import io.radflow.ui.diagram.DiagramModel.EdgeSpec;
import io.radflow.ui.diagram.DiagramModel.NodeSpec;
import io.radflow.ui.diagram.DiagramModel.PortSpec;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Point;
import io.radflow.ui.diagram.Geometry.Rgb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Geometry and hit-testing of the pipeline diagram, checked against hand-computed positions. */
class DiagramLayoutTest {

    private static final PortSpec TABLE_IN = new PortSpec("in", "radflow.table");

    private static NodeSpec node(String id, int x, int y, int inputs, int outputs) {
        List<PortSpec> in = java.util.stream.IntStream.range(0, inputs).mapToObj(i -> new PortSpec("i" + i, "radflow.table"))
                .toList();
        List<PortSpec> out = java.util.stream.IntStream.range(0, outputs)
                .mapToObj(i -> new PortSpec("o" + i, "radflow.cohort")).toList();
        return new NodeSpec(id, null, "test.type", x, y, in, out);
    }

    @Test
    void boxesSitAtStoredPositionsAndGrowWithPortCount() {
        DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(node("a", 10, 20, 1, 1), node("b", 300, 40, 3, 1)),
                List.of()));
        assertEquals(new Box(10, 20, 190, 64), layout.bounds("a"));
        // three ports: 2*22 + 2*20 = 84 > 64
        assertEquals(new Box(300, 40, 190, 84), layout.bounds("b"));
        assertEquals(new Point(300 + 190 + 30, 40 + 84 + 30), layout.extent());
    }

    @Test
    void portsAreCentredOnTheBoxEdges() {
        DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(node("b", 300, 40, 3, 2)), List.of()));
        // middle of the box is y = 40 + 84/2 = 82; three inputs at 62, 82, 102
        assertEquals(new Point(300, 62), layout.portCenter("b", "i0", true));
        assertEquals(new Point(300, 82), layout.portCenter("b", "i1", true));
        assertEquals(new Point(300, 102), layout.portCenter("b", "i2", true));
        // two outputs at 82 - 10 and 82 + 10 on the right edge x = 490
        assertEquals(new Point(490, 72), layout.portCenter("b", "o0", false));
        assertEquals(new Point(490, 92), layout.portCenter("b", "o1", false));
        assertEquals(new Box(485, 67, 10, 10), layout.portBox("b", "o0", false));
    }

    @Test
    void hitTestingFindsTheTopmostNodeAndRespectsEdges() {
        DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(node("under", 0, 0, 1, 1),
                node("over", 100, 30, 1, 1)), List.of()));
        assertEquals(Optional.of("under"), layout.nodeAt(5, 5));
        assertEquals(Optional.of("over"), layout.nodeAt(150, 40), "later nodes are drawn on top");
        assertEquals(Optional.of("under"), layout.nodeAt(189, 10));
        assertEquals(Optional.empty(), layout.nodeAt(190, 10), "the right edge is outside the box");
        assertEquals(Optional.empty(), layout.nodeAt(50, 64 + 30 + 1));
    }

    @Test
    void portHitsIncludeAFewPixelsOfSlop() {
        DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(node("n", 0, 0, 1, 1)), List.of()));
        // single ports at the box middle y = 32; input square spans x -5..4
        assertEquals(Optional.of(new PortHit("n", "i0", true)), layout.portAt(-7, 32));
        assertEquals(Optional.of(new PortHit("n", "o0", false)), layout.portAt(193, 35));
        assertEquals(Optional.empty(), layout.portAt(-9, 32));
        assertEquals(Optional.empty(), layout.portAt(100, 32));
    }

    @Test
    void connectionsRunFromOutputPortToArrowTipAtInputPort() {
        EdgeSpec edge = new EdgeSpec("a", "o0", "b", "i0");
        DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(node("a", 0, 0, 0, 1), node("b", 400, 100, 1, 0)),
                List.of(edge)));
        List<Point> curve = layout.edgeCurve(edge);
        assertEquals(new Point(190, 32), curve.get(0));
        // end = input port centre (400, 132) minus half a port and the arrow length
        assertEquals(new Point(385, 132), curve.get(3));
        int reach = (385 - 190) / 2;
        assertEquals(new Point(190 + reach, 32), curve.get(1));
        assertEquals(new Point(385 - reach, 132), curve.get(2));
        assertEquals(List.of(new Point(395, 132), new Point(385, 127), new Point(385, 137)), layout.arrowHead(edge));
        assertTrue(layout.isDrawable(edge));
        assertTrue(!layout.isDrawable(new EdgeSpec("a", "missing", "b", "i0")));
    }

    @Test
    void unplacedPipelinesAreLaidOutInColumnsByLongestPath() {
        // a -> b -> c and a -> c: c belongs to column 2, not 1
        List<NodeSpec> nodes = List.of(node("a", 0, 0, 0, 1), node("b", 0, 0, 1, 1), node("c", 0, 0, 2, 0),
                node("d", 0, 0, 0, 1));
        List<EdgeSpec> edges = List.of(new EdgeSpec("a", "o0", "b", "i0"), new EdgeSpec("b", "o0", "c", "i0"),
                new EdgeSpec("a", "o0", "c", "i1"));
        DiagramLayout layout = new DiagramLayout(new DiagramModel(nodes, edges));
        int column = DiagramLayout.NODE_WIDTH + DiagramLayout.GAP_X;
        assertEquals(new Box(30, 30, 190, 64), layout.bounds("a"));
        assertEquals(30 + column, layout.bounds("b").x());
        assertEquals(30 + 2 * column, layout.bounds("c").x());
        // d is a second source: column 0, below a
        assertEquals(new Box(30, 30 + 64 + DiagramLayout.GAP_Y, 190, 64), layout.bounds("d"));
    }

    @Test
    void movingANodeKeepsTheOthersWhereTheyWere() {
        List<NodeSpec> nodes = List.of(node("a", 0, 0, 0, 1), node("b", 0, 0, 1, 0));
        EdgeSpec edge = new EdgeSpec("a", "o0", "b", "i0");
        DiagramLayout auto = new DiagramLayout(new DiagramModel(nodes, List.of(edge)));
        DiagramLayout moved = auto.moved("a", 15, -7);
        assertEquals(new Box(45, 23, 190, 64), moved.bounds("a"));
        assertEquals(auto.bounds("b"), moved.bounds("b"), "b keeps its automatic position");
        assertEquals(new Point(45 + 190, 23 + 32), moved.edgeCurve(edge).get(0), "the wire follows the node");
        assertEquals(Map.of("a", new Point(45, 23), "b", new Point(30 + 190 + 90, 30)), moved.positions());
        // moving a node onto the shared position of the others must not re-trigger the automatic layout
        DiagramLayout stacked = moved.moved("a", auto.bounds("b").x() - 45, 30 - 23);
        assertEquals(stacked.bounds("a").x(), stacked.bounds("b").x());
    }

    @Test
    void unknownNodesAndPortsAreNamedInErrors() {
        DiagramLayout layout = new DiagramLayout(new DiagramModel(List.of(node("n", 0, 0, 1, 0)), List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.bounds("ghost"));
        assertTrue(e.getMessage().contains("ghost"));
        e = assertThrows(IllegalArgumentException.class, () -> layout.portCenter("n", "nope", true));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("input"));
        assertThrows(IllegalArgumentException.class,
                () -> new DiagramModel(List.of(node("x", 0, 0, 0, 0), node("x", 1, 1, 0, 0)), List.of()));
    }

    @Test
    void portColoursComeFromTheDeclarationOrAStablePalette() {
        PortColors colors = new PortColors(id -> Optional.ofNullable(Map.of("radflow.table", "#2E7D32",
                "bad", "green").get(id)));
        assertEquals(new Rgb(0x2E, 0x7D, 0x32), colors.color("radflow.table"));
        Rgb fallback = colors.color("bad");
        assertTrue(PortColors.FALLBACK.contains(fallback));
        assertEquals(fallback, new PortColors(id -> Optional.empty()).color("bad"));
        assertThrows(IllegalArgumentException.class, () -> Rgb.parse("#12345"));
        assertEquals(NodeState.SUCCEEDED, NodeState.ofStatusName("SUCCEEDED"));
        assertEquals(NodeState.NOT_RUN, NodeState.ofStatusName(null));
        assertEquals(TABLE_IN, new PortSpec("in", "radflow.table"));
    }
}
