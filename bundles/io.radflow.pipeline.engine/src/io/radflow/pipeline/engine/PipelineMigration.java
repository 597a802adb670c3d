package io.radflow.pipeline.engine;

import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.ParameterMigration;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the nodes of a just-loaded pipeline to the installed node type versions: a node saved with another
 * version whose implementation is a {@link ParameterMigration} gets the migrated parameters and the installed
 * version. Nodes without a migration keep their saved version, so {@link PipelineValidator} reports the
 * difference.
 */
public final class PipelineMigration {

    /** One migrated node. */
    public record Migrated(String nodeId, String typeId, String fromVersion, String toVersion) {
        @Override
        public String toString() {
            return "node '" + nodeId + "' (" + typeId + "): parameters migrated from version " + fromVersion + " to "
                    + toVersion;
        }
    }

    private final NodeTypeRegistry registry;

    public PipelineMigration(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Migrates {@code pipeline} in place.
     *
     * @return the migrated nodes, in pipeline order
     * @throws IllegalArgumentException naming the node and versions when a migration fails; the pipeline is then
     *                                  unchanged for that node
     */
    public List<Migrated> migrate(Pipeline pipeline) {
        List<Migrated> migrated = new ArrayList<>();
        for (Node node : pipeline.getNodes()) {
            NodeType type = registry.nodeType(node.getTypeId()).orElse(null);
            String saved = node.getTypeVersion();
            if (type == null || saved == null || saved.equals(type.version())) {
                continue;
            }
            NodeImplementation implementation;
            try {
                implementation = type.factory().create();
            } catch (Exception | LinkageError e) {
                continue; // reported when the node runs; nothing to migrate with
            }
            if (!(implementation instanceof ParameterMigration migration)) {
                continue;
            }
            Map<String, String> before = new LinkedHashMap<>();
            node.getParameters().forEach(p -> before.put(p.getKey(), p.getValue()));
            Map<String, String> after;
            try {
                after = migration.migrateParameters(saved, Collections.unmodifiableMap(before));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("node '" + node.getId() + "' (" + type.id() + "): cannot migrate the "
                        + "parameters of version " + saved + " to " + type.version() + ": " + e.getMessage(), e);
            }
            node.getParameters().clear();
            after.forEach((key, value) -> {
                Parameter parameter = PipelineFactory.eINSTANCE.createParameter();
                parameter.setKey(key);
                parameter.setValue(value);
                node.getParameters().add(parameter);
            });
            node.setTypeVersion(type.version());
            migrated.add(new Migrated(node.getId(), type.id(), saved, type.version()));
        }
        return migrated;
    }
}
