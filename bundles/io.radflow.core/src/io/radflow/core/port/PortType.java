package io.radflow.core.port;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A kind of port: its id (stored in pipeline files), the Java type of its data and, where it
 * exists, a reader so that a single node can be run on files ({@code radflow-cli node}).
 * Contributed through the {@code io.radflow.pipeline.engine.portTypes} extension point.
 */
public interface PortType {

    /** Stable id stored in pipeline files, e.g. {@code radflow.table}. */
    String id();

    /** The class every object on a port of this type is an instance of. */
    Class<? extends PortObject> objectClass();

    /** Whether {@link #read(Path)} is supported. */
    default boolean canRead() {
        return false;
    }

    /**
     * Reads an object of this type from a file (e.g. a CSV table or a cohort manifest).
     *
     * @throws IOException naming the file and what is wrong with it
     */
    default PortObject read(Path file) throws IOException {
        throw new UnsupportedOperationException("Port type " + id() + " cannot be read from a file (" + file + ")");
    }
}
