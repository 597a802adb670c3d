package io.radflow.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.stats.nodes.SurvivalCurves;
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.LogRankTest;
import io.radflow.stats.survival.SurvivalData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Structural diff, variant sweep, metric table and curve overlay on the demo pipeline and small runs. */
class CompareLogicTest {

    private static Path demoFile() {
        return Path.of(System.getProperty("radflow.workspace", "../../examples"), "demo.radflow");
    }

    private static Node node(Pipeline p, String id) {
        return p.getNodes().stream().filter(n -> n.getId().equals(id)).findFirst().orElseThrow();
    }

    private static void set(Node node, String key, String value) {
        for (Parameter p : node.getParameters()) {
            if (p.getKey().equals(key)) {
                p.setValue(value);
            }
        }
    }

    @Test
    void diffListsChangedParametersAndAddedRemovedNodesAndConnections() throws Exception {
        Pipeline before = PipelineFiles.load(demoFile());
        Pipeline after = PipelineFiles.copy(before);
        assertTrue(PipelineDiff.between(before, after).isEmpty(), "a copy has no difference");
        set(node(after, "firstorder"), "binWidth", "16");
        node(after, "cox").setLabel("Cox ranking");
        node(after, "split").setX(999); // layout only: not a difference
        Node plot = node(after, "kmplot");
        after.getConnections().removeIf(c -> c.getTarget() == plot);
        after.getNodes().remove(plot);
        PipelineDiff diff = PipelineDiff.between(before, after);

        assertEquals(List.of("firstorder", "cox", "kmplot"), diff.nodes().stream().map(PipelineDiff.NodeChange::nodeId).toList());
        PipelineDiff.NodeChange firstorder = diff.node("firstorder").orElseThrow();
        assertEquals(PipelineDiff.Kind.CHANGED, firstorder.kind());
        assertEquals(List.of(new PipelineDiff.ParameterChange("binWidth", "25", "16")), firstorder.parameters());
        assertEquals(List.of("label: Univariate Cox -> Cox ranking"), diff.node("cox").orElseThrow().attributes());
        assertEquals(PipelineDiff.Kind.REMOVED, diff.node("kmplot").orElseThrow().kind());
        assertEquals(List.of("km.curves -> kmplot.curves"), diff.connectionsRemoved());
        assertTrue(diff.connectionsAdded().isEmpty());
        assertTrue(diff.rows().contains(new PipelineDiff.Row(PipelineDiff.Kind.CHANGED, "firstorder", "parameter binWidth",
                "25", "16")));

        PipelineDiff reverse = PipelineDiff.between(after, before);
        assertEquals(PipelineDiff.Kind.ADDED, reverse.node("kmplot").orElseThrow().kind());
        assertEquals(List.of("km.curves -> kmplot.curves"), reverse.connectionsAdded());
    }

