package io.radflow.pipeline.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

/**
 * The demo pipeline {@code examples/demo.radflow}: built here, written with {@link PipelineFiles#save}
 * and checked against the committed file.
 *
 * <p>To regenerate the file after changing {@link #demoPipeline()}, run the tests with
 * {@code -Dradflow.examples.write=true} (the repository root comes from {@code radflow.repo.root}).
 */
class DemoPipelineTest {

    static final String VERSION = "1.0.0";

    /** cohort → first-order features → univariate Cox → median split → Kaplan–Meier → plot. */
    static Pipeline demoPipeline() {
        return PipelineBuilder.pipeline("Demo: first-order radiomics and survival")
                .description("Synthetic demo cohort: first-order features of the tumour (label 2) in the portal phase, "
                        + "univariate Cox ranking, median split of the best feature and a Kaplan-Meier plot.")
                .node("cohort", "radflow.io.cohort", VERSION).label("Demo cohort").at(40, 220)
                    .param("manifest", "builtin:demo")
                    .output("cohort", "radflow.cohort").output("clinical", "radflow.table")
                .node("firstorder", "radflow.features.firstOrder", VERSION).label("First-order features").at(250, 60)
                    .param("image", "portal").param("mask", "mask").param("label", "2").param("binWidth", "25")
                    .input("cohort", "radflow.cohort")
                    .output("features", "radflow.table")
                .node("cox", "radflow.stats.univariateCox", VERSION).label("Univariate Cox").at(470, 300)
                    .param("time", "time_months").param("event", "event").param("ties", "efron")
                    .input("features", "radflow.table").input("clinical", "radflow.table")
                    .output("table", "radflow.table")
                .node("split", "radflow.stats.cutpoint", VERSION).label("Median split").at(690, 120)
                    .param("method", "median")
                    .input("features", "radflow.table").input("ranking", "radflow.table")
                    .output("groups", "radflow.table")
                .node("km", "radflow.stats.kaplanMeier", VERSION).label("Kaplan-Meier").at(900, 300)
                    .input("groups", "radflow.table").input("clinical", "radflow.table")
                    .output("curves", "radflow.survivalCurves")
                .node("kmplot", "radflow.charts.kaplanMeierPlot", VERSION).label("Kaplan-Meier plot").at(1100, 180)
                    .param("title", "Overall survival, median split of the best first-order feature")
                    .param("xLabel", "Months")
                    .input("curves", "radflow.survivalCurves")
                    .output("figure", "radflow.figure")
                .connect("cohort.cohort", "firstorder.cohort")
                .connect("firstorder.features", "cox.features")
                .connect("cohort.clinical", "cox.clinical")
                .connect("firstorder.features", "split.features")
                .connect("cox.table", "split.ranking")
                .connect("split.groups", "km.groups")
                .connect("cohort.clinical", "km.clinical")
                .connect("km.curves", "kmplot.curves")
                .build();
    }

    static Path demoFile() {
        String root = System.getProperty("radflow.repo.root");
        Path repo = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent().getParent();
        return repo.resolve("examples").resolve("demo.radflow");
    }

    @Test
    void committedDemoFileIsWhatTheBuilderWrites() throws IOException {
        Pipeline demo = demoPipeline();
        Path file = demoFile();
        if (Boolean.getBoolean("radflow.examples.write")) {
            Files.createDirectories(file.getParent());
            PipelineFiles.save(demo, file);
        }
        Pipeline loaded = PipelineFiles.load(file);
        assertTrue(EcoreUtil.equals(demo, loaded), file + " differs from DemoPipelineTest.demoPipeline()");
        assertEquals(PipelineFiles.toXmiString(demo), Files.readString(file, StandardCharsets.UTF_8),
                file + " is not byte-identical to what PipelineFiles.save writes; regenerate it");
    }

    @Test
    void demoFileHasTheAgreedStructure() throws IOException {
        Pipeline loaded = PipelineFiles.load(demoFile());
        List<String> ids = new ArrayList<>();
        for (Node node : loaded.getNodes()) {
            ids.add(node.getId());
            assertEquals(VERSION, node.getTypeVersion(), node.getId());
            assertTrue(node.getX() >= 40 && node.getX() <= 1100, node.getId() + " x");
            assertTrue(node.getY() >= 40 && node.getY() <= 400, node.getId() + " y");
        }
        assertEquals(List.of("cohort", "firstorder", "cox", "split", "km", "kmplot"), ids);
        for (int i = 1; i < loaded.getNodes().size(); i++) {
            assertTrue(loaded.getNodes().get(i).getX() > loaded.getNodes().get(i - 1).getX(), "left to right");
        }
        List<String> edges = new ArrayList<>();
        for (Connection c : loaded.getConnections()) {
            edges.add(c.getSource().getId() + "." + c.getSourcePort() + "->" + c.getTarget().getId() + "." + c.getTargetPort());
            // every connection joins an output to an input of the same port type
            String out = portType(c.getSource().getOutputs(), c.getSourcePort());
            String in = portType(c.getTarget().getInputs(), c.getTargetPort());
            assertEquals(out, in, edges.get(edges.size() - 1));
        }
        assertEquals(List.of("cohort.cohort->firstorder.cohort", "firstorder.features->cox.features",
                "cohort.clinical->cox.clinical", "firstorder.features->split.features", "cox.table->split.ranking",
                "split.groups->km.groups", "cohort.clinical->km.clinical", "km.curves->kmplot.curves"), edges);
        Node firstOrder = loaded.getNodes().get(1);
        assertEquals("25", firstOrder.getParameters().get(3).getValue());
        assertEquals("binWidth", firstOrder.getParameters().get(3).getKey());
    }

    private static String portType(List<io.radflow.pipeline.model.Port> ports, String name) {
        for (io.radflow.pipeline.model.Port port : ports) {
            if (port.getName().equals(name)) {
                return port.getTypeId();
            }
        }
        throw new AssertionError("no port " + name);
    }
}
