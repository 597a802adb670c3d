package io.radflow.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterMigration;
import io.radflow.core.node.ParameterType;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineMigration;
import io.radflow.pipeline.engine.PipelineValidator;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;
import io.radflow.pipeline.model.io.PipelineYaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Node versions: a pipeline saved with an older node type version is migrated on load when the implementation
 * is a {@link ParameterMigration}; otherwise the validator names the node and both versions.
 */
class NodeVersionMigrationTest {

    /** Version 2 renamed {@code width} to {@code binWidth} and turned {@code mode=fast} into {@code quality=low}. */
    static final class BinNodeV2 implements NodeImplementation, ParameterMigration {
        @Override
        public Map<String, String> migrateParameters(String savedVersion, Map<String, String> saved) {
            if (!savedVersion.startsWith("1.")) {
                throw new IllegalArgumentException("unknown version " + savedVersion);
            }
            Map<String, String> out = new LinkedHashMap<>();
            saved.forEach((key, value) -> {
                switch (key) {
                    case "width" -> out.put("binWidth", value);
                    case "mode" -> out.put("quality", value.equals("fast") ? "low" : "high");
                    default -> out.put(key, value);
                }
            });
            return out;
        }

        @Override
        public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context) {
            return Map.of("out", new Table(List.of(Column.numeric("x", new double[] {parameters.getDouble("binWidth")}))));
        }
    }

    private static NodeType type(String id, String version, NodeImplementation implementation) {
        return new NodeType(id, version, id, "Test", "", List.of(),
                List.of(new PortDescriptor("out", PortTypes.TABLE, "Out", false)),
                List.of(new ParameterDescriptor("binWidth", null, ParameterType.DOUBLE, "25", true, 0.0, null, null, ""),
                        new ParameterDescriptor("quality", null, ParameterType.CHOICE, "high", true, null, null,
                                List.of("low", "high"), "")),
                false, "test 1.0.0", () -> implementation);
    }

    private final NodeTypeRegistry registry = new NodeTypeRegistry(List.of(
            type("test.migrating", "2.0.0", new BinNodeV2()),
            type("test.plain", "2.1.0", (in, p, c) -> Map.of())), List.of(), List.of());

    @Test
    void olderParametersAreMigratedOnLoadAndThePipelineThenValidates() throws Exception {
        Pipeline pipeline = PipelineYaml.fromYaml("""
                radflow: 1.0
                name: old
                nodes:
                  - id: bins
                    type: test.migrating
                    version: 1.3.0
                    parameters: {width: '10', mode: fast}
                    outputs: {out: radflow.table}
                """, "old.yaml");
        assertEquals(1, new PipelineValidator(registry).validate(pipeline).stream().filter(ValidationProblem::isError)
                .count(), "before migration: the major version differs");
        List<PipelineMigration.Migrated> migrated = new PipelineMigration(registry).migrate(pipeline);
        assertEquals(List.of(new PipelineMigration.Migrated("bins", "test.migrating", "1.3.0", "2.0.0")), migrated);
        assertEquals("node 'bins' (test.migrating): parameters migrated from version 1.3.0 to 2.0.0",
                migrated.get(0).toString());
        Node node = pipeline.getNodes().get(0);
        assertEquals("2.0.0", node.getTypeVersion());
        assertEquals(List.of("binWidth=10", "quality=low"),
                node.getParameters().stream().map(p -> p.getKey() + "=" + p.getValue()).toList());
        assertEquals(List.of(), new PipelineValidator(registry).validate(pipeline));
        assertEquals(List.of(), new PipelineMigration(registry).migrate(pipeline), "a second load changes nothing");
    }

    @Test
    void failedMigrationNamesNodeAndVersionsAndLeavesTheNode() {
        Pipeline pipeline = PipelineBuilder.pipeline("p").node("bins", "test.migrating", "0.9.0").param("width", "3")
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PipelineMigration(registry).migrate(pipeline));
        assertEquals("node 'bins' (test.migrating): cannot migrate the parameters of version 0.9.0 to 2.0.0: "
                + "unknown version 0.9.0", e.getMessage());
        assertEquals("0.9.0", pipeline.getNodes().get(0).getTypeVersion());
        assertEquals("width", pipeline.getNodes().get(0).getParameters().get(0).getKey());
    }

    @Test
    void versionDifferencesWithoutMigrationAreReported() {
        Pipeline minor = PipelineBuilder.pipeline("p").node("n", "test.plain", "2.0.3").output("out", "radflow.table")
                .build();
        assertEquals(List.of(), new PipelineMigration(registry).migrate(minor));
        List<ValidationProblem> problems = new PipelineValidator(registry).validate(minor);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ValidationProblem.Severity.WARNING, problems.get(0).severity());
        assertEquals("n", problems.get(0).nodeId());
        assertTrue(problems.get(0).message().contains("installed in version 2.1.0 but the pipeline was saved with "
                + "version 2.0.3"), problems.get(0).message());

        Pipeline major = PipelineBuilder.pipeline("p").node("n", "test.plain", "1.0.0").output("out", "radflow.table")
                .build();
        List<ValidationProblem> errors = new PipelineValidator(registry).validate(major);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).isError());
        assertTrue(errors.get(0).message().contains("saved with version 1.0.0 and the installed version does not "
                + "migrate its parameters"), errors.get(0).message());
    }
}
