package io.radflow.dropins;

import java.nio.file.Path;
import java.util.List;

/**
 * One jar of the dropins folder after the last (re)load.
 *
 * @param jar           the jar file
 * @param symbolicName  its Bundle-SymbolicName, or {@code null} when it has none
 * @param version       its Bundle-Version, or {@code null}
 * @param status        whether it is installed
 * @param nodeTypes     the node type ids it contributes that the registry accepted
 * @param problems      what is wrong with it, each message naming the jar; empty when all is well
 */
public record Dropin(Path jar, String symbolicName, String version, Status status, List<String> nodeTypes,
        List<String> problems) {

    /** Whether a jar is in use. */
    public enum Status {
        /** Installed and resolved (started, or waiting for lazy activation); its node types are available. */
        INSTALLED,
        /** Not installed: not a bundle, not a jar, or it cannot be installed, resolved or started. */
        FAILED
    }

    public Dropin {
        nodeTypes = List.copyOf(nodeTypes);
        problems = List.copyOf(problems);
    }

    /** Name and version for listings, e.g. {@code org.lab.filters 1.0.0}, or the file name when not a bundle. */
    public String displayName() {
        return symbolicName == null ? jar.getFileName().toString() : symbolicName + " " + version;
    }
}
