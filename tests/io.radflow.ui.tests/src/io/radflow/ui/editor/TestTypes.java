package io.radflow.ui.editor;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;

import java.util.List;
import java.util.Map;

/** A few declared node types (never executed) for the editor's logic tests. */
final class TestTypes {

    static final NodeType COHORT = type("test.cohort", "Cohort", "Input", List.of(),
            List.of(port("cohort", "radflow.cohort"), port("clinical", "radflow.table")), List.of(), false);
    static final NodeType FEATURES = type("test.features", "Features", "Features", List.of(port("cohort", "radflow.cohort")),
            List.of(port("features", "radflow.table")),
            List.of(new ParameterDescriptor("binWidth", "Bin width", ParameterType.DOUBLE, "25", true, 1e-6, null, null,
                    "Width of the intensity bins.")),
            false);
    static final NodeType MODEL = type("test.model", "Model", "Statistics", List.of(port("features", "radflow.table"),
            port("clinical", "radflow.table")), List.of(port("table", "radflow.table")), List.of(), false);
    static final NodeType OLD = type("test.old", "Old node", "Statistics", List.of(), List.of(), List.of(), true);

    private TestTypes() {
    }

    static PortDescriptor port(String name, String type) {
        return new PortDescriptor(name, type, name, false);
    }

    static NodeType type(String id, String label, String category, List<PortDescriptor> in, List<PortDescriptor> out,
            List<ParameterDescriptor> parameters, boolean deprecated) {
        return new NodeType(id, "1.0.0", label, category, label + " for tests", in, out, parameters, deprecated, "tests",
                () -> (inputs, p, context) -> Map.of());
    }

    static NodeTypeRegistry registry() {
        return new NodeTypeRegistry(List.of(COHORT, FEATURES, MODEL, OLD), List.of(), List.of());
    }
}
