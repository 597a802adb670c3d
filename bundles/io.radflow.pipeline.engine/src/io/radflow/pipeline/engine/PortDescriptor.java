package io.radflow.pipeline.engine;

/**
 * A port of a node type.
 *
 * @param name     stable name stored in pipeline files
 * @param typeId   port type id, e.g. {@code radflow.table}
 * @param label    human-readable name
 * @param optional whether an input may stay unconnected (always false for outputs)
 */
public record PortDescriptor(String name, String typeId, String label, boolean optional) {
}
