package io.radflow.core.node;

/** The value type of a node parameter, as declared in the node-type extension. */
public enum ParameterType {
    STRING, INTEGER, DOUBLE, BOOLEAN, CHOICE, PATH
}
