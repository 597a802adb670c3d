package io.radflow.spark;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.PipelineValidator;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineVariants;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code radflow-spark compare}: runs several variants of a pipeline (one node parameter swept over values,
 * {@link PipelineVariants}, or several pipeline files) and writes each variant's outputs under
 * {@code <out>/<variant>/} and a comparison table {@code <out>/comparison.csv} (and {@code .md}).
 *
 * <p>The per-patient part (see {@link PerPatientPlan}) runs once per distinct per-patient configuration: variants
 * whose cohort sources and per-patient nodes are the same (a swept parameter of a cohort-level node) share one
 * distributed run ({@link SparkPipelineRunner}, output folder of the first such variant, checkpoints in
 * {@code <out>/checkpoints}). The cohort-level part of every variant then runs as one Spark task (a job of its
 * own, named after the variant, so a failed variant leaves the others running): the engine on the executor with
 * the per-patient nodes' outputs handed over, writing the variant's output folder and manifest as a local run
 * would. The executors must see the output folder (a shared file system, as for {@code run}).
 *
 * <p>Metrics of the table: each output's {@link io.radflow.core.port.PortObject#metrics()} named
 * {@code node.port<suffix>} (e.g. {@code node.port[rowKey].column} for a cell of a small result table), as in the
 * studio's comparison view.
 */
public final class VariantComparison {

    /**
     * One variant.
     *
     * @param name          its name, also its output folder (made safe for file names)
     * @param pipeline      the pipeline
     * @param baseDirectory where its relative paths resolve (the folder of the file it came from)
     */
    public record Variant(String name, Pipeline pipeline, Path baseDirectory) {
        public String folderName() {
            return PipelineVariants.safeFileName(name);
        }
    }

    /**
     * Options of a comparison.
     *
     * @param cacheDirectory      cache folder (generated demo cohort); visible to the executors
     * @param checkpointDirectory per-patient checkpoints, or {@code null} for {@code <out>/checkpoints}
     * @param progressMillis      least time between two progress lines of a per-patient part
     * @param failingVariant      test hook: the task of this variant throws (simulated executor failure), or null
     */
    public record Options(Path cacheDirectory, Path checkpointDirectory, long progressMillis, String failingVariant) {
        public static Options defaults(Path cacheDirectory) {
            return new Options(cacheDirectory, null, SparkPipelineRunner.Options.DEFAULT_PROGRESS_MILLIS, null);
        }
    }

    /**
     * The outcome of one variant.
     *
     * @param name           the variant
     * @param status         the run's status ({@link RunStatus#FAILED} when its task failed or it was invalid)
     * @param error          why it failed (node errors, the task's error), or {@code null}
     * @param failedPatients patients with at least one failure
     * @param metrics        metric name to value, in output order
     * @param output         its output folder
     */
    public record VariantOutcome(String name, RunStatus status, String error, int failedPatients,
            Map<String, Double> metrics, String output) implements Serializable {
        public VariantOutcome {
            metrics = new LinkedHashMap<>(metrics);
        }
    }

    /**
     * The outcome of a comparison.
     *
     * @param variants       one outcome per variant, in the given order
     * @param perPatientRuns distributed per-patient runs done (distinct per-patient configurations)
     * @param table          the comparison table written ({@code comparison.csv})
     */
    public record Result(List<VariantOutcome> variants, int perPatientRuns, Path table) {
        public Result {
            variants = List.copyOf(variants);
        }
    }

    private final SparkSession spark;
    private final NodeTypeRegistry registry;

    public VariantComparison(SparkSession spark, NodeTypeRegistry registry) {
        this.spark = spark;
        this.registry = registry;
    }

