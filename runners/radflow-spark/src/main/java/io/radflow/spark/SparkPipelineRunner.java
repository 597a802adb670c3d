package io.radflow.spark;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TaskRunner;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeStatus;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Runs a pipeline file on Spark with the engine's own {@link PipelineExecutor} on the driver, so
 * the output folder, the run manifest and the exit status are those of a local run. The difference
 * is in the per-patient nodes ({@link PerPatientPlan}): their implementations are replaced by one
 * that splits the cohort into one-patient cohorts, runs the per-patient nodes on the executors
 * (one Spark task per patient, {@link PatientTask}) and joins their outputs in cohort order.
 * Patient failures, including tasks that failed or never ran because the Spark job stopped, are
 * reported to the engine as patient failures of the first per-patient node, not as a failed run.
 * The other nodes run on the driver, their independent sub-tasks (e.g. cross-validation folds, see
 * {@link io.radflow.core.node.ExecutionContext#taskRunner()}) as a Spark job named after the node
 * ({@link SparkTaskRunner}). Table outputs are also written as Parquet ({@code <out>/<node>/<port>.parquet}).
 */
public final class SparkPipelineRunner {

    /**
     * Options of a Spark run.
     *
     * @param cacheDirectory      cache folder (generated demo cohort); visible to the executors
     * @param checkpointDirectory per-patient checkpoints, or {@code null} for {@code <out>/checkpoints}
     * @param parquet             whether table outputs are also written as Parquet
     * @param failingPatient      test hook: this patient's task throws (simulated executor failure), or {@code null}
     * @param progressMillis      least time between two progress lines of the per-patient part
     */
    public record Options(Path cacheDirectory, Path checkpointDirectory, boolean parquet, String failingPatient,
            long progressMillis) {

        /** Progress lines every {@value #DEFAULT_PROGRESS_MILLIS} ms at most. */
        public static final long DEFAULT_PROGRESS_MILLIS = 2000;

        public Options(Path cacheDirectory, Path checkpointDirectory, boolean parquet, String failingPatient) {
            this(cacheDirectory, checkpointDirectory, parquet, failingPatient, DEFAULT_PROGRESS_MILLIS);
        }

        public static Options defaults(Path cacheDirectory) {
            return new Options(cacheDirectory, null, true, null);
        }
    }

    /**
     * The outcome of a Spark run.
     *
     * @param run             the engine's result (node records, patient failures, manifest)
     * @param patients        patients handed to the executors
     * @param fromCheckpoints of which read from checkpoints
     * @param failedTasks     of which whose task failed or never ran
     * @param perPatientMillis wall time of the per-patient (distributed) part
     */
    public record SparkRunResult(RunResult run, int patients, int fromCheckpoints, int failedTasks, long perPatientMillis) {
        /** Patients per second in the per-patient part. */
        public double patientsPerSecond() {
            return perPatientMillis == 0 ? Double.NaN : patients * 1000.0 / perPatientMillis;
        }
    }

    private final SparkSession spark;
    private final NodeTypeRegistry registry;

    public SparkPipelineRunner(SparkSession spark, NodeTypeRegistry registry) {
        this.spark = spark;
        this.registry = registry;
    }

    /**
     * Runs {@code pipelineFile} with outputs in {@code out}.
     *
     * @throws PipelineValidationException when the pipeline is invalid (nothing runs)
     * @throws IOException when the pipeline cannot be read or outputs cannot be written
     */
    public SparkRunResult run(Path pipelineFile, Path out, Options options, RunMonitor monitor)
            throws IOException, PipelineValidationException {
        Pipeline pipeline = PipelineFiles.load(pipelineFile);
        return run(pipeline, pipelineFile.toAbsolutePath().getParent(), pipelineFile, out, options, monitor).result();
    }

    /** A finished run and the per-patient results it joined, by cohort source node. */
    record Finished(SparkRunResult result, Map<String, List<PatientResult>> perPatientResults) {
    }

    /** Runs {@code pipeline} (relative paths against {@code base}; {@code pipelineFile} only for the manifest). */
    Finished run(Pipeline pipeline, Path base, Path pipelineFile, Path out, Options options, RunMonitor monitor)
            throws IOException, PipelineValidationException {
        Path checkpoints = options.checkpointDirectory() != null ? options.checkpointDirectory() : out.resolve("checkpoints");
        DriverRun driver = new DriverRun(pipeline, base, out, checkpoints, options, monitor, Map.of());
        RunResult result = new PipelineExecutor(driver.registry()).execute(pipeline,
                new RunOptions(base, options.cacheDirectory(), out, pipelineFile), driver.tracking());
        if (options.parquet()) {
            writeParquet(pipeline.getName(), result, out, monitor);
        }
        return new Finished(new SparkRunResult(result, driver.patients, driver.fromCheckpoints, driver.failedTasks,
                driver.millis), Map.copyOf(driver.resultsBySource));
    }

    /**
     * Runs {@code pipeline} without Spark (on an executor) with the per-patient nodes' outputs taken from
     * {@code perPatientResults} (of a {@link #run} of the same per-patient part) instead of computed.
     */
    static RunResult replay(NodeTypeRegistry registry, Pipeline pipeline, Path base, Path pipelineFile, Path out,
            Path cache, Map<String, List<PatientResult>> perPatientResults) throws IOException, PipelineValidationException {
        SparkPipelineRunner runner = new SparkPipelineRunner(null, registry);
        DriverRun driver = runner.new DriverRun(pipeline, base, out, null, Options.defaults(cache), RunMonitor.NONE,
                perPatientResults);
        return new PipelineExecutor(driver.registry()).execute(pipeline, new RunOptions(base, cache, out, pipelineFile),
                driver.tracking());
    }

    /** State of one run on the driver: the plan and the joined per-patient results of each segment. */
    private final class DriverRun {
        final Pipeline pipeline;
        final Path base;
        final Path out;
        final Path checkpoints;
        final Options options;
        final RunMonitor monitor;
        final PerPatientPlan plan;
        final Map<String, List<PatientResult>> resultsBySource = new HashMap<>();
        final Set<String> joinedSources = new HashSet<>();
        String currentNode;
        int patients;
        int fromCheckpoints;
        int failedTasks;
        long millis;

        DriverRun(Pipeline pipeline, Path base, Path out, Path checkpoints, Options options, RunMonitor monitor,
                Map<String, List<PatientResult>> given) throws IOException, PipelineValidationException {
            this.pipeline = pipeline;
            this.base = base;
            this.out = out;
            this.checkpoints = checkpoints;
            this.options = options;
            this.monitor = monitor;
            var errors = new io.radflow.pipeline.engine.PipelineValidator(registry).validate(pipeline).stream()
                    .filter(p -> p.isError()).toList();
            if (!errors.isEmpty()) {
                throw new PipelineValidationException(pipeline.getName(), errors);
            }
            this.plan = PerPatientPlan.of(pipeline, registry);
            this.resultsBySource.putAll(given);
        }

        /** The registry with the per-patient nodes' implementations replaced by {@link Distributed}. */
        NodeTypeRegistry registry() {
            List<NodeType> types = new ArrayList<>();
            for (NodeType t : registry.nodeTypes()) {
                types.add(new NodeType(t.id(), t.version(), t.label(), t.category(), t.description(), t.inputs(),
                        t.outputs(), t.parameters(), t.deprecated(), t.contributor(), () -> new Distributed(t, t.factory().create())));
            }
            return new NodeTypeRegistry(types, registry.portTypes(), registry.problems());
        }

        /**
         * A node of the pipeline on the driver: a per-patient node returns the joined results of the
         * executors; any other node runs as it is, its sub-tasks as Spark jobs.
         */
        private final class Distributed implements NodeImplementation {
            private final NodeType type;
            private final NodeImplementation local;

            Distributed(NodeType type, NodeImplementation local) {
                this.type = type;
                this.local = local;
            }

            @Override
            public void validate(Parameters parameters) {
                local.validate(parameters);
            }

            @Override
            public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
                    throws NodeExecutionException, io.radflow.core.node.CanceledExecutionException {
                String nodeId = currentNode;
                PerPatientPlan.Segment segment = nodeId == null ? null : plan.segmentOf(nodeId);
                if (segment == null) {
                    return local.execute(inputs, parameters, spark == null ? context : withSparkTasks(context,
                            "Radflow '" + pipeline.getName() + "': " + nodeId + ": "));
                }
                List<PatientResult> results = resultsBySource.get(segment.sourceNodeId());
                if (results == null) {
                    if (spark == null) {
                        throw new NodeExecutionException("no per-patient results of the nodes fed by '"
                                + segment.sourceNodeId() + "' were handed over");
                    }
                    PortDescriptor cohortPort = type.inputs().get(0);
                    results = runSegment(segment, inputs.get(cohortPort.name(), Cohort.class), context);
                    resultsBySource.put(segment.sourceNodeId(), results);
                }
                return join(nodeId, segment, results, joinedSources.add(segment.sourceNodeId()), context);
            }
        }

        /** {@code context}, except that the node's sub-tasks run as Spark jobs named with {@code jobPrefix}. */
        private ExecutionContext withSparkTasks(ExecutionContext context, String jobPrefix) {
            TaskRunner tasks = new SparkTaskRunner(JavaSparkContext.fromSparkContext(spark.sparkContext()), jobPrefix);
            return new ForwardingContext(context) {
                @Override
                public TaskRunner taskRunner() {
                    return tasks;
                }
            };
        }

        /**
         * The monitor handed to the engine: it forwards everything and remembers the node the engine
         * starts, which is the node whose implementation it calls next on the same thread.
         */
        RunMonitor tracking() {
            return new RunMonitor() {
                @Override
                public void nodeStarted(String nodeId, int index, int count) {
                    currentNode = nodeId;
                    monitor.nodeStarted(nodeId, index, count);
                }

                @Override
                public void progress(String nodeId, double fraction, String message) {
                    monitor.progress(nodeId, fraction, message);
                }

                @Override
                public void nodeFinished(NodeRunRecord record) {
                    monitor.nodeFinished(record);
                }

                @Override
                public void log(String line) {
                    monitor.log(line);
                }

                @Override
                public boolean isCanceled() {
                    return monitor.isCanceled();
                }
            };
        }

        private List<PatientResult> runSegment(PerPatientPlan.Segment segment, Cohort cohort, ExecutionContext context)
                throws io.radflow.core.node.CanceledExecutionException {
            int n = cohort.patients().size();
            SegmentSpec spec = new SegmentSpec(pipeline.getName(), segment.subPipelineXmi(), segment.sourceNodeId(),
                    segment.sourceOutputs(), segment.nodeIds(), base.toString(),
                    options.cacheDirectory() == null ? null : options.cacheDirectory().toAbsolutePath().toString(),
                    out.toAbsolutePath().toString(), checkpoints.toAbsolutePath().toString(), options.failingPatient());
            List<PatientWork> work = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                work.add(new PatientWork(i, PortData.CohortData.single(cohort, i)));
            }
            String nodes = String.join(", ", segment.nodeIds());
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            jsc.setJobDescription("Radflow '" + pipeline.getName() + "': per-patient nodes [" + nodes + "] on " + n + " patients");
            Broadcast<SegmentSpec> broadcast = jsc.broadcast(spec);
            CollectionAccumulator<PatientResult> done = spark.sparkContext().collectionAccumulator("radflow patients " + nodes);
            long start = System.nanoTime();
            String jobError = null;
            int reported = -1;
            if (n > 0) {
                JavaRDD<PatientWork> rdd = jsc.parallelize(work, n);
                JavaFutureAction<Void> job = rdd.foreachAsync(w -> done.add(PatientTask.run(broadcast.value(), w.index(), w.patient())));
                long lastReport = 0;
                while (!job.isDone()) {
                    if (context.isCanceled()) {
                        job.cancel(true);
                        throw new io.radflow.core.node.CanceledExecutionException();
                    }
                    sleep(Math.max(50, Math.min(250, options.progressMillis())));
                    List<PatientResult> sofar = done.value();
                    long now = System.nanoTime();
                    if (sofar.size() != reported && now - lastReport >= options.progressMillis() * 1_000_000L) {
                        reported = sofar.size();
                        lastReport = now;
                        String line = progressLine(sofar, n, now - start);
                        context.progress((double) reported / n, line);
                        monitor.log(line);
                    }
                }
                try {
                    job.get();
                } catch (ExecutionException | RuntimeException e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    jobError = firstLine(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
                    monitor.log("The Spark job of [" + nodes + "] stopped: " + jobError);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new io.radflow.core.node.CanceledExecutionException();
                }
            }
            jsc.setJobDescription(null);
            broadcast.destroy();
            PatientResult[] byIndex = new PatientResult[n];
            for (PatientResult r : done.value()) {
                byIndex[r.index()] = r;
            }
            List<PatientResult> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (byIndex[i] == null) {
                    // a task that finished just before the job was aborted: its accumulator update is lost, its checkpoint is not
                    byIndex[i] = PatientTask.checkpointed(spec, i, work.get(i).patient());
                }
                if (byIndex[i] == null) {
                    failedTasks++;
                    byIndex[i] = PatientTask.failed(spec, i, cohort.patients().get(i).id(),
                            "not processed: the Spark job stopped (" + jobError + "); a re-run processes it");
                }
                results.add(byIndex[i]);
            }
            long elapsed = System.nanoTime() - start;
            patients += n;
            fromCheckpoints += (int) results.stream().filter(PatientResult::fromCheckpoint).count();
            millis += elapsed / 1_000_000;
            if (reported != n) { // the last line counts every patient
                monitor.log(progressLine(results, n, elapsed));
            }
            return results;
        }

        private Map<String, PortObject> join(String nodeId, PerPatientPlan.Segment segment, List<PatientResult> results,
                boolean first, ExecutionContext context) throws NodeExecutionException {
            List<String> errors = results.stream().map(r -> r.nodeErrors().get(nodeId)).toList();
            if (!results.isEmpty() && errors.stream().allMatch(e -> e != null) && errors.stream().distinct().count() == 1) {
                throw new NodeExecutionException(errors.get(0)); // the node failed as a whole, as it would locally
            }
            Map<String, List<PortData>> parts = new java.util.LinkedHashMap<>();
            for (PatientResult r : results) {
                if (first) {
                    r.inputs().forEach(f -> context.recordInput(Path.of(f)));
                }
                for (PatientResult.Failure f : r.failures()) {
                    if (f.nodeId().equals(nodeId)) {
                        context.reportPatientFailure(f.patientId(), f.field(), f.message());
                    }
                }
                String error = r.nodeErrors().get(nodeId);
                if (error != null) {
                    context.reportPatientFailure(r.patientId(), "node", error);
                }
                Map<String, PortData> outputs = r.outputs().get(nodeId);
                if (outputs != null) {
                    outputs.forEach((port, data) -> parts.computeIfAbsent(port, k -> new ArrayList<>()).add(data));
                }
            }
            NodeType type = registry.nodeType(pipeline.getNodes().stream().filter(n -> n.getId().equals(nodeId))
                    .findFirst().orElseThrow().getTypeId()).orElseThrow();
            Map<String, PortObject> outputs = new java.util.LinkedHashMap<>();
            for (PortDescriptor port : type.outputs()) {
                List<PortData> list = parts.getOrDefault(port.name(), List.of());
                outputs.put(port.name(), list.isEmpty() ? emptyOutput(port) : PortData.concat(list));
            }
            return outputs;
        }
    }

    /** The output of a per-patient node when no patient produced one. */
    private static PortObject emptyOutput(PortDescriptor port) {
        return port.typeId().equals(io.radflow.core.port.PortTypes.COHORT)
                ? new Cohort(null, List.of(), List.of(), new Table(List.of(Column.text(Cohort.PATIENT_ID, new String[0]))))
                : new Table(List.of(Column.text(Cohort.PATIENT_ID, new String[0])));
    }

    /** One patient's work: its position in the cohort and the one-patient cohort. */
    record PatientWork(int index, PortData.CohortData patient) implements Serializable {
    }

    private static String progressLine(List<PatientResult> done, int total, long nanos) {
        long checkpointed = done.stream().filter(PatientResult::fromCheckpoint).count();
        long failed = done.stream().filter(r -> !r.complete()).count();
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "patients %d/%d done (%d from checkpoints, %d with failures), %.1f patients/s",
                done.size(), total, checkpointed, failed, seconds > 0 ? done.size() / seconds : 0.0);
    }

    private void writeParquet(String pipelineName, RunResult result, Path out, RunMonitor monitor) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        for (NodeRunRecord record : result.nodes()) {
            if (record.status() != NodeStatus.SUCCEEDED) {
                continue;
            }
            for (Map.Entry<String, PortObject> e : record.outputs().entrySet()) {
                if (!(e.getValue() instanceof Table table) || table.columnCount() == 0) {
                    continue;
                }
                Path target = out.resolve(record.nodeId()).resolve(e.getKey() + ".parquet");
                jsc.setJobDescription("Radflow '" + pipelineName + "': Parquet of " + record.nodeId() + "." + e.getKey());
                try {
                    spark.createDataFrame(rows(table), schema(table)).coalesce(1).write().mode(SaveMode.Overwrite)
                            .parquet(target.toAbsolutePath().toString());
                } catch (RuntimeException x) {
                    monitor.log("Parquet of " + record.nodeId() + "." + e.getKey() + " not written: " + firstLine(String.valueOf(x.getMessage())));
                }
            }
        }
        jsc.setJobDescription(null);
    }

    /** The Spark schema of a table: numeric columns as nullable doubles (NaN as null), text as strings. */
    static StructType schema(Table table) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            fields.add(DataTypes.createStructField(c.name(), c.isNumeric() ? DataTypes.DoubleType : DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    static List<Row> rows(Table table) {
        List<Column> columns = table.columns();
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] cells = new Object[columns.size()];
            for (int c = 0; c < cells.length; c++) {
                Column column = columns.get(c);
                if (column.isNumeric()) {
                    double v = column.number(r);
                    cells[c] = Double.isNaN(v) ? null : v;
                } else {
                    cells[c] = column.text(r).isEmpty() ? null : column.text(r);
                }
            }
            rows.add(RowFactory.create(cells));
        }
        return rows;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse(text);
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }

    private static void sleep(long millis) throws io.radflow.core.node.CanceledExecutionException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.radflow.core.node.CanceledExecutionException();
        }
    }
}
