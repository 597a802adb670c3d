package io.radflow.ui.run;

import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.PatientFailure;
import io.radflow.pipeline.engine.RunResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state of one pipeline run as the Run view shows it. Updated and read on the UI thread only
 * (the run job posts its events there); listeners are told after every change.
 */
public final class RunSession {

    /** One row of the Run view: a node, its state, progress and timing. */
    public static final class NodeRow {
        private final String nodeId;
        private final String label;
        private String status = "waiting";
        private double fraction;
        private String message = "";
        private long durationMillis = -1;

        NodeRow(String nodeId, String label) {
            this.nodeId = nodeId;
            this.label = label;
        }

        public String nodeId() {
            return nodeId;
        }

        public String label() {
            return label;
        }

        /** "waiting", "running" or the engine's node status in lower case. */
        public String status() {
            return status;
        }

        public double fraction() {
            return fraction;
        }

        public String message() {
            return message;
        }

        /** Duration of the finished node, -1 while waiting or running. */
        public long durationMillis() {
            return durationMillis;
        }
    }

    private final String pipelineName;
    private final Path outputDirectory;
    private final Map<String, NodeRow> rows = new LinkedHashMap<>();
    private final List<PatientFailure> patientFailures = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Runnable cancel;
    private int finishedNodes;
    private int nodeCount;
    private double currentFraction;
    private String currentNode;
    private RunResult result;
    private String error;
    private boolean finished;
    private boolean cancelRequested;

    /**
     * @param nodes  node id to label, in pipeline order (execution order may differ)
     * @param cancel asks the run to stop
     */
    public RunSession(String pipelineName, Path outputDirectory, Map<String, String> nodes, Runnable cancel) {
        this.pipelineName = pipelineName;
        this.outputDirectory = outputDirectory;
        nodes.forEach((id, label) -> rows.put(id, new NodeRow(id, label)));
        this.nodeCount = nodes.size();
        this.cancel = cancel;
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private NodeRow row(String nodeId) {
        return rows.computeIfAbsent(nodeId, id -> new NodeRow(id, id));
    }

    void nodeStarted(String nodeId, int index, int count) {
        NodeRow row = row(nodeId);
        row.status = "running";
        row.fraction = 0;
        currentNode = nodeId;
        currentFraction = 0;
        nodeCount = count;
        changed();
    }

    void progress(String nodeId, double fraction, String message) {
        NodeRow row = row(nodeId);
        row.fraction = Math.max(0, Math.min(1, fraction));
        if (message != null) {
            row.message = message;
        }
        if (nodeId.equals(currentNode)) {
            currentFraction = row.fraction;
        }
        changed();
    }

    void nodeFinished(NodeRunRecord record) {
        NodeRow row = row(record.nodeId());
        row.status = record.status().name().toLowerCase(java.util.Locale.ROOT);
        row.fraction = 1;
        row.durationMillis = record.durationMillis();
        row.message = record.error() != null ? record.error()
                : record.patientFailures().isEmpty() ? outputsSummary(record)
                        : record.patientFailures().size() + " patient failure(s)";
        patientFailures.addAll(record.patientFailures());
        finishedNodes++;
        currentFraction = 0;
        changed();
    }

    private static String outputsSummary(NodeRunRecord record) {
        List<String> parts = new ArrayList<>();
        record.outputs().forEach((port, object) -> parts.add(port + ": " + object.summary()));
        parts.sort(null);
        return String.join("; ", parts);
    }

    void log(String line) {
        log.add(line);
        changed();
    }

    void finished(RunResult result) {
        this.result = result;
        this.finished = true;
        patientFailures.clear();
        patientFailures.addAll(result.patientFailures());
        for (NodeRow row : rows.values()) {
            if (row.status.equals("waiting") || row.status.equals("running")) {
                row.status = result.node(row.nodeId).map(r -> r.status().name().toLowerCase(java.util.Locale.ROOT))
                        .orElse("not run");
            }
        }
        changed();
    }

    void failed(String message) {
        this.error = message;
        this.finished = true;
        changed();
    }

    /** Asks the run to stop; the engine stops at its next cancellation check. */
    public void cancel() {
        if (!finished && !cancelRequested) {
            cancelRequested = true;
            cancel.run();
            changed();
        }
    }

    public String pipelineName() {
        return pipelineName;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public List<NodeRow> rows() {
        return List.copyOf(rows.values());
    }

    public List<PatientFailure> patientFailures() {
        return List.copyOf(patientFailures);
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    /** Overall progress in 0..1: finished nodes plus the fraction of the running one. */
    public double overallFraction() {
        if (finished) {
            return 1;
        }
        return nodeCount == 0 ? 0 : Math.min(1, (finishedNodes + currentFraction) / nodeCount);
    }

    public boolean isFinished() {
        return finished;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public Optional<RunResult> result() {
        return Optional.ofNullable(result);
    }

    /** Why the run could not start or crashed (e.g. an invalid pipeline); empty otherwise. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Node currently running, if any. */
    public Optional<String> currentNode() {
        return finished ? Optional.empty() : Optional.ofNullable(currentNode);
    }
}
