package io.radflow.ui.editor;

import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortTypeInfo;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.diagram.DiagramLayout;
import io.radflow.ui.diagram.NodeState;
import io.radflow.ui.diagram.PipelineDiagrams;
import io.radflow.ui.diagram.Geometry.Point;
import io.radflow.ui.diagram.PortColors;
import io.radflow.pipeline.model.PipelinePackage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;

/**
 * Shows a pipeline as boxes and arrows. Selecting a node publishes a {@link SelectedNode} to the
 * workbench; after a run the nodes are coloured by their status in that run. Dragging a node moves
 * it through an EMF {@link SetCommand} on the editor's command stack (undo, redo, dirty state).
 */
public final class PipelineEditor extends EditorPart {

    public static final String ID = "io.radflow.ui.pipelineEditor";

    private final SimpleSelectionProvider selectionProvider = new SimpleSelectionProvider();
    private Path file;
    private Pipeline pipeline;
    private NodeTypeRegistry registry;
    private RunResult lastResult;
    private Map<String, NodeState> liveStates = new HashMap<>();
    private ScrolledComposite scroller;
    private PipelineCanvas canvas;
    private final BasicCommandStack commandStack = new BasicCommandStack();
    private final AdapterFactoryEditingDomain editingDomain = new AdapterFactoryEditingDomain(
            new ComposedAdapterFactory(new ReflectiveItemProviderAdapterFactory()), commandStack);
    private final UndoRedoAction undo = new UndoRedoAction(true);
    private final UndoRedoAction redo = new UndoRedoAction(false);

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        Path path = input instanceof PipelineEditorInput p ? p.file() : input.getAdapter(Path.class);
        if (path == null) {
            throw new PartInitException("The pipeline editor opens .radflow files only, not " + input.getName());
        }
        try {
            pipeline = PipelineFiles.load(path);
        } catch (IOException | RuntimeException e) {
            throw new PartInitException("Cannot open pipeline " + path + ": " + e.getMessage(), e);
        }
        file = path;
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(path.toString());
        site.setSelectionProvider(selectionProvider);
        commandStack.addCommandStackListener(event -> {
            Display display = site.getShell().getDisplay();
            display.asyncExec(() -> {
                if (canvas != null && !canvas.isDisposed()) {
                    refreshDiagram();
                }
                undo.update();
                redo.update();
                firePropertyChange(PROP_DIRTY);
            });
        });
        site.getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        site.getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
    }

    /** Undo or redo on the editor's command stack, labelled with the command's name. */
    private final class UndoRedoAction extends Action {
        private final boolean isUndo;

        UndoRedoAction(boolean isUndo) {
            this.isUndo = isUndo;
            update();
        }

        void update() {
            Command next = isUndo ? commandStack.getUndoCommand() : commandStack.getRedoCommand();
            setEnabled(isUndo ? commandStack.canUndo() : commandStack.canRedo());
            String verb = isUndo ? "&Undo" : "&Redo";
            setText(next == null || next.getLabel() == null ? verb : verb + " " + next.getLabel());
        }

        @Override
        public void run() {
            if (isUndo) {
                commandStack.undo();
            } else {
                commandStack.redo();
            }
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        registry = NodeTypeRegistry.fromPlatform();
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        canvas = new PipelineCanvas(scroller);
        scroller.setContent(canvas);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        canvas.setMoveListener(this::moveNodes);
        canvas.setSelectionListener(id -> selectionProvider
                .setSelection(id == null ? StructuredSelection.EMPTY : new StructuredSelection(new SelectedNode(this, id))));
        refreshDiagram();
    }

    private void refreshDiagram() {
        DiagramLayout layout = new DiagramLayout(PipelineDiagrams.of(pipeline, registry::nodeType));
        canvas.setDiagram(layout, new PortColors(id -> registry.portType(id).map(PortTypeInfo::color)));
        Point extent = layout.extent();
        scroller.setMinSize((int) Math.ceil(extent.x() * PipelineCanvas.MIN_SCALE),
                (int) Math.ceil(extent.y() * PipelineCanvas.MIN_SCALE));
        refreshStates();
    }

    private void refreshStates() {
        Map<String, NodeState> states = new HashMap<>();
        Map<String, String> captions = new HashMap<>();
        if (lastResult != null) {
            for (NodeRunRecord record : lastResult.nodes()) {
                states.put(record.nodeId(), NodeState.ofStatusName(record.status().name()));
                captions.put(record.nodeId(), caption(record));
            }
        }
        states.putAll(liveStates);
        canvas.setStates(states, captions);
    }

    private static String caption(NodeRunRecord record) {
        String time = String.format(Locale.ROOT, "%.1f s", record.durationMillis() / 1000.0);
        int failures = record.patientFailures().size();
        return switch (record.status()) {
            case SUCCEEDED -> failures == 0 ? time : time + ", " + failures + " patient failure" + (failures == 1 ? "" : "s");
            case FAILED -> "failed after " + time;
            default -> record.status().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Moves nodes to new top-left corners through one undoable command ("Move <node>"): only the
     * nodes whose stored position differs are changed.
     */
    public void moveNodes(String nodeId, Map<String, Point> positions) {
        CompoundCommand move = new CompoundCommand("Move " + node(nodeId).map(n -> n.getLabel() == null ? n.getId()
                : n.getLabel()).orElse(nodeId));
        for (Node node : pipeline.getNodes()) {
            Point p = positions.get(node.getId());
            if (p == null) {
                continue;
            }
            if (node.getX() != p.x()) {
                move.append(SetCommand.create(editingDomain, node, PipelinePackage.Literals.NODE__X, p.x()));
            }
            if (node.getY() != p.y()) {
                move.append(SetCommand.create(editingDomain, node, PipelinePackage.Literals.NODE__Y, p.y()));
            }
        }
        if (!move.isEmpty() && move.canExecute()) {
            commandStack.execute(move);
        }
    }

    /** The command stack every edit goes through (dirty state, undo, redo). */
    public BasicCommandStack commandStack() {
        return commandStack;
    }

    /** The pipeline being shown (the editor's model). */
    public Pipeline pipeline() {
        return pipeline;
    }

    public Path file() {
        return file;
    }

    public NodeTypeRegistry registry() {
        return registry;
    }

    public PipelineCanvas canvas() {
        return canvas;
    }

    public Optional<Node> node(String id) {
        return pipeline.getNodes().stream().filter(n -> id.equals(n.getId())).findFirst();
    }

    public Optional<RunResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /** Shows a node as running (or clears it with {@code null}) while a run is in progress. */
    public void setLiveState(String nodeId, NodeState state) {
        if (state == null) {
            liveStates.remove(nodeId);
        } else {
            liveStates.put(nodeId, state);
        }
        if (canvas != null && !canvas.isDisposed()) {
            refreshStates();
        }
    }

    /** Records the outcome of a run and recolours the nodes; re-publishes the selection. */
    public void setLastResult(RunResult result) {
        lastResult = result;
        liveStates.clear();
        if (canvas != null && !canvas.isDisposed()) {
            refreshStates();
            String selected = canvas.selectedNode();
            if (selected != null) {
                canvas.select(selected);
            }
        }
    }

    /** Selects a node in the diagram, as a click would. */
    public void selectNode(String nodeId) {
        canvas.select(nodeId);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        saveTo(file);
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.radflow" });
        dialog.setFilterPath(file.getParent().toString());
        dialog.setFileName(file.getFileName().toString());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            Path target = Path.of(chosen);
            if (saveTo(target)) {
                file = target;
                setInputWithNotify(new PipelineEditorInput(target));
                setPartName(target.getFileName().toString());
            }
        }
    }

    private boolean saveTo(Path target) {
        try {
            PipelineFiles.save(pipeline, target);
            commandStack.saveIsDone();
            firePropertyChange(PROP_DIRTY);
            return true;
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(getSite().getShell(), "Save failed", "Cannot save " + target + ":\n" + e.getMessage());
            return false;
        }
    }

    @Override
    public boolean isDirty() {
        return commandStack.isSaveNeeded();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }
}
