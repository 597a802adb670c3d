package io.radflow.pipeline.model.io;

import java.util.function.Predicate;

/** Splits {@code node.port} references; node ids and port names may themselves contain dots. */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * Splits at the dot after the longest prefix that is a node id.
     *
     * @return {nodeId, port}, or null if no prefix before a dot is a node id
     */
    static String[] split(String reference, Predicate<String> isNodeId) {
        for (int dot = reference.lastIndexOf('.'); dot > 0; dot = reference.lastIndexOf('.', dot - 1)) {
            String id = reference.substring(0, dot);
            if (isNodeId.test(id)) {
                return new String[] {id, reference.substring(dot + 1)};
            }
        }
        return null;
    }
}
