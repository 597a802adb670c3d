package io.radflow.spark;

import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.SparkSession;

/**
 * The command line of the Spark runner, for {@code spark-submit --class io.radflow.spark.RadflowSpark
 * radflow-spark.jar ...} on a cluster or {@code scripts/radflow-spark} locally:
 * <ul>
 * <li>{@code run PIPELINE --out DIR [--cache DIR] [--checkpoints DIR] [--master URL] [--no-parquet]
 * [--progress-every SECONDS]}: one pipeline ({@link SparkPipelineRunner}). Exit codes are those of
 * {@code radflow-cli run}: 0 success, 1 a node failed, 2 bad usage or invalid pipeline, 3 some patients failed
 * (listed in the manifest).</li>
 * <li>{@code compare PIPELINE --vary NODE.KEY=V1,V2,... --out DIR [...]} or {@code compare PIPELINE PIPELINE ...
 * --out DIR [...]}: variants ({@link VariantComparison}); exit code 0 when every variant succeeded, 3 when some had
 * patient failures, 1 when one failed, 2 bad usage.</li>
 * </ul>
 * Progress lines ({@code patients done/total, patients/s}) go to standard error at most every
 * {@code --progress-every} seconds (default 2).
 */
public final class RadflowSpark {

    static final String USAGE = "usage: radflow-spark run PIPELINE --out DIR [--cache DIR] [--checkpoints DIR]"
            + " [--master URL] [--no-parquet] [--progress-every SECONDS]\n"
            + "       radflow-spark compare PIPELINE (--vary NODE.KEY=V1,V2,... | PIPELINE...) --out DIR [--cache DIR]"
            + " [--checkpoints DIR] [--master URL] [--progress-every SECONDS]";

    private RadflowSpark() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** The parsed command line. */
    private record Command(String name, List<Path> pipelines, Path output, Path cache, Path checkpoints, String master,
            boolean parquet, long progressMillis, String vary) {
    }

    /** Runs the command; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession.Builder builder = SparkSession.builder().appName("Radflow " + command.pipelines().get(0).getFileName());
        if (command.master() != null) {
            builder.master(command.master());
        }
        SparkSession spark = builder.getOrCreate();
        try {
            NodeTypeRegistry registry = ClasspathNodeRegistry.load(RadflowSpark.class.getClassLoader());
            registry.problems().forEach(p -> err.println("warning: " + p));
            return command.name().equals("run") ? run(command, spark, registry, out, err)
                    : compare(command, spark, registry, out, err);
        } catch (PipelineValidationException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private static Command parse(String[] args) {
        if (args.length < 2 || !(args[0].equals("run") || args[0].equals("compare"))) {
            throw new IllegalArgumentException(args.length == 0 ? "no command" : "unknown command '" + args[0] + "'");
        }
        List<Path> pipelines = new ArrayList<>();
        Path output = null;
        Path cache = null;
        Path checkpoints = null;
        String master = null;
        String vary = null;
        boolean parquet = true;
        long progressMillis = SparkPipelineRunner.Options.DEFAULT_PROGRESS_MILLIS;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--out" -> output = Path.of(require(value, "--out"));
                case "--cache" -> cache = Path.of(require(value, "--cache"));
                case "--checkpoints" -> checkpoints = Path.of(require(value, "--checkpoints"));
                case "--master" -> master = require(value, "--master");
                case "--vary" -> vary = require(value, "--vary");
                case "--progress-every" -> {
                    try {
                        progressMillis = Math.round(Double.parseDouble(require(value, "--progress-every")) * 1000);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--progress-every needs seconds, got '" + value + "'");
                    }
                }
                case "--no-parquet" -> {
                    parquet = false;
                    continue;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                    }
                    pipelines.add(Path.of(args[i]));
                    continue;
                }
            }
            i++;
        }
        if (pipelines.isEmpty()) {
            throw new IllegalArgumentException("no pipeline file given");
        }
        if (args[0].equals("run") && (pipelines.size() > 1 || vary != null)) {
            throw new IllegalArgumentException("run takes one pipeline file (compare runs variants)");
        }
        if (args[0].equals("compare") && (vary == null) == (pipelines.size() == 1)) {
            throw new IllegalArgumentException("compare takes one pipeline file with --vary, or several pipeline files");
        }
        if (output == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new Command(args[0], pipelines, output, cache != null ? cache : output.resolve("cache"), checkpoints,
                master, parquet, progressMillis, vary);
    }

    private static int run(Command command, SparkSession spark, NodeTypeRegistry registry, PrintStream out, PrintStream err)
            throws IOException, PipelineValidationException {
        Path pipeline = command.pipelines().get(0);
        SparkPipelineRunner.SparkRunResult result = new SparkPipelineRunner(spark, registry).run(pipeline, command.output(),
                new SparkPipelineRunner.Options(command.cache(), command.checkpoints(), command.parquet(), null,
                        command.progressMillis()), new ConsoleMonitor(err));
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
    }

    private static int compare(Command command, SparkSession spark, NodeTypeRegistry registry, PrintStream out,
            PrintStream err) throws IOException {
        List<VariantComparison.Variant> variants = command.vary() != null
                ? VariantComparison.sweep(command.pipelines().get(0), command.vary())
                : VariantComparison.files(command.pipelines());
        VariantComparison.Result result = new VariantComparison(spark, registry).run(variants, command.output(),
                new VariantComparison.Options(command.cache(), command.checkpoints(), command.progressMillis(), null),
                new ConsoleMonitor(err));
        for (VariantComparison.VariantOutcome v : result.variants()) {
            out.printf(Locale.ROOT, "%s: %s, %d patients with failures, outputs in %s%s%n", v.name(), v.status(),
                    v.failedPatients(), v.output(), v.error() == null ? "" : "; " + v.error());
        }
        out.printf(Locale.ROOT, "%d variants, %d per-patient runs; comparison %s%n", result.variants().size(),
                result.perPatientRuns(), result.table());
        List<RunStatus> statuses = result.variants().stream().map(VariantComparison.VariantOutcome::status).toList();
        return statuses.stream().allMatch(s -> s == RunStatus.SUCCEEDED) ? 0
                : statuses.stream().allMatch(s -> s == RunStatus.SUCCEEDED || s == RunStatus.COMPLETED_WITH_PATIENT_FAILURES) ? 3
                : 1;
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
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
