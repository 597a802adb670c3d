package io.radflow.ui.run;

import io.radflow.pipeline.engine.NodeResultCache;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.PipelineValidationException;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.pipeline.model.Pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Runs a pipeline in the background. Engine events go to the {@link RunSession} on the UI thread;
 * the job's progress monitor shows the node being run; canceling the job (or the session) makes
 * the engine stop at its next check. Results found in the editor's cache are reused, not recomputed.
 */
public final class PipelineRunJob extends Job {

    private static final int TICKS = 1000;

    private final Pipeline pipeline;
    private final NodeTypeRegistry registry;
    private final RunOptions options;
    private final Display display;
    private final RunSession session;
    private final NodeResultCache cache;
    private final Collection<String> targets;
    private final Set<String> reused = ConcurrentHashMap.newKeySet();
    private volatile RunResult result;

    /**
     * @param pipeline a copy owned by the job (the editor's model may change while it runs)
     * @param cache    results reused and filled by the run, or null
     * @param targets  run only these nodes and their upstream, or all when empty
     */
    PipelineRunJob(String name, Pipeline pipeline, NodeTypeRegistry registry, RunOptions options, Display display,
            RunSession session, NodeResultCache cache, Collection<String> targets) {
        super(name);
        this.pipeline = pipeline;
        this.registry = registry;
        this.options = options;
        this.display = display;
        this.session = session;
        this.cache = cache;
        this.targets = List.copyOf(targets);
    }

    /** Nodes whose results came from the cache instead of being computed. */
    public Set<String> reusedNodes() {
        return Set.copyOf(reused);
    }

    public RunSession session() {
        return session;
    }

    /** The engine's result once the job is done (null if it could not run). */
    public RunResult result() {
        return result;
    }

    @Override
    protected IStatus run(IProgressMonitor progress) {
        SubMonitor sub = SubMonitor.convert(progress, getName(), TICKS);
        RunMonitor monitor = new RunMonitor() {
            private int worked;
            private int index;
            private int count = 1;

            @Override
            public void nodeStarted(String nodeId, int index, int count) {
                this.index = index;
                this.count = Math.max(1, count);
                sub.subTask("Node " + (index + 1) + "/" + count + ": " + nodeId);
                advanceTo(0);
                ui(() -> session.nodeStarted(nodeId, index, count));
            }

            @Override
            public void progress(String nodeId, double fraction, String message) {
                advanceTo(fraction);
                ui(() -> session.progress(nodeId, fraction, message));
            }

            @Override
            public void nodeFinished(NodeRunRecord record) {
                advanceTo(1);
                ui(() -> session.nodeFinished(record));
            }

            @Override
            public void nodeReused(String nodeId) {
                reused.add(nodeId);
            }

            @Override
            public void log(String line) {
                ui(() -> session.log(line));
            }

            @Override
            public boolean isCanceled() {
                return progress.isCanceled();
            }

            private void advanceTo(double fraction) {
                int target = (int) Math.round(TICKS * (index + Math.max(0, Math.min(1, fraction))) / count);
                if (target > worked) {
                    sub.worked(target - worked);
                    worked = target;
                }
            }
        };
        try {
            RunResult r = new PipelineExecutor(registry).execute(pipeline, options, monitor, cache, targets);
            result = r;
            ui(() -> session.finished(r));
            return r.status() == RunStatus.CANCELED ? Status.CANCEL_STATUS : Status.OK_STATUS;
        } catch (PipelineValidationException e) {
            String problems = e.problems().stream().map(ValidationProblem::toString).collect(Collectors.joining("\n"));
            ui(() -> session.failed("The pipeline is not valid:\n" + problems));
            return Status.OK_STATUS; // shown in the Run view; no error dialog
        } catch (Exception | LinkageError e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            ui(() -> session.failed(message));
            return Status.OK_STATUS;
        } finally {
            sub.done();
        }
    }

    @Override
    protected void canceling() {
        ui(session::cancel);
    }

    private void ui(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(r);
        }
    }
}
