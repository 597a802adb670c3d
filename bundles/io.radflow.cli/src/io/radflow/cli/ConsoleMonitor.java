package io.radflow.cli;

import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.RunMonitor;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints a run's progress to the console (one line per node, progress in steps of 10 %) and
 * cancels when Ctrl-C sets the flag.
 */
final class ConsoleMonitor implements RunMonitor {

    private final PrintStream out;
    private final boolean quiet;
    private final AtomicBoolean canceled = new AtomicBoolean();
    private int lastDecile = -1;
    private String prefix = "";

    ConsoleMonitor(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void cancel() {
        canceled.set(true);
    }

    @Override
    public boolean isCanceled() {
        return canceled.get();
    }

    @Override
    public void nodeStarted(String nodeId, int index, int count) {
        prefix = "[" + (index + 1) + "/" + count + "] " + nodeId;
        lastDecile = -1;
        out.println(prefix + " ...");
    }

    @Override
    public synchronized void progress(String nodeId, double fraction, String message) {
        int decile = (int) Math.floor(fraction * 10);
        if (!quiet && decile != lastDecile && decile < 10) {
            lastDecile = decile;
            out.println(prefix + " " + (decile * 10) + "% " + (message == null ? "" : message));
        }
    }

    @Override
    public void nodeFinished(NodeRunRecord record) {
        out.println("  " + record.nodeId() + ": " + record.status() + " (" + record.durationMillis() + " ms)"
                + (record.error() == null ? "" : " - " + record.error())
                + (record.patientFailures().isEmpty() ? "" : ", " + record.patientFailures().size() + " patient failure(s)"));
    }

    @Override
    public void log(String line) {
        if (!quiet) {
            out.println("  " + line);
        }
    }
}
