package io.radflow.ui.compare;

import io.radflow.core.port.PortObject;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.RunResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** The output objects of one run, by node id then port name (nodes in execution order). */
public record RunOutputs(Map<String, Map<String, PortObject>> byNode) {

    public RunOutputs {
        Map<String, Map<String, PortObject>> copy = new LinkedHashMap<>();
        byNode.forEach((node, ports) -> copy.put(node, Map.copyOf(ports)));
        byNode = java.util.Collections.unmodifiableMap(copy);
    }

    public static RunOutputs of(RunResult result) {
        Map<String, Map<String, PortObject>> map = new LinkedHashMap<>();
        for (NodeRunRecord record : result.nodes()) {
            if (!record.outputs().isEmpty()) {
                map.put(record.nodeId(), record.outputs());
            }
        }
        return new RunOutputs(map);
    }
}