    @Test
    void variantSweepWritesOneFilePerValue() throws Exception {
        Path folder = Files.createDirectories(Path.of(System.getProperty("radflow.test.output", "target/test-output"),
                "variants"));
        Path base = folder.resolve("demo.radflow");
        Files.copy(demoFile(), base, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Pipeline pipeline = PipelineFiles.load(base);
        List<Path> files = VariantSweep.write(pipeline, base, "firstorder", "binWidth", VariantSweep.parseValues("16, 25,32"));
        assertEquals(List.of(folder.resolve("demo-binWidth-16.radflow"), folder.resolve("demo-binWidth-25.radflow"),
                folder.resolve("demo-binWidth-32.radflow")), files);
        Pipeline v16 = PipelineFiles.load(files.get(0));
        assertEquals(pipeline.getName() + " [binWidth=16]", v16.getName());
        PipelineDiff diff = PipelineDiff.between(pipeline, v16);
        assertEquals(1, diff.nodes().size());
        assertEquals(List.of(new PipelineDiff.ParameterChange("binWidth", "25", "16")), diff.nodes().get(0).parameters());
        assertTrue(PipelineDiff.between(pipeline, PipelineFiles.load(files.get(1))).isEmpty(), "25 is the original");
        // a parameter the node does not store yet is added
        Pipeline added = VariantSweep.variants(pipeline, "km", "confidence", List.of("0.9")).get(0);
        assertEquals(new PipelineDiff.ParameterChange("confidence", null, "0.9"),
                PipelineDiff.between(pipeline, added).nodes().get(0).parameters().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VariantSweep.variants(pipeline, "nope", "binWidth", List.of("1")));
        assertTrue(e.getMessage().contains("no node 'nope'"), e.getMessage());
    }

    private static SurvivalCurves curves(double shift) {
        double[] time = {1 + shift, 2, 3, 4, 5, 6};
        boolean[] event = {true, true, false, true, true, false};
        String[] group = {"low", "low", "low", "high", "high", "high"};
        SurvivalData data = SurvivalData.of(time, event, group);
        return new SurvivalCurves(KaplanMeier.fitByGroup(data), LogRankTest.of(data), "months");
    }

    private static RunOutputs run(double hr, double shift, boolean withExtra) {
        Map<String, Map<String, PortObject>> map = new LinkedHashMap<>();
        Table cox = new Table(List.of(Column.text("feature", new String[] {"Entropy", "Mean"}),
                Column.numeric("hr", new double[] {hr, 1.1}), Column.numeric("p", new double[] {0.01, 0.5})));
        map.put("cox", Map.of("table", cox));
        map.put("km", Map.of("curves", curves(shift)));
        if (withExtra) {
            map.put("extra", Map.of("table", new Table(List.of(Column.numeric("auc", new double[] {0.7})))));
        }
        return new RunOutputs(map);
    }

    @Test
    void metricTableMatchesNumericOutputsByName() {
        MetricTable table = MetricTable.of(List.of("a", "b", "c"), java.util.Arrays.asList(run(2.0, 0, true),
                run(2.5, 0, false), null));
        assertTrue(table.metrics().contains("cox.table[Entropy].hr"));
        assertEquals(2.0, table.value("cox.table[Entropy].hr", 0));
        assertEquals(2.5, table.value("cox.table[Entropy].hr", 1));
        assertTrue(Double.isNaN(table.value("cox.table[Entropy].hr", 2)), "run c has not run");
        assertTrue(table.differs("cox.table[Entropy].hr"));
        assertFalse(table.differs("cox.table[Mean].hr"));
        assertFalse(table.metrics().contains("extra.table.auc"), "present in one run only");
        assertTrue(table.metrics().contains("km.curves.logRank.p"));
        assertTrue(table.metrics().contains("km.curves[low].median"));
        Table asTable = table.toTable();
        assertEquals(List.of("metric", "a", "b", "c"), asTable.columnNames());
        assertEquals(table.metrics().size(), asTable.rowCount());
    }

    @Test
    void overlayPutsTheCurvesOfEveryRunInOneChart() {
        List<CurveOverlay.Overlay> overlays = CurveOverlay.overlays(List.of("a", "b"), List.of(run(2, 0, false),
                run(2, 0.5, false)));
        assertEquals(1, overlays.size());
        assertEquals("km.curves", overlays.get(0).output());
        XYDataset data = overlays.get(0).chart().getXYPlot().getDataset();
        assertEquals(4, data.getSeriesCount(), "two groups of two runs");
        assertTrue(data.getSeriesKey(0).toString().startsWith("a: "));
        assertTrue(data.getSeriesKey(2).toString().startsWith("b: "));
        // run b's first event of group "low" is at 1.5 instead of 1 (item 0 is the start at time 0)
        for (int s = 0; s < 4; s++) {
            String key = data.getSeriesKey(s).toString();
            if (key.contains(": low")) {
                assertEquals(key.startsWith("b: ") ? 1.5 : 1.0, data.getXValue(s, 1), 1e-12, key);
            }
        }
    }
}
