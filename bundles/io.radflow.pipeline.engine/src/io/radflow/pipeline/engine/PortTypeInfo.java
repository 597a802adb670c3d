package io.radflow.pipeline.engine;

import io.radflow.core.port.PortType;

/**
 * A registered port type: id, label, display colour and its implementation.
 *
 * @param color hex colour such as {@code #2E7D32}, for ports and wires in the editor
 */
public record PortTypeInfo(String id, String label, String color, PortType type) {
}
