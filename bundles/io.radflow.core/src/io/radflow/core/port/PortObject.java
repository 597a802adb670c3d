package io.radflow.core.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Data that flows along a connection between two nodes (KNIME's port object). Implementations are
 * immutable.
 */
public interface PortObject {

    /** The id of this object's {@link PortType}, e.g. {@code radflow.table}. */
    String portTypeId();

    /** One line for logs, run reports and tool tips, e.g. "60 rows x 19 columns". */
    String summary();

    /**
     * Writes this object into {@code directory} as files whose names start with {@code baseName}
     * (CSV for tables, JSON for structured results, PNG and SVG for figures).
     *
     * @return the files written, in a stable order
     */
    List<Path> write(Path directory, String baseName) throws IOException;

    /**
     * The numbers of this object worth comparing between runs, by name suffix: a comparison names each
     * {@code <node>.<port><suffix>}, so a suffix starts with {@code .} or {@code [} (e.g. {@code [Age].p} for a cell
     * of a result table, {@code .logRank.p}). Empty by default (images, cohorts, per-patient tables).
     */
    default Map<String, Double> metrics() {
        return Map.of();
    }
}
