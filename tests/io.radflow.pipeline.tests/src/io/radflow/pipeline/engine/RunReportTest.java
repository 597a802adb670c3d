package io.radflow.pipeline.engine;

import static io.radflow.pipeline.engine.TestNodeTypes.connect;
import static io.radflow.pipeline.engine.TestNodeTypes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @Test
    void reportShowsNodesParametersFirstFiftyRowsFailuresAndManifest(@TempDir Path temp) throws Exception {
        Pipeline p = TestNodeTypes.pipeline("report <test>");
        Node a = node(p, "a", TestNodeTypes.SOURCE, "rows", "60", "failPatients", "P7");
        Node b = node(p, "b", TestNodeTypes.SCALE, "factor", "3");
        Node f = node(p, "f", TestNodeTypes.FAIL);
        connect(p, a, "out", b, "in");
        connect(p, b, "out", f, "in");
        Path out = temp.resolve("run");
        RunResult result = new PipelineExecutor(TestNodeTypes.registry()).execute(p, new RunOptions(temp, temp, out),
                RunMonitor.NONE);
        assertEquals(RunStatus.FAILED, result.status());
        String html = Files.readString(out.resolve(PipelineExecutor.REPORT_FILE));
        assertTrue(html.contains("<title>report &lt;test&gt;</title>"), "escaped title");
        assertTrue(html.contains("factor = 3") && html.contains("rows = 60"), "parameters");
        assertTrue(html.contains("<td>150</td>") && !html.contains("<td>153</td>"), "b's rows 1..50 (x 3), not row 51");
        assertTrue(html.contains("First 50 of 60 rows."), html);
        assertTrue(html.contains("this node always fails"), "the failed node and why");
        assertTrue(html.contains("Patient failures (1)") && html.contains("<td>P7</td>"));
        assertTrue(html.contains(Files.readString(result.manifest()).substring(0, 40).replace("\"", "&quot;")), "manifest");
    }
}
