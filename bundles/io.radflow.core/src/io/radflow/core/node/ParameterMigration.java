package io.radflow.core.node;

import java.util.Map;

/**
 * Optional second interface of a {@link NodeImplementation} whose parameters changed between versions of its
 * node type (Orange's {@code migrate_settings}). When a pipeline saved with an older version of the node type
 * is loaded, the engine passes the saved parameter values here and stores the result with the installed
 * version; the pipeline file itself changes only when the user saves it.
 *
 * <p>Implementations are pure functions of their arguments.
 */
public interface ParameterMigration {

    /**
     * Turns parameters saved with {@code savedVersion} of the node type into parameters of the installed version.
     *
     * @param savedVersion the node type version recorded in the pipeline (e.g. {@code 1.0.0})
     * @param parameters   the saved parameter values by key, in file order (unmodifiable)
     * @return the parameters for the installed version, in the order they should be stored
     * @throws IllegalArgumentException naming the key when the saved values cannot be migrated
     */
    Map<String, String> migrateParameters(String savedVersion, Map<String, String> parameters);
}
