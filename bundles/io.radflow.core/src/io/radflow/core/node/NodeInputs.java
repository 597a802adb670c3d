package io.radflow.core.node;

import io.radflow.core.port.PortObject;

import java.util.Map;

/** The objects on a node's connected input ports, by port name. */
public final class NodeInputs {

    private final String nodeId;
    private final Map<String, PortObject> objects;

    public NodeInputs(String nodeId, Map<String, PortObject> objects) {
        this.nodeId = nodeId;
        this.objects = Map.copyOf(objects);
    }

    public boolean has(String port) {
        return objects.containsKey(port);
    }

    /** The object on {@code port}; the error names the node, port and expected type. */
    public <T extends PortObject> T get(String port, Class<T> type) {
        PortObject object = objects.get(port);
        if (object == null) {
            throw new IllegalArgumentException("Node '" + nodeId + "': input port '" + port + "' is not connected");
        }
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException("Node '" + nodeId + "': input port '" + port + "' carries "
                    + object.getClass().getSimpleName() + ", expected " + type.getSimpleName());
        }
        return type.cast(object);
    }
}
