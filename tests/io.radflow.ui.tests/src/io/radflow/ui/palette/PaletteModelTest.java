package io.radflow.ui.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.ui.palette.PaletteModel.Category;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The palette's categories, search and tool tips, from a registry. */
class PaletteModelTest {

    private static NodeType type(String id, String label, String category, String description, boolean deprecated) {
        return new NodeType(id, "2.1.0", label, category, description, List.of(new PortDescriptor("cohort", "radflow.cohort",
                "Cohort", false)), List.of(new PortDescriptor("features", "radflow.table", "Features", false)),
                List.of(new ParameterDescriptor("binWidth", "Bin width", ParameterType.DOUBLE, "25", true, 0.0, null, null,
                        "Width of the intensity bins.")),
                deprecated, "tests", () -> (i, p, c) -> Map.of());
    }

    private final PaletteModel model = new PaletteModel(new NodeTypeRegistry(List.of(
            type("f.glcm", "GLCM", "Features/Texture", "Grey level co-occurrence matrix", false),
            type("f.first", "First order", "Features/Original", "Energy, entropy", false),
            type("s.cox", "Univariate Cox", "Statistics/Survival", "Cox models", false),
            type("s.old", "Old Cox", "Statistics/Survival", "replaced", true)), List.of(), List.of()));

    private static List<String> names(List<Category> categories) {
        return categories.stream().map(c -> c.name() + ":" + c.nodeTypes().stream().map(NodeType::label).toList()).toList();
    }

    @Test
    void categoriesFollowTheRegistryAndHideDeprecatedTypes() {
        assertEquals(List.of("Features/Original:[First order]", "Features/Texture:[GLCM]", "Statistics/Survival:[Univariate Cox]"),
                names(model.categories("")));
    }

    @Test
    void everySearchWordMustMatchLabelIdCategoryOrDescription() {
        assertEquals(List.of("Features/Texture:[GLCM]"), names(model.categories("co-occurrence")));
        assertEquals(List.of("Statistics/Survival:[Univariate Cox]"), names(model.categories("  COX  survival ")));
        assertEquals(List.of("Features/Original:[First order]", "Features/Texture:[GLCM]"), names(model.categories("features")));
        assertEquals(List.of(), names(model.categories("cox texture")));
        assertEquals(List.of(), names(model.categories("Old")), "deprecated types are not found either");
    }

    @Test
    void tooltipsCarryDescriptionPortsAndParameterHelp() {
        String tip = PaletteModel.tooltip(type("f.glcm", "GLCM", "Features/Texture", "Grey level co-occurrence matrix", false));
        assertTrue(tip.startsWith("GLCM  (f.glcm 2.1.0)\nGrey level co-occurrence matrix\n"), tip);
        assertTrue(tip.contains("Inputs: Cohort [radflow.cohort]"), tip);
        assertTrue(tip.contains("Outputs: Features [radflow.table]"), tip);
        assertTrue(tip.contains("Bin width (binWidth, default 25): Width of the intensity bins."), tip);
    }
}
