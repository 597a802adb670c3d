package io.radflow.core.node;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs a node's independent sub-tasks, obtained through {@link ExecutionContext#taskRunner()}: on a thread
 * pool ({@link #PARALLEL}, the default), in turn ({@link #SEQUENTIAL}), or as tasks of a Spark job on a
 * cluster. Whatever the runner, the results come back in task order and equal those of the sequential
 * runner, so a node's output does not depend on where its tasks ran.
 */
public interface TaskRunner {

    /** Runs the tasks one after the other on the calling thread. */
    TaskRunner SEQUENTIAL = on(Runnable::run);

    /** Runs the tasks on the common fork-join pool. */
    TaskRunner PARALLEL = on(ForkJoinPool.commonPool());

    /**
     * Runs every task and returns their results in task order.
     *
     * @param jobName what the tasks are, for progress displays and job names (e.g. "10 Cox cross-validation folds")
     * @throws RuntimeException the exception of the first task (in task order) that failed, as the task threw it
     */
    <T extends Serializable> List<T> runAll(String jobName, List<? extends SerializableTask<T>> tasks);

    /** A runner that submits each task to {@code executor} and waits for all. */
    static TaskRunner on(Executor executor) {
        return new TaskRunner() {
            @Override
            public <T extends Serializable> List<T> runAll(String jobName, List<? extends SerializableTask<T>> tasks) {
                List<CompletableFuture<T>> futures = new ArrayList<>(tasks.size());
                for (SerializableTask<T> task : tasks) {
                    futures.add(CompletableFuture.supplyAsync(task::run, executor));
                }
                List<T> results = new ArrayList<>(tasks.size());
                for (CompletableFuture<T> future : futures) {
                    try {
                        results.add(future.join());
                    } catch (CompletionException e) {
                        throw e.getCause() instanceof RuntimeException cause ? cause : e;
                    }
                }
                return results;
            }
        };
    }
}
