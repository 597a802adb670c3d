package io.radflow.pipeline.engine;

import static io.radflow.pipeline.engine.TestNodeTypes.connect;
import static io.radflow.pipeline.engine.TestNodeTypes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;

class PipelineValidatorTest {

    private final PipelineValidator validator = new PipelineValidator(TestNodeTypes.registry());

    private static String messages(List<ValidationProblem> problems) {
        return problems.toString();
    }

    @Test
    void validChainHasNoProblems() {
        Pipeline p = TestNodeTypes.pipeline("ok");
        Node a = node(p, "a", TestNodeTypes.SOURCE);
        Node b = node(p, "b", TestNodeTypes.SCALE, "factor", "0.5");
        connect(p, a, "out", b, "in");
        assertEquals(List.of(), validator.validate(p));
        assertEquals(Diagnostic.OK, validator.diagnose(p).getSeverity());
    }

    @Test
    void unknownNodeTypeIsNamed() {
        Pipeline p = TestNodeTypes.pipeline("unknown");
        node(p, "x", "lab.missing.filter");
        List<ValidationProblem> problems = validator.validate(p);
        assertEquals(1, problems.size(), messages(problems));
        assertTrue(problems.get(0).isError());
        assertEquals("x", problems.get(0).nodeId());
        assertTrue(problems.get(0).message().contains("unknown node type 'lab.missing.filter'"), messages(problems));
        assertEquals(Diagnostic.ERROR, validator.diagnose(p).getSeverity());
    }

    @Test
    void parameterOutOfBoundsAndNotANumber() {
        Pipeline p = TestNodeTypes.pipeline("params");
        node(p, "a", TestNodeTypes.SOURCE, "rows", "0");
        Node b = node(p, "b", TestNodeTypes.SCALE, "factor", "two");
        connect(p, p.getNodes().get(0), "out", b, "in");
        String text = messages(validator.validate(p));
        assertTrue(text.contains("'rows' = 0 is below its minimum"), text);
        assertTrue(text.contains("'factor' must be a number"), text);
    }

    @Test
    void incompatiblePortTypesMissingInputAndUnknownPort() {
        Pipeline p = TestNodeTypes.pipeline("ports");
        Node a = node(p, "a", TestNodeTypes.SOURCE);
        Node sink = node(p, "sink", "test.cohortSink");
        Node lonely = node(p, "lonely", TestNodeTypes.SCALE);
        connect(p, a, "out", sink, "cohort");
        connect(p, a, "nope", lonely, "in");
        String text = messages(validator.validate(p));
        assertTrue(text.contains("incompatible port types radflow.table and radflow.cohort"), text);
        assertTrue(text.contains("has no output 'nope'"), text);
    }

    @Test
    void requiredInputNotConnected() {
        Pipeline p = TestNodeTypes.pipeline("missing");
        node(p, "b", TestNodeTypes.SCALE);
        String text = messages(validator.validate(p));
        assertTrue(text.contains("[b]: required input 'in' is not connected"), text);
    }

    @Test
    void cycleIsReportedWithItsPath() {
        Pipeline p = TestNodeTypes.pipeline("cycle");
        Node a = node(p, "a", TestNodeTypes.SCALE);
        Node b = node(p, "b", TestNodeTypes.SCALE);
        connect(p, a, "out", b, "in");
        connect(p, b, "out", a, "in");
        String text = messages(validator.validate(p));
        assertTrue(text.contains("cycle: a -> b -> a"), text);
    }

    @Test
    void duplicateIdsAndMajorVersionMismatch() {
        Pipeline p = TestNodeTypes.pipeline("dup");
        node(p, "a", TestNodeTypes.SOURCE);
        node(p, "a", TestNodeTypes.SOURCE).setTypeVersion("2.1.0");
        String text = messages(validator.validate(p));
        assertTrue(text.contains("duplicate node id"), text);
        assertTrue(text.contains("saved with version 2.1.0"), text);
    }
}
