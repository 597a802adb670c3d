package io.radflow.spark;

import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.spark.sql.SparkSession;

/**
 * {@code radflow-spark run PIPELINE --out DIR [--cache DIR] [--checkpoints DIR] [--master URL] [--no-parquet]}:
 * the command line of the Spark runner, for {@code spark-submit --class io.radflow.spark.RadflowSpark
 * radflow-spark.jar run ...} on a cluster or {@code scripts/radflow-spark} locally. Exit codes are
 * those of {@code radflow-cli run}: 0 success, 1 a node failed, 2 bad usage or invalid pipeline,
 * 3 some patients failed (listed in the manifest).
 */
public final class RadflowSpark {

    static final String USAGE = "usage: radflow-spark run PIPELINE --out DIR [--cache DIR] [--checkpoints DIR]"
            + " [--master URL] [--no-parquet]";

    private RadflowSpark() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("run")) {
            err.println(USAGE);
            return 2;
        }
        Path pipeline = Path.of(args[1]);
        Path output = null;
        Path cache = null;
        Path checkpoints = null;
        String master = null;
        boolean parquet = true;
        try {
            for (int i = 2; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--out" -> output = Path.of(require(value, "--out"));
                case "--cache" -> cache = Path.of(require(value, "--cache"));
                case "--checkpoints" -> checkpoints = Path.of(require(value, "--checkpoints"));
                case "--master" -> master = require(value, "--master");
                case "--no-parquet" -> {
                    parquet = false;
                    continue;
                }
                default -> {
                    err.println("unknown option '" + args[i] + "'\n" + USAGE);
                    return 2;
                }
            }
            i++;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (output == null) {
            err.println("--out DIR is required\n" + USAGE);
            return 2;
        }
        if (cache == null) {
            cache = output.resolve("cache");
        }
        SparkSession.Builder builder = SparkSession.builder().appName("Radflow " + pipeline.getFileName());
        if (master != null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            NodeTypeRegistry registry = ClasspathNodeRegistry.load(RadflowSpark.class.getClassLoader());
            registry.problems().forEach(p -> err.println("warning: " + p));
            SparkPipelineRunner.SparkRunResult result = new SparkPipelineRunner(spark, registry).run(pipeline, output,
                    new SparkPipelineRunner.Options(cache, checkpoints, parquet, null), new ConsoleMonitor(err));
            RunResult run = result.run();
            run.patientFailures().forEach(f -> err.println("failed: " + f));
            out.printf(Locale.ROOT, "%s: %s; %d patients (%d from checkpoints, %d tasks failed) in %.1f s, %.2f patients/s; manifest %s%n",
                    pipeline.getFileName(), run.status(), result.patients(), result.fromCheckpoints(), result.failedTasks(),
                    result.perPatientMillis() / 1000.0, result.patientsPerSecond(), run.manifest());
            return switch (run.status()) {
                case SUCCEEDED -> 0;
                case COMPLETED_WITH_PATIENT_FAILURES -> 3;
                case CANCELED -> 130;
                default -> 1;
            };
        } catch (PipelineValidationException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    /** Node events and the per-patient progress lines on standard error. */
    record ConsoleMonitor(PrintStream err) implements RunMonitor {
        @Override
        public void nodeStarted(String nodeId, int index, int count) {
            err.printf(Locale.ROOT, "[%d/%d] %s%n", index + 1, count, nodeId);
        }

        @Override
        public void nodeFinished(NodeRunRecord record) {
            err.printf(Locale.ROOT, "      %s %s (%d ms)%s%n", record.nodeId(), record.status(), record.durationMillis(),
                    record.error() == null ? "" : ": " + record.error());
        }

        @Override
        public void log(String line) {
            err.println("      " + line);
        }
    }
}
