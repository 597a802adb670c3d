package io.radflow.pipeline.engine;

import static io.radflow.pipeline.engine.TestNodeTypes.connect;
import static io.radflow.pipeline.engine.TestNodeTypes.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.data.TablePortType;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.port.PortTypes;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache of the executor: a downstream edit re-executes only the edited node (upstream nodes
 * are counted and must not run again), an upstream edit re-executes everything downstream, and the
 * outputs are those of an uncached run.
 */
class NodeResultCacheTest {

    /** Executions per node type. */
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

    @TempDir
    Path temp;

    private NodeTypeRegistry registry(String scaleVersion) {
        PortDescriptor tableIn = new PortDescriptor("in", PortTypes.TABLE, "In", false);
        PortDescriptor tableOut = new PortDescriptor("out", PortTypes.TABLE, "Out", false);
        ParameterDescriptor rows = new ParameterDescriptor("rows", "Rows", ParameterType.INTEGER, "3", true, 1.0, null, null, "");
        ParameterDescriptor failing = new ParameterDescriptor("failPatient", "", ParameterType.STRING, "", false, null, null, null, "");
        ParameterDescriptor factor = new ParameterDescriptor("factor", "Factor", ParameterType.DOUBLE, "2", true, null, null, null, "");
        ParameterDescriptor file = new ParameterDescriptor("file", "File", ParameterType.PATH, null, true, null, null, null, "");
        NodeImplementation source = counted(TestNodeTypes.SOURCE, (inputs, p, ctx) -> {
            int n = p.getInt("rows");
            double[] x = new double[n];
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "P" + (i + 1);
                x[i] = i + 1;
                if (ids[i].equals(p.getString("failPatient", ""))) {
                    ctx.reportPatientFailure(ids[i], "x", "synthetic failure");
                }
            }
            return Map.of("out", new Table(List.of(Column.text("PatientID", ids), Column.numeric("x", x))));
        });
        NodeImplementation scale = counted(TestNodeTypes.SCALE, (inputs, p, ctx) -> {
            Table in = inputs.get("in", Table.class);
            double[] x = in.column("x").numbers();
            for (int i = 0; i < x.length; i++) {
                x[i] *= p.getDouble("factor");
            }
            return Map.of("out", in.withColumns(List.of(Column.numeric("x", x))));
        });
        NodeImplementation lines = counted("test.lines", (inputs, p, ctx) -> {
            try {
                List<String> text = Files.readAllLines(ctx.baseDirectory().resolve(p.getString("file")));
                return Map.of("out", new Table(List.of(Column.numeric("x", new double[] {text.size()}))));
            } catch (java.io.IOException e) {
                throw new io.radflow.core.node.NodeExecutionException(e.getMessage());
            }
        });
        List<NodeType> types = List.of(
                new NodeType(TestNodeTypes.SOURCE, "1.0.0", "Source", "Test", "", List.of(), List.of(tableOut),
                        List.of(rows, failing), false, "tests", () -> source),
                new NodeType(TestNodeTypes.SCALE, scaleVersion, "Scale", "Test", "", List.of(tableIn), List.of(tableOut),
                        List.of(factor), false, "tests", () -> scale),
                new NodeType("test.lines", "1.0.0", "Lines", "Test", "", List.of(), List.of(tableOut), List.of(file), false,
                        "tests", () -> lines));
        return new NodeTypeRegistry(types, List.of(new PortTypeInfo(PortTypes.TABLE, "Table", "#2E7D32", new TablePortType())),
                List.of());
    }

    private NodeImplementation counted(String typeId, NodeImplementation implementation) {
        return (inputs, parameters, context) -> {
            executions.computeIfAbsent(typeId, k -> new AtomicInteger()).incrementAndGet();
            return implementation.execute(inputs, parameters, context);
        };
    }

    private int runs(String typeId) {
        return executions.getOrDefault(typeId, new AtomicInteger()).get();
    }

    private RunOptions options() {
        return new RunOptions(temp, temp.resolve("cache"), null);
    }

    /** source(rows) -> first(factor 10) -> second(factor 3) */
    private static Pipeline chain() {
        Pipeline p = TestNodeTypes.pipeline("chain");
        Node source = node(p, "source", TestNodeTypes.SOURCE, "rows", "4");
        Node first = node(p, "first", TestNodeTypes.SCALE, "factor", "10");
        Node second = node(p, "second", TestNodeTypes.SCALE, "factor", "3");
        connect(p, source, "out", first, "in");
        connect(p, first, "out", second, "in");
        return p;
    }

    private static void set(Pipeline p, String nodeId, String key, String value) {
        p.getNodes().stream().filter(n -> n.getId().equals(nodeId)).findFirst().orElseThrow().getParameters().stream()
                .filter(q -> q.getKey().equals(key)).findFirst().orElseThrow().setValue(value);
    }

    private static double[] x(RunResult result, String nodeId) {
        return ((Table) result.node(nodeId).orElseThrow().outputs().get("out")).column("x").numbers();
    }

    @Test
    void downstreamEditReExecutesOnlyTheEditedNode() throws Exception {
        PipelineExecutor executor = new PipelineExecutor(registry("1.0.0"));
        NodeResultCache cache = new NodeResultCache(100);
        Pipeline p = chain();
        executor.execute(p, options(), RunMonitor.NONE, cache, null);
        assertEquals(1, runs(TestNodeTypes.SOURCE));
        assertEquals(2, runs(TestNodeTypes.SCALE));

        set(p, "second", "factor", "5");
        List<String> reused = new ArrayList<>();
        RunResult result = executor.execute(p, options(), new RunMonitor() {
            @Override
            public void nodeReused(String nodeId) {
                reused.add(nodeId);
            }
        }, cache, null);
        assertEquals(1, runs(TestNodeTypes.SOURCE), "source must not run again");
        assertEquals(3, runs(TestNodeTypes.SCALE), "only 'second' runs again");
        assertEquals(List.of("source", "first"), reused);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertArrayEquals(new double[] {50, 100, 150, 200}, x(result, "second"), 0);
        assertArrayEquals(new double[] {10, 20, 30, 40}, x(result, "first"), 0);

        // the same pipeline again: nothing executes
        executor.execute(p, options(), RunMonitor.NONE, cache, null);
        assertEquals(1, runs(TestNodeTypes.SOURCE));
        assertEquals(3, runs(TestNodeTypes.SCALE));
    }

    @Test
    void upstreamEditInvalidatesEverythingDownstream() throws Exception {
        PipelineExecutor executor = new PipelineExecutor(registry("1.0.0"));
        NodeResultCache cache = new NodeResultCache(100);
        Pipeline p = chain();
        executor.execute(p, options(), RunMonitor.NONE, cache, null);
        Map<String, String> before = NodeCacheKeys.compute(p, registry("1.0.0"), temp);

        set(p, "source", "rows", "2");
        Map<String, String> after = NodeCacheKeys.compute(p, registry("1.0.0"), temp);
        for (String id : List.of("source", "first", "second")) {
            assertNotEquals(before.get(id), after.get(id), "key of " + id + " after the upstream edit");
        }
        RunResult result = executor.execute(p, options(), RunMonitor.NONE, cache, null);
        assertEquals(2, runs(TestNodeTypes.SOURCE));
        assertEquals(4, runs(TestNodeTypes.SCALE));
        assertArrayEquals(new double[] {30, 60}, x(result, "second"), 0);

        // back to the first value: all three come from the cache again
        set(p, "source", "rows", "4");
        result = executor.execute(p, options(), RunMonitor.NONE, cache, null);
        assertEquals(2, runs(TestNodeTypes.SOURCE));
        assertEquals(4, runs(TestNodeTypes.SCALE));
        assertArrayEquals(new double[] {30, 60, 90, 120}, x(result, "second"), 0);
    }

    @Test
    void keysFollowTypeVersionAndParametersButNotNodeIds() throws Exception {
        Pipeline p = chain();
        Map<String, String> keys = NodeCacheKeys.compute(p, registry("1.0.0"), temp);
        assertEquals(Set.of("source", "first", "second"), keys.keySet());
        assertTrue(keys.values().stream().allMatch(k -> k.matches("[0-9a-f]{64}")));

        Map<String, String> newVersion = NodeCacheKeys.compute(p, registry("1.1.0"), temp);
        assertEquals(keys.get("source"), newVersion.get("source"), "source type did not change");
        assertNotEquals(keys.get("first"), newVersion.get("first"), "a new scale version invalidates");

        p.getNodes().get(1).setId("renamed");
        p.getNodes().get(1).setLabel("Another label");
        Map<String, String> renamed = NodeCacheKeys.compute(p, registry("1.0.0"), temp);
        assertEquals(keys.get("first"), renamed.get("renamed"));
        assertEquals(keys.get("second"), renamed.get("second"));

        // a default written out explicitly is the same computation
        Pipeline explicit = chain();
        node(explicit, "extra", TestNodeTypes.SOURCE, "rows", "3");
        Pipeline implicit = chain();
        node(implicit, "extra", TestNodeTypes.SOURCE);
        assertEquals(NodeCacheKeys.compute(explicit, registry("1.0.0"), temp).get("extra"),
                NodeCacheKeys.compute(implicit, registry("1.0.0"), temp).get("extra"));

        // unknown types have no key, and neither has anything downstream of them
        Pipeline unknown = chain();
        unknown.getNodes().get(0).setTypeId("not.installed");
        Map<String, String> partial = NodeCacheKeys.compute(unknown, registry("1.0.0"), temp);
        assertTrue(partial.isEmpty(), "keys: " + partial);
    }

    @Test
    void aChangedInputFileInvalidatesPathParameters() throws Exception {
        Path file = temp.resolve("lines.txt");
        Files.writeString(file, "a\nb\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000L));
        Pipeline p = TestNodeTypes.pipeline("file");
        node(p, "lines", "test.lines", "file", "lines.txt");
        PipelineExecutor executor = new PipelineExecutor(registry("1.0.0"));
        NodeResultCache cache = new NodeResultCache(10);
        assertArrayEquals(new double[] {2}, x(executor.execute(p, options(), RunMonitor.NONE, cache, null), "lines"), 0);
        executor.execute(p, options(), RunMonitor.NONE, cache, null);
        assertEquals(1, runs("test.lines"));

        Files.writeString(file, "a\nb\nc\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000_000L));
        assertArrayEquals(new double[] {3}, x(executor.execute(p, options(), RunMonitor.NONE, cache, null), "lines"), 0);
        assertEquals(2, runs("test.lines"));
    }

    @Test
    void runningUpToANodeRunsItsUpstreamOnlyAndFillsTheCache() throws Exception {
        PipelineExecutor executor = new PipelineExecutor(registry("1.0.0"));
        NodeResultCache cache = new NodeResultCache(100);
        Pipeline p = chain();
        RunResult partial = executor.execute(p, options(), RunMonitor.NONE, cache, List.of("first"));
        assertEquals(List.of("source", "first"), partial.nodes().stream().map(NodeRunRecord::nodeId).toList());
        assertEquals(RunStatus.SUCCEEDED, partial.status());
        assertEquals(2, cache.size());

        RunResult full = executor.execute(p, options(), RunMonitor.NONE, cache, null);
        assertEquals(1, runs(TestNodeTypes.SOURCE));
        assertEquals(2, runs(TestNodeTypes.SCALE), "first from the cache, second executed");
        assertArrayEquals(new double[] {30, 60, 90, 120}, x(full, "second"), 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> executor.execute(p, options(), RunMonitor.NONE, cache, List.of("nope")));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void validationErrorsOutsideThePartToRunDoNotStopIt() throws Exception {
        PipelineExecutor executor = new PipelineExecutor(registry("1.0.0"));
        Pipeline p = chain();
        set(p, "second", "factor", "not a number");
        assertThrows(PipelineValidationException.class, () -> executor.execute(p, options(), RunMonitor.NONE, null, null));
        RunResult partial = executor.execute(p, options(), RunMonitor.NONE, null, List.of("first"));
        assertEquals(RunStatus.SUCCEEDED, partial.status());
        assertFalse(partial.node("second").isPresent());
    }

    @Test
    void cachedPatientFailuresAreReportedAgainUnderTheNodeId() throws Exception {
        PipelineExecutor executor = new PipelineExecutor(registry("1.0.0"));
        NodeResultCache cache = new NodeResultCache(100);
        Pipeline p = chain();
        set(p, "source", "rows", "4");
        p.getNodes().get(0).getParameters().add(io.radflow.pipeline.model.PipelineFactory.eINSTANCE.createParameter());
        p.getNodes().get(0).getParameters().get(1).setKey("failPatient");
        p.getNodes().get(0).getParameters().get(1).setValue("P2");
        RunResult first = executor.execute(p, options(), RunMonitor.NONE, cache, null);
        p.getNodes().get(0).setId("renamedSource");
        RunResult second = executor.execute(p, options(), RunMonitor.NONE, cache, null);
        assertEquals(1, runs(TestNodeTypes.SOURCE));
        assertEquals(RunStatus.COMPLETED_WITH_PATIENT_FAILURES, second.status());
        assertEquals(first.patientFailures().size(), second.patientFailures().size());
        assertEquals("renamedSource", second.patientFailures().get(0).nodeId());
        assertEquals("P2", second.patientFailures().get(0).patientId());
    }

    @Test
    void writesCachedOutputsIntoEachRunFolder() throws Exception {
        PipelineExecutor executor = new PipelineExecutor(registry("1.0.0"));
        NodeResultCache cache = new NodeResultCache(100);
        Pipeline p = chain();
        executor.execute(p, new RunOptions(temp, temp.resolve("cache"), temp.resolve("run1")), RunMonitor.NONE, cache, null);
        RunResult again = executor.execute(p, new RunOptions(temp, temp.resolve("cache"), temp.resolve("run2")),
                RunMonitor.NONE, cache, null);
        assertEquals(1, runs(TestNodeTypes.SOURCE));
        assertEquals(Files.readString(temp.resolve("run1/second/out.csv")), Files.readString(temp.resolve("run2/second/out.csv")));
        assertTrue(again.node("source").orElseThrow().files().get("out").get(0).startsWith(temp.resolve("run2")));
    }

    @Test
    void leastRecentlyUsedEntriesGoFirst() {
        NodeResultCache cache = new NodeResultCache(2);
        NodeResultCache.Entry entry = new NodeResultCache.Entry(Map.of(), List.of());
        cache.put("a", entry);
        cache.put("b", entry);
        assertTrue(cache.get("a").isPresent()); // a is now more recent than b
        cache.put("c", entry);
        assertTrue(cache.contains("a"));
        assertFalse(cache.contains("b"));
        assertTrue(cache.contains("c"));
        assertEquals(1, cache.hits());
        assertThrows(IllegalArgumentException.class, () -> new NodeResultCache(0));
    }
}
