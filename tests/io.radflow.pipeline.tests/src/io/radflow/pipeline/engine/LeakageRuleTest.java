package io.radflow.pipeline.engine;

import static io.radflow.pipeline.engine.TestNodeTypes.connect;
import static io.radflow.pipeline.engine.TestNodeTypes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator's leakage rule on the installed node types: the roles come from the attributes split, supervised and
 * rowSet of the study bundle's plugin.xml.
 */
class LeakageRuleTest {

    static NodeTypeRegistry registry;

    @BeforeAll
    static void setUp() {
        registry = NodeTypeRegistry.fromPlatform();
    }

    private static List<ValidationProblem> errors(Pipeline p) {
        return new PipelineValidator(registry).validate(p).stream().filter(ValidationProblem::isError).toList();
    }

    /** cohort -> first-order features; cohort clinical -> split (optional). */
    private static Node[] base(Pipeline p, boolean split) {
        Node cohort = node(p, "cohort", "radflow.io.cohort");
        Node features = node(p, "firstorder", "radflow.features.firstOrder", "image", "portal", "mask", "mask", "label", "2");
        connect(p, cohort, "cohort", features, "cohort");
        Node clinical = cohort;
        if (split) {
            clinical = node(p, "split", "radflow.study.split", "stratify", "event");
            connect(p, cohort, "clinical", clinical, "table");
        }
        return new Node[] {features, clinical};
    }

    @Test
    void rolesAreReadFromPluginXml() {
        assertTrue(registry.nodeType("radflow.study.split").orElseThrow().trainTest().split());
        assertTrue(registry.nodeType("radflow.study.zscore").orElseThrow().trainTest().supervised());
        assertTrue(registry.nodeType("radflow.study.univariateFilter").orElseThrow().trainTest().supervised());
        assertEquals("set", registry.nodeType("radflow.study.selectRows").orElseThrow().trainTest().rowSetParameter());
        assertFalse(registry.nodeType("radflow.study.radScore").orElseThrow().trainTest().supervised(), "applies only");
        assertEquals(TrainTestRole.NONE, registry.nodeType("radflow.stats.kaplanMeier").orElseThrow().trainTest());
    }

    @Test
    void zscoreWithoutSplitIsRejectedNamingTheNodes() {
        Pipeline p = TestNodeTypes.pipeline("no split");
        Node[] b = base(p, false);
        Node z = node(p, "zscore", "radflow.study.zscore");
        connect(p, b[0], "features", z, "features");
        connect(p, b[1], "clinical", z, "clinical");
        List<ValidationProblem> errors = errors(p);
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).toString();
        assertEquals("zscore", errors.get(0).nodeId());
        assertTrue(message.contains("leakage: node 'zscore' (radflow.study.zscore)") && message.contains("'firstorder'")
                && message.contains("'cohort'") && message.contains("radflow.study.split"), message);
    }

    @Test
    void selectorsDownstreamOfASplitAreAccepted() {
        Pipeline p = TestNodeTypes.pipeline("split");
        Node[] b = base(p, true);
        Node z = node(p, "zscore", "radflow.study.zscore");
        connect(p, b[0], "features", z, "features");
        connect(p, b[1], "table", z, "clinical");
        Node filter = node(p, "filter", "radflow.study.univariateFilter", "outcomeType", "survival", "test", "cox");
        connect(p, z, "features", filter, "features");
        connect(p, b[1], "table", filter, "clinical");
        assertEquals(List.of(), errors(p));
    }

    @Test
    void aSelectorFedTestRowsIsRejected() {
        Pipeline p = TestNodeTypes.pipeline("test rows");
        Node[] b = base(p, true);
        Node testOnly = node(p, "testOnly", "radflow.study.selectRows", "set", "test");
        connect(p, b[1], "table", testOnly, "table");
        Node filter = node(p, "filter", "radflow.study.nearZeroVariance");
        connect(p, b[0], "features", filter, "features");
        connect(p, testOnly, "table", filter, "clinical");
        List<ValidationProblem> errors = errors(p);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("upstream node 'testOnly' (radflow.study.selectRows) passes on the test"
                + " rows only"), errors.toString());
        testOnly.getParameters().get(0).setValue("train");
        assertEquals(List.of(), errors(p));
    }
}
