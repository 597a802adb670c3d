package io.radflow.pipeline.engine;

import io.radflow.core.io.AtomicFiles;
import static io.radflow.pipeline.engine.TestNodeTypes.connect;
import static io.radflow.pipeline.engine.TestNodeTypes.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineExecutorTest {

    private final PipelineExecutor executor = new PipelineExecutor(TestNodeTypes.registry());

    @TempDir
    Path temp;

    private RunOptions options(Path out) {
        return new RunOptions(temp, temp.resolve("cache"), out);
    }

    @Test
    void runsInTopologicalOrderAndPassesData() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("chain");
        Node scale = node(p, "scale", TestNodeTypes.SCALE, "factor", "10"); // listed before its source
        Node source = node(p, "source", TestNodeTypes.SOURCE, "rows", "4");
        connect(p, source, "out", scale, "in");
        RunResult result = executor.execute(p, options(null), RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertEquals(List.of("source", "scale"), result.nodes().stream().map(NodeRunRecord::nodeId).toList());
        Table out = (Table) result.node("scale").orElseThrow().outputs().get("out");
        assertArrayEquals(new double[] {10, 20, 30, 40}, out.column("x").numbers(), 0);
        assertNull(result.manifest());
    }

    @Test
    void failingNodeSkipsDownstreamButNotSiblings() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("fail");
        Node source = node(p, "source", TestNodeTypes.SOURCE);
        Node fail = node(p, "fail", TestNodeTypes.FAIL);
        Node after = node(p, "after", TestNodeTypes.SCALE);
        Node sibling = node(p, "sibling", TestNodeTypes.SCALE);
        connect(p, source, "out", fail, "in");
        connect(p, fail, "out", after, "in");
        connect(p, source, "out", sibling, "in");
        RunResult result = executor.execute(p, options(null), RunMonitor.NONE);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(NodeStatus.FAILED, result.node("fail").orElseThrow().status());
        assertEquals("this node always fails", result.node("fail").orElseThrow().error());
        assertEquals(NodeStatus.SKIPPED, result.node("after").orElseThrow().status());
        assertTrue(result.node("after").orElseThrow().error().contains("upstream node 'fail' failed"));
        assertEquals(NodeStatus.SUCCEEDED, result.node("sibling").orElseThrow().status());
    }

    @Test
    void invalidPipelineIsNotRun() {
        Pipeline p = TestNodeTypes.pipeline("invalid");
        node(p, "x", "no.such.type");
        PipelineValidationException e = assertThrows(PipelineValidationException.class,
                () -> executor.execute(p, options(null), RunMonitor.NONE));
        assertTrue(e.getMessage().contains("unknown node type 'no.such.type'"), e.getMessage());
    }

    @Test
    void patientFailuresAreCollectedAndWrittenToTheManifest() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("patients");
        node(p, "source", TestNodeTypes.SOURCE, "rows", "5", "failPatients", "P2,P4");
        Path out = temp.resolve("run");
        Path input = Files.writeString(temp.resolve("input.txt"), "abc");
        RunResult result = new PipelineExecutor(TestNodeTypes.registry()).execute(p, options(out), new RunMonitor() {
        });
        assertEquals(RunStatus.COMPLETED_WITH_PATIENT_FAILURES, result.status());
        assertEquals(List.of("P2", "P4"), result.patientFailures().stream().map(PatientFailure::patientId).toList());
        String manifest = Files.readString(result.manifest());
        assertTrue(manifest.contains("\"patient\": \"P4\""), manifest);
        assertTrue(manifest.contains("\"status\": \"COMPLETED_WITH_PATIENT_FAILURES\""), manifest);
        Path csv = out.resolve("source").resolve("out.csv");
        assertEquals(Table.readCsv(csv), result.node("source").orElseThrow().outputs().get("out"));
        // the manifest's hash of the written output is the file's SHA-256
        assertTrue(manifest.contains(AtomicFiles.sha256(csv)), manifest);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AtomicFiles.sha256(input),
                "SHA-256 of 'abc' (FIPS 180-2 test vector)");
    }

    @Test
    void relativeOutputFolderWritesAManifestWithRelativeFileNames() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("relative");
        node(p, "source", TestNodeTypes.SOURCE);
        Files.createDirectories(Path.of("target"));
        Path out = Files.createTempDirectory(Path.of("target"), "relative-run-");
        assertTrue(!out.isAbsolute());
        RunResult result = executor.execute(p, options(out), RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertTrue(Files.readString(result.manifest()).contains("\"path\": \"source/out.csv\""));
    }

    @Test
    void cancellationStopsTheRunningNodeAndTheRest() throws Exception {
        Pipeline p = TestNodeTypes.pipeline("cancel");
        Node source = node(p, "source", TestNodeTypes.SOURCE);
        Node slow = node(p, "slow", TestNodeTypes.SLOW);
        Node after = node(p, "after", TestNodeTypes.SCALE);
        connect(p, source, "out", slow, "in");
        connect(p, slow, "out", after, "in");
        AtomicInteger progressCalls = new AtomicInteger();
        RunMonitor monitor = new RunMonitor() {
            @Override
            public void progress(String nodeId, double fraction, String message) {
                progressCalls.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return progressCalls.get() >= 5;
            }
        };
        RunResult result = executor.execute(p, options(null), monitor);
        assertEquals(RunStatus.CANCELED, result.status());
        assertEquals(NodeStatus.CANCELED, result.node("slow").orElseThrow().status());
        assertEquals(NodeStatus.CANCELED, result.node("after").orElseThrow().status());
    }

    @Test
    void singleNodeChecksParametersAndInputs() throws IOException {
        Path out = temp.resolve("single");
        NodeRunRecord record = executor.executeSingle(TestNodeTypes.SOURCE, Map.of(), Map.of("rows", "2"), options(out),
                RunMonitor.NONE);
        assertEquals(NodeStatus.SUCCEEDED, record.status());
        assertEquals(2, Table.readCsv(out.resolve("out.csv")).rowCount());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> executor.executeSingle(TestNodeTypes.SOURCE, Map.of(), Map.of("rows", "-1"), options(out), RunMonitor.NONE));
        assertTrue(bad.getMessage().contains("below its minimum"), bad.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> executor.executeSingle(TestNodeTypes.SCALE, Map.of(), Map.of(), options(out), RunMonitor.NONE));
        assertTrue(missing.getMessage().contains("input 'in'"), missing.getMessage());
    }
}
