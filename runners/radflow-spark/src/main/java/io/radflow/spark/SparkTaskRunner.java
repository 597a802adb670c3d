package io.radflow.spark;

import io.radflow.core.node.SerializableTask;
import io.radflow.core.node.TaskRunner;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * A {@link TaskRunner} that runs a node's sub-tasks (e.g. cross-validation folds) as one Spark job, one task
 * each, described as {@code <description prefix><job name>} in the Spark UI. A task's exception travels back
 * with its result, so the caller gets the same exception as from a local run; results come back in task order.
 * Used by {@link SparkPipelineRunner} for the nodes that run on the driver.
 */
final class SparkTaskRunner implements TaskRunner {

    private final JavaSparkContext spark;
    private final String descriptionPrefix;

    /**
     * @param descriptionPrefix what the job belongs to, e.g. {@code "Radflow 'Study 1': lasso: "}
     */
    SparkTaskRunner(JavaSparkContext spark, String descriptionPrefix) {
        this.spark = spark;
        this.descriptionPrefix = descriptionPrefix;
    }

    /** A task's result or the exception it threw. */
    record Outcome<T extends Serializable>(T value, RuntimeException error) implements Serializable {
        static <T extends Serializable> Outcome<T> of(SerializableTask<T> task) {
            try {
                return new Outcome<>(task.run(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }
    }

    @Override
    public <T extends Serializable> List<T> runAll(String jobName, List<? extends SerializableTask<T>> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<SerializableTask<T>> list = new ArrayList<>(tasks);
        String previous = spark.getLocalProperty("spark.job.description");
        spark.setJobDescription(descriptionPrefix + jobName);
        List<Outcome<T>> outcomes;
        try {
            outcomes = spark.parallelize(list, list.size()).map(Outcome::of).collect();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The Spark job '" + descriptionPrefix + jobName + "' failed: "
                    + e.getMessage(), e);
        } finally {
            spark.setJobDescription(previous);
        }
        List<T> results = new ArrayList<>(outcomes.size());
        for (Outcome<T> outcome : outcomes) {
            if (outcome.error() != null) {
                throw outcome.error();
            }
            results.add(outcome.value());
        }
        return results;
    }
}
