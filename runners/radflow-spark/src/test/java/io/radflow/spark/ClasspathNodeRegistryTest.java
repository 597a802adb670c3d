package io.radflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The registry read from the bundles' plugin.xml on a plain class path. */
class ClasspathNodeRegistryTest {

    @Test
    void readsEveryComputationalBundlesNodesAndPortTypes() throws Exception {
        NodeTypeRegistry registry = ClasspathNodeRegistry.load(getClass().getClassLoader());
        assertEquals(List.of(), registry.problems());
        for (String id : List.of("radflow.io.cohort", "radflow.features.firstOrder", "radflow.features.glcm",
                "radflow.features.shape", "radflow.image.resample", "radflow.stats.univariateCox",
                "radflow.stats.kaplanMeier", "radflow.charts.kaplanMeierPlot")) {
            NodeType type = registry.nodeType(id).orElseThrow(() -> new AssertionError(id + " missing"));
            assertTrue(type.contributor().matches("io\\.radflow\\.[a-z.]+ 0\\.1\\.0\\..+"), type.contributor());
            assertTrue(type.factory().create() != null);
        }
        for (String port : List.of("radflow.table", "radflow.cohort", "radflow.survivalCurves", "radflow.figure")) {
            assertTrue(registry.portType(port).isPresent(), port);
        }
    }
}