    /**
     * The variants of a sweep {@code node.key=v1,v2,...} of the pipeline in {@code file}, named
     * {@code node.key=value}.
     *
     * @throws IllegalArgumentException for a malformed sweep or a node that is not in the pipeline
     */
    public static List<Variant> sweep(Path file, String vary) throws IOException {
        int dot = vary.indexOf('.');
        int eq = vary.indexOf('=');
        if (dot <= 0 || eq < dot + 2 || eq == vary.length() - 1) {
            throw new IllegalArgumentException("--vary needs node.key=value1,value2,..., got '" + vary + "'");
        }
        String node = vary.substring(0, dot);
        String key = vary.substring(dot + 1, eq);
        List<String> values = PipelineVariants.parseValues(vary.substring(eq + 1));
        List<Pipeline> pipelines = PipelineVariants.of(PipelineFiles.load(file), node, key, values);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            variants.add(new Variant(node + "." + key + "=" + values.get(i), pipelines.get(i),
                    file.toAbsolutePath().getParent()));
        }
        return variants;
    }

    /** One variant per pipeline file, named after the file (without {@code .radflow}). */
    public static List<Variant> files(List<Path> files) throws IOException {
        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            String stem = file.getFileName().toString().replaceFirst("\\.radflow$", "");
            String name = stem;
            for (int i = 2; !names.add(name); i++) {
                name = stem + "-" + i;
            }
            variants.add(new Variant(name, PipelineFiles.load(file), file.toAbsolutePath().getParent()));
        }
        return variants;
    }

    /** Runs the variants with outputs under {@code out}; writes {@code out/comparison.csv} and {@code .md}. */
    public Result run(List<Variant> variants, Path out, Options options, RunMonitor monitor) throws IOException {
        Files.createDirectories(out);
        Set<String> folders = new HashSet<>();
        for (Variant v : variants) {
            if (!folders.add(v.folderName())) {
                throw new IllegalArgumentException("two variants have the output folder '" + v.folderName() + "'");
            }
        }
        Path checkpoints = options.checkpointDirectory() != null ? options.checkpointDirectory() : out.resolve("checkpoints");
        SparkPipelineRunner.Options runOptions = new SparkPipelineRunner.Options(options.cacheDirectory(), checkpoints,
                false, null, options.progressMillis());
        SparkPipelineRunner runner = new SparkPipelineRunner(spark, registry);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

        VariantOutcome[] outcomes = new VariantOutcome[variants.size()];
        Map<String, Map<String, List<PatientResult>>> perPatientByKey = new LinkedHashMap<>();
        List<JavaFutureAction<List<VariantOutcome>>> jobs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            Path variantOut = Files.createDirectories(out.resolve(variant.folderName()));
            Path pipelineFile = variantOut.resolve("pipeline.radflow");
            PipelineFiles.save(variant.pipeline(), pipelineFile);
            List<ValidationProblem> errors = new PipelineValidator(registry).validate(variant.pipeline()).stream()
                    .filter(ValidationProblem::isError).toList();
            if (!errors.isEmpty()) {
                outcomes[i] = failed(variant, variantOut, new PipelineValidationException(variant.pipeline().getName(),
                        errors).getMessage());
                jobs.add(null);
                continue;
            }
            String key = variant.baseDirectory() + "\n" + perPatientPart(variant.pipeline());
            Map<String, List<PatientResult>> perPatient = perPatientByKey.get(key);
            if (perPatient == null) {
                monitor.log("variant " + variant.name() + ": per-patient part");
                try {
                    perPatient = runner.run(perPatientPipeline(variant.pipeline()), variant.baseDirectory(), null, variantOut,
                            runOptions, monitor).perPatientResults();
                } catch (PipelineValidationException e) {
                    throw new IllegalStateException(e.getMessage(), e); // the full pipeline was valid, so is its part
                }
                perPatientByKey.put(key, perPatient);
            } else {
                monitor.log("variant " + variant.name() + ": per-patient part shared with an earlier variant");
            }
            VariantTask task = new VariantTask(variant.name(), PipelineFiles.toXmiString(variant.pipeline()),
                    variant.pipeline().getName(), variant.baseDirectory().toString(),
                    options.cacheDirectory() == null ? null : options.cacheDirectory().toAbsolutePath().toString(),
                    variantOut.toAbsolutePath().toString(), pipelineFile.toAbsolutePath().toString(),
                    new LinkedHashMap<>(perPatient), variant.name().equals(options.failingVariant()));
            jsc.setJobDescription("Radflow compare: variant '" + variant.name() + "': cohort-level nodes");
            jobs.add(jsc.parallelize(List.of(task), 1).map(VariantTask::run).collectAsync());
        }
        jsc.setJobDescription(null);
        for (int i = 0; i < variants.size(); i++) {
            if (jobs.get(i) == null) {
                continue;
            }
            Variant variant = variants.get(i);
            try {
                outcomes[i] = jobs.get(i).get().get(0);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                outcomes[i] = failed(variant, out.resolve(variant.folderName()), "its Spark task failed: "
                        + firstLine(String.valueOf(cause.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for variant " + variant.name(), e);
            }
            monitor.log("variant " + variant.name() + ": " + outcomes[i].status()
                    + (outcomes[i].error() == null ? "" : ": " + outcomes[i].error()));
        }
        List<VariantOutcome> list = List.of(outcomes);
        Path table = out.resolve("comparison.csv");
        comparisonTable(list).writeCsv(table);
        Files.writeString(out.resolve("comparison.md"), markdown(list));
        return new Result(list, perPatientByKey.size(), table);
    }

    private static VariantOutcome failed(Variant variant, Path out, String error) {
        return new VariantOutcome(variant.name(), RunStatus.FAILED, error, 0, Map.of(), out.toAbsolutePath().toString());
    }

    /** The cohort sources and per-patient nodes of {@code pipeline} with their connections; other nodes removed. */
    private Pipeline perPatientPipeline(Pipeline pipeline) throws IOException {
        Set<String> keep = new HashSet<>();
        for (PerPatientPlan.Segment segment : PerPatientPlan.of(pipeline, registry).segments()) {
            keep.add(segment.sourceNodeId());
            keep.addAll(segment.nodeIds());
        }
        Pipeline part = PipelineFiles.copy(pipeline);
        part.getConnections().removeIf(c -> !keep.contains(c.getSource().getId()) || !keep.contains(c.getTarget().getId()));
        part.getNodes().removeIf(n -> !keep.contains(n.getId()));
        return part;
    }

    /** What the per-patient results depend on: the per-patient part as XMI, without the variant's name. */
    private String perPatientPart(Pipeline pipeline) throws IOException {
        Pipeline part = perPatientPipeline(pipeline);
        part.setName("");
        return PipelineFiles.toXmiString(part);
    }

    /**
     * The cohort-level part of one variant, run on an executor: the whole pipeline by the engine, with the
     * per-patient nodes' outputs taken from {@code perPatientResults}.
     */
    record VariantTask(String name, String pipelineXmi, String pipelineName, String baseDirectory, String cacheDirectory,
            String outputDirectory, String pipelineFile, Map<String, List<PatientResult>> perPatientResults,
            boolean simulateFailure) implements Serializable {

        VariantOutcome run() {
            if (simulateFailure) {
                throw new IllegalStateException("simulated executor failure in variant " + name);
            }
            Path out = Path.of(outputDirectory);
            try {
                Pipeline pipeline = PipelineFiles.fromXmiString(pipelineXmi, pipelineName);
                RunResult result = SparkPipelineRunner.replay(PatientTask.registry(), pipeline, Path.of(baseDirectory),
                        Path.of(pipelineFile), out, cacheDirectory == null ? null : Path.of(cacheDirectory), perPatientResults);
                List<String> errors = result.nodes().stream().filter(n -> n.error() != null)
                        .map(n -> n.nodeId() + ": " + n.error()).toList();
                int failedPatients = (int) result.patientFailures().stream().map(f -> f.patientId()).distinct().count();
                return new VariantOutcome(name, result.status(), errors.isEmpty() ? null : String.join("; ", errors),
                        failedPatients, metrics(result), outputDirectory);
            } catch (IOException | PipelineValidationException | RuntimeException e) {
                return new VariantOutcome(name, RunStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(),
                        0, Map.of(), outputDirectory);
            }
        }
    }

    /** The metrics of one run (see the class comment), by name in output order. */
    public static Map<String, Double> metrics(RunResult run) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (NodeRunRecord record : run.nodes()) {
            record.outputs().forEach((port, object) -> object.metrics()
                    .forEach((suffix, value) -> metrics.put(record.nodeId() + "." + port + suffix, value)));
        }
        return metrics;
    }

    /**
     * The comparison: one row per variant with {@code variant}, {@code status}, {@code failedPatients},
     * {@code error}, then one column per metric (in order of first appearance; empty where a variant has none).
     */
    public static Table comparisonTable(List<VariantOutcome> outcomes) {
        Set<String> metricNames = new LinkedHashSet<>();
        outcomes.forEach(o -> metricNames.addAll(o.metrics().keySet()));
        int n = outcomes.size();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("variant", outcomes.stream().map(VariantOutcome::name).toArray(String[]::new)));
        columns.add(Column.text("status", outcomes.stream().map(o -> o.status().name()).toArray(String[]::new)));
        columns.add(Column.numeric("failedPatients", outcomes.stream().mapToDouble(VariantOutcome::failedPatients).toArray()));
        columns.add(Column.text("error", outcomes.stream().map(o -> o.error() == null ? "" : o.error()).toArray(String[]::new)));
        for (String metric : metricNames) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = outcomes.get(i).metrics().getOrDefault(metric, Double.NaN);
            }
            columns.add(Column.numeric(metric, values));
        }
        return new Table(columns);
    }

    private static String markdown(List<VariantOutcome> outcomes) {
        StringBuilder md = new StringBuilder("# Variant comparison\n\n| variant | status | failed patients | error |\n|---|---|---|---|\n");
        for (VariantOutcome o : outcomes) {
            md.append("| ").append(o.name()).append(" | ").append(o.status()).append(" | ").append(o.failedPatients())
                    .append(" | ").append(o.error() == null ? "" : o.error().replace('|', '/').replace('\n', ' ')).append(" |\n");
        }
        Set<String> metricNames = new LinkedHashSet<>();
        outcomes.forEach(o -> metricNames.addAll(o.metrics().keySet()));
        md.append("\n| metric |");
        outcomes.forEach(o -> md.append(' ').append(o.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(outcomes.size())).append('\n');
        for (String metric : metricNames) {
            md.append("| ").append(metric).append(" |");
            for (VariantOutcome o : outcomes) {
                Double v = o.metrics().get(metric);
                md.append(' ').append(v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse(text);
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }
}
