package io.radflow.ui.run;

import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.diagram.NodeState;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.views.ResultsView;
import io.radflow.ui.views.RunView;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Starts a run of the pipeline of an editor: output folder
 * {@code <pipeline folder>/runs/<name>-<yyyyMMdd-HHmmss>} (the parent {@code runs} folder can be
 * moved with the system property {@value #RUNS_PROPERTY}), cache folder
 * {@code ${user.home}/.cache/radflow}; shows the run in the Run view and, when it ends, colours the
 * editor's nodes and shows the run's main chart in the Results view.
 */
public final class PipelineRunner {

    /** System property naming the folder that receives run folders instead of {@code <pipeline folder>/runs}. */
    public static final String RUNS_PROPERTY = "radflow.runs";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private PipelineRunner() {
    }

    /** Schedules a run of the editor's pipeline; returns the scheduled job. */
    public static PipelineRunJob start(IWorkbenchPage page, PipelineEditor editor) {
        return start(page, editor, List.of());
    }

    /**
     * Schedules a run of the given nodes of the editor's pipeline and everything upstream of them
     * (all nodes when {@code targets} is empty), reusing the editor's cached results.
     */
    public static PipelineRunJob start(IWorkbenchPage page, PipelineEditor editor, Collection<String> targets) {
        editor.runStarting(editor.currentKeys());
        Pipeline pipeline = PipelineFiles.copy(editor.pipeline());
        Path file = editor.file().toAbsolutePath();
        Path folder = file.getParent();
        String name = pipelineName(pipeline, file);
        String title = pipeline.getName() == null || pipeline.getName().isBlank() ? name : pipeline.getName();
        String runs = System.getProperty(RUNS_PROPERTY);
        Path runsRoot = runs == null || runs.isBlank() ? folder.resolve("runs") : Path.of(runs);
        Path output = runsRoot.resolve(name + "-" + LocalDateTime.now().format(STAMP));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "radflow");
        RunOptions options = new RunOptions(folder, cache, output, file);

        Map<String, String> labels = new LinkedHashMap<>();
        for (Node node : pipeline.getNodes()) {
            labels.put(node.getId(), node.getLabel() == null || node.getLabel().isBlank() ? node.getId() : node.getLabel());
        }
        PipelineRunJob[] job = new PipelineRunJob[1];
        RunSession session = new RunSession(title, output, labels, () -> job[0].cancel());
        job[0] = new PipelineRunJob("Run " + title, pipeline, editor.registry(), options, page.getWorkbenchWindow()
                .getShell().getDisplay(), session, editor.resultCache(), targets);

        Map<String, Integer> reported = new HashMap<>();
        session.addListener(() -> follow(page, editor, job[0], reported));
        RunView runView = (RunView) showView(page, RunView.ID);
        if (runView != null) {
            runView.show(session);
        }
        job[0].setUser(false);
        job[0].schedule();
        return job[0];
    }

    /** Mirrors the session into the editor (running/finished colours) and, at the end, the Results view. */
    private static void follow(IWorkbenchPage page, PipelineEditor editor, PipelineRunJob job, Map<String, Integer> seen) {
        RunSession session = job.session();
        if (editor.canvas() == null || editor.canvas().isDisposed()) {
            return;
        }
        if (session.isFinished()) {
            if (seen.putIfAbsent("<finished>", 1) != null) {
                return;
            }
            session.result().ifPresent(result -> {
                editor.setLastResult(result, job.reusedNodes());
                ResultsView results = (ResultsView) showView(page, ResultsView.ID);
                if (results != null) {
                    results.showRun(editor, result);
                }
            });
            if (session.result().isEmpty()) {
                editor.setLastResult(null);
            }
            return;
        }
        session.currentNode().ifPresent(id -> editor.setLiveState(id, NodeState.RUNNING));
        for (RunSession.NodeRow row : session.rows()) {
            NodeState state = NodeState.ofStatusName(row.status().toUpperCase(java.util.Locale.ROOT));
            if (state != NodeState.NOT_RUN && seen.put(row.nodeId(), state.ordinal()) == null) {
                editor.setLiveState(row.nodeId(), state);
            }
        }
    }

    private static IViewPart showView(IWorkbenchPage page, String id) {
        try {
            return page.showView(id, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            return null;
        }
    }

    /** The run folder's name prefix: the pipeline's name (else the file's) with unsafe characters replaced. */
    static String pipelineName(Pipeline pipeline, Path file) {
        String name = pipeline.getName();
        if (name == null || name.isBlank()) {
            name = file.getFileName().toString().replaceFirst("\\.radflow$", "");
        }
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
