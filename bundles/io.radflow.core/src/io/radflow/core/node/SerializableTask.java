package io.radflow.core.node;

import java.io.Serializable;

/**
 * One independent piece of a node's work (a cross-validation fold, a pipeline variant) that a
 * {@link TaskRunner} may run on another thread, process or machine. Everything it needs is in its fields
 * (serialisable, no reference to the node, the context or shared mutable state), and its result is
 * serialisable, so running it elsewhere gives the same result bit for bit.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SerializableTask<T extends Serializable> extends Serializable {

    /**
     * Computes the result.
     *
     * @throws RuntimeException with a readable message when the task cannot be done; the runner rethrows it
     */
    T run();
}
