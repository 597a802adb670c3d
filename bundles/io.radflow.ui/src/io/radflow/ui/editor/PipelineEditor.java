package io.radflow.ui.editor;

import io.radflow.pipeline.engine.NodeCacheKeys;
import io.radflow.pipeline.engine.NodeResultCache;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeStatus;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineValidator;
import io.radflow.pipeline.engine.PortTypeInfo;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.diagram.Alignment;
import io.radflow.ui.diagram.DiagramLayout;
import io.radflow.ui.diagram.DiagramLayout.PortHit;
import io.radflow.ui.diagram.DiagramModel.EdgeSpec;
import io.radflow.ui.diagram.Geometry.Box;
import io.radflow.ui.diagram.Geometry.Point;
import io.radflow.ui.diagram.NodeState;
import io.radflow.ui.diagram.PipelineDiagrams;
import io.radflow.ui.diagram.PortColors;
import io.radflow.ui.diagram.Viewport;
import io.radflow.ui.palette.PaletteComposite;
import io.radflow.ui.palette.PaletteModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;

/**
 * The visual pipeline editor: a node palette beside a {@link PipelineCanvas}. Every edit (drop from
 * the palette, connect, delete, move, align, auto-layout, paste, parameter changes from the
 * Properties view) is an EMF command built by {@link PipelineCommands} and executed on the editor's
 * command stack: undo, redo and the dirty state follow. Saving is atomic; a file changed on disk is
 * reloaded (after asking when there are unsaved edits). A file that cannot be read opens as an error
 * message and is never written. Runs reuse the editor's {@link NodeResultCache}, and a node edited
 * after a run (or downstream of an edit) is shown as stale.
 */
public final class PipelineEditor extends EditorPart {

    public static final String ID = "io.radflow.ui.pipelineEditor";

    /** How often the file on disk is compared with what the editor loaded or saved. */
    static final int FILE_CHECK_MILLIS = 2000;

    private final SimpleSelectionProvider selectionProvider = new SimpleSelectionProvider();
    private final List<Runnable> modelListeners = new CopyOnWriteArrayList<>();
    private final NodeResultCache resultCache = new NodeResultCache(512);
    private Path file;
    private Pipeline pipeline;
    private String loadError;
    private FileStamp stamp;
    private NodeTypeRegistry registry;
    private PipelineCommands commands;
    private RunResult lastResult;
    private Map<String, String> keysOfLastRun = Map.of();
    private Set<String> reusedInLastRun = Set.of();
    private final Map<String, NodeState> liveStates = new HashMap<>();
    private PaletteComposite palette;
    private PipelineCanvas canvas;
    private Text errorText;
    private Clipboard clipboard;
    private final BasicCommandStack commandStack = new BasicCommandStack();
    private final AdapterFactoryEditingDomain editingDomain = new AdapterFactoryEditingDomain(
            new ComposedAdapterFactory(new ReflectiveItemProviderAdapterFactory()), commandStack);
    private final UndoRedoAction undo = new UndoRedoAction(true);
    private final UndoRedoAction redo = new UndoRedoAction(false);
    private final Map<String, IAction> actions = new LinkedHashMap<>();
    /** Asked before a dirty editor reloads a file changed on disk; tests replace the dialog. */
    private Predicate<Path> reloadQuestion = path -> MessageDialog.openQuestion(getSite().getShell(), "File changed",
            path + " was changed on disk.\nReload it and discard your unsaved changes?");

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        Path path = input instanceof PipelineEditorInput p ? p.file() : input.getAdapter(Path.class);
        if (path == null) {
            throw new PartInitException("The pipeline editor opens .radflow files only, not " + input.getName());
        }
        file = path;
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(path.toString());
        registry = NodeTypeRegistry.fromPlatform();
        load();
        site.setSelectionProvider(selectionProvider);
        commandStack.addCommandStackListener(event -> {
            Display display = site.getShell().getDisplay();
            display.asyncExec(this::modelChanged);
        });
        site.getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        site.getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        createActions();
        for (ActionFactory factory : List.of(ActionFactory.DELETE, ActionFactory.COPY, ActionFactory.CUT,
                ActionFactory.PASTE, ActionFactory.SELECT_ALL)) {
            site.getActionBars().setGlobalActionHandler(factory.getId(), actions.get(factory.getId()));
        }
    }

    /** Reads the file; a malformed file leaves {@link #loadError} set and no pipeline. */
    private void load() {
        try {
            stamp = FileStamp.of(file);
            pipeline = PipelineFiles.load(file);
            loadError = null;
        } catch (IOException | RuntimeException e) {
            pipeline = null;
            loadError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        commands = pipeline == null ? null : new PipelineCommands(editingDomain, pipeline, registry);
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

    private void createActions() {
        action(ActionFactory.DELETE.getId(), "&Delete", this::deleteSelection);
        action(ActionFactory.COPY.getId(), "&Copy", this::copySelection);
        action(ActionFactory.CUT.getId(), "Cu&t", () -> {
            copySelection();
            deleteSelection();
        });
        action(ActionFactory.PASTE.getId(), "&Paste", this::paste);
        action(ActionFactory.SELECT_ALL.getId(), "Select &All",
                () -> canvas.select(pipeline.getNodes().stream().map(Node::getId).toList()));
        action("autoLayout", "Auto-&Layout", this::autoLayout);
        action("fit", "&Fit to Window", () -> canvas.fitToWindow());
        action("zoomIn", "Zoom &In", () -> canvas.zoom(Viewport.STEP));
        action("zoomOut", "Zoom &Out", () -> canvas.zoom(1 / Viewport.STEP));
        for (Alignment alignment : Alignment.values()) {
            String name = alignment.name().charAt(0) + alignment.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            action("align." + alignment.name(), name, () -> align(alignment));
        }
    }

    private void action(String id, String text, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                if (pipeline != null && canvas != null) {
                    run.run();
                }
            }
        };
        action.setId(id);
        actions.put(id, action);
    }

    /** An editor action by id: the global ids of Delete, Copy, Cut, Paste, Select All, and "autoLayout", "fit", "zoomIn", "zoomOut", "align.LEFT", ... */
    public IAction action(String id) {
        return actions.get(id);
    }

    @Override
    public void createPartControl(Composite parent) {
        if (pipeline == null) {
            createErrorControl(parent);
            return;
        }
        clipboard = new Clipboard(parent.getDisplay());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        palette = new PaletteComposite(sash, new PaletteModel(registry));
        canvas = new PipelineCanvas(sash);
        sash.setWeights(24, 76);
        palette.setDropListener((type, displayPoint) -> {
            org.eclipse.swt.graphics.Point at = canvas.toControl(displayPoint);
            if (canvas.getClientArea().contains(at)) {
                dropNode(type, at.x, at.y);
            }
        });
        palette.setOpenListener(type -> {
            org.eclipse.swt.graphics.Rectangle area = canvas.getClientArea();
            dropNode(type, area.width / 2, area.height / 2);
        });
        canvas.setHost(new CanvasHost());
        canvas.addListener(SWT.KeyDown, e -> {
            if (e.character == '+' || e.character == '=') {
                canvas.zoom(Viewport.STEP);
            } else if (e.character == '-') {
                canvas.zoom(1 / Viewport.STEP);
            } else if (e.character == '0') {
                canvas.fitToWindow();
            }
        });
        MenuManager menu = new MenuManager();
        menu.add(undo);
        menu.add(redo);
        menu.add(new Separator());
        for (String id : List.of("cut", "copy", "paste", "delete", "selectAll")) {
            menu.add(actions.get(id));
        }
        menu.add(new Separator());
        MenuManager align = new MenuManager("&Align");
        for (Alignment a : Alignment.values()) {
            align.add(actions.get("align." + a.name()));
        }
        menu.add(align);
        menu.add(actions.get("autoLayout"));
        menu.add(new Separator());
        menu.add(actions.get("zoomIn"));
        menu.add(actions.get("zoomOut"));
        menu.add(actions.get("fit"));
        canvas.setMenu(menu.createContextMenu(canvas));
        refreshDiagram();
        scheduleFileCheck(parent.getDisplay());
    }

    private void createErrorControl(Composite parent) {
        Composite panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(2, false));
        Label icon = new Label(panel, SWT.NONE);
        icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_ERROR));
        icon.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        errorText = new Text(panel, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
        errorText.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        errorText.setText(errorMessage());
    }

    /** The text shown instead of the diagram when the file cannot be read. */
    String errorMessage() {
        return "This pipeline cannot be opened.\n\n" + loadError + "\n\nThe file " + file
                + " is left exactly as it is and this editor will not write it. Fix it in a text editor (or restore"
                + " a backup) and open it again.";
    }

    /** Why the file could not be read, when the editor shows an error instead of a diagram. */
    public Optional<String> loadError() {
        return Optional.ofNullable(loadError);
    }

    /** The error text control shown for an unreadable file, or null. */
    public Text errorControl() {
        return errorText;
    }

    /** Asks the canvas for its requests and turns them into commands. */
    private final class CanvasHost implements PipelineCanvas.Host {
        @Override
        public void selectionChanged(List<String> nodeIds) {
            List<SelectedNode> selected = nodeIds.stream().map(id -> new SelectedNode(PipelineEditor.this, id)).toList();
            selectionProvider.setSelection(selected.isEmpty() ? StructuredSelection.EMPTY : new StructuredSelection(selected));
        }

        @Override
        public void nodesMoved(Map<String, Point> positions) {
            String label = positions.size() == 1
                    ? "Move " + commands.node(positions.keySet().iterator().next()).map(PipelineEditor::label).orElse("")
                    : "Move " + positions.size() + " nodes";
            execute(commands.setPositions(positions, label));
        }

        @Override
        public Optional<String> connectionRefusal(PortHit output, PortHit input) {
            return commands.checkConnection(output.nodeId(), output.portName(), input.nodeId(), input.portName()).refusal();
        }

        @Override
        public void connect(PortHit output, PortHit input) {
            execute(commands.connect(output.nodeId(), output.portName(), input.nodeId(), input.portName()));
        }
    }

    private static String label(Node n) {
        return n.getLabel() == null || n.getLabel().isBlank() ? n.getId() : n.getLabel();
    }

    /** Executes a command on the stack when it can run; returns whether it ran. */
    public boolean execute(Command command) {
        if (command == null || !command.canExecute()) {
            return false;
        }
        commandStack.execute(command);
        return true;
    }

    /**
     * Creates a node of {@code type} centred at control point (x, y) of the canvas ("Add ...") and
     * selects it; returns its id.
     */
    public String dropNode(NodeType type, int controlX, int controlY) {
        Point d = canvas.toDiagram(controlX, controlY);
        Node node = commands.newNode(type, d.x() - DiagramLayout.NODE_WIDTH / 2, d.y() - DiagramLayout.MIN_HEIGHT / 2);
        if (!execute(commands.addNode(node, type.label()))) {
            return null;
        }
        modelChanged();
        canvas.select(node.getId());
        canvas.setHint("Added " + label(node) + ": drag from an output port to an input port to connect it", false);
        return node.getId();
    }

    private void deleteSelection() {
        List<Connection> wires = new ArrayList<>();
        canvas.selectedEdge().flatMap(this::connectionOf).ifPresent(wires::add);
        execute(commands.delete(canvas.selectedNodes(), wires));
    }

    private Optional<Connection> connectionOf(EdgeSpec edge) {
        return commands.connection(edge.sourceNode(), edge.sourcePort(), edge.targetNode(), edge.targetPort());
    }

    /** Copies the selected nodes (and the wires between them) to the system clipboard as pipeline text. */
    public void copySelection() {
        List<String> selected = canvas.selectedNodes();
        if (selected.isEmpty()) {
            return;
        }
        clipboard.setContents(new Object[] { NodeClipboard.serialize(pipeline, selected) },
                new Transfer[] { TextTransfer.getInstance() });
    }

    /** Pastes nodes from the system clipboard, 30 pixels right and below the copied ones, and selects them. */
    public void paste() {
        Object text = clipboard.getContents(TextTransfer.getInstance());
        Optional<Pipeline> fragment = NodeClipboard.parse(text instanceof String s ? s : null);
        if (fragment.isEmpty()) {
            canvas.setHint("The clipboard holds no pipeline nodes", true);
            return;
        }
        Map.Entry<Command, List<String>> paste = commands.paste(fragment.get(), 30, 30);
        if (execute(paste.getKey())) {
            modelChanged();
            canvas.select(paste.getValue());
        }
    }

    /** Aligns the selected nodes ("Align left"...). */
    public void align(Alignment alignment) {
        Map<String, Box> boxes = new LinkedHashMap<>();
        canvas.selectedNodes().forEach(id -> boxes.put(id, canvas.diagramLayout().bounds(id)));
        String name = alignment.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        execute(commands.setPositions(alignment.apply(boxes), "Align " + name));
    }

    /** Lays the whole pipeline out in layers from left to right (one undoable command) and fits it to the window. */
    public void autoLayout() {
        execute(commands.setPositions(DiagramLayout.layered(canvas.diagramLayout().model()), "Auto-layout"));
        modelChanged();
        canvas.fitToWindow();
    }

    /** Everything that follows a change of the model: diagram, states, actions, dirty flag, listeners. */
    private void modelChanged() {
        if (canvas != null && !canvas.isDisposed()) {
            refreshDiagram();
        }
        undo.update();
        redo.update();
        firePropertyChange(PROP_DIRTY);
        modelListeners.forEach(Runnable::run);
    }

    private void refreshDiagram() {
        DiagramLayout layout = new DiagramLayout(PipelineDiagrams.of(pipeline, registry::nodeType));
        canvas.setDiagram(layout, new PortColors(id -> registry.portType(id).map(PortTypeInfo::color)));
        refreshStates();
    }

    /** Node states: missing type, live run state, else last run's state, stale when its cache key changed since. */
    private void refreshStates() {
        Map<String, NodeState> states = new HashMap<>();
        Map<String, String> captions = new HashMap<>();
        Map<String, String> keysNow = lastResult == null ? Map.of() : currentKeys();
        if (lastResult != null) {
            for (NodeRunRecord record : lastResult.nodes()) {
                NodeState state = NodeState.ofStatusName(record.status().name());
                String runKey = keysOfLastRun.get(record.nodeId());
                if (record.status() == NodeStatus.SUCCEEDED && (runKey == null || !runKey.equals(keysNow.get(record.nodeId())))) {
                    states.put(record.nodeId(), NodeState.STALE);
                    captions.put(record.nodeId(), "stale: edited since the run");
                } else {
                    states.put(record.nodeId(), state);
                    captions.put(record.nodeId(), reusedInLastRun.contains(record.nodeId()) ? "cached" : caption(record));
                }
            }
        }
        states.putAll(liveStates);
        for (Node node : pipeline.getNodes()) {
            if (registry.nodeType(node.getTypeId()).isEmpty()) {
                states.put(node.getId(), NodeState.MISSING);
            }
        }
        canvas.setStates(states, captions);
    }

    /** The cache keys of the nodes as they are now (what a run would look up). */
    public Map<String, String> currentKeys() {
        return NodeCacheKeys.compute(pipeline, registry, file.toAbsolutePath().getParent());
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

    /** Validator problems of the pipeline as it is now (empty for an unreadable file). */
    public List<ValidationProblem> problems() {
        return pipeline == null ? List.of() : new PipelineValidator(registry).validate(pipeline);
    }

    /** Told (on the UI thread) after every change of the model, its run state or its file. */
    public void addModelListener(Runnable listener) {
        modelListeners.add(listener);
    }

    public void removeModelListener(Runnable listener) {
        modelListeners.remove(listener);
    }

    /** The command stack every edit goes through (dirty state, undo, redo). */
    public BasicCommandStack commandStack() {
        return commandStack;
    }

    /** Builds the commands of edits on this editor's pipeline. */
    public PipelineCommands commands() {
        return commands;
    }

    /** The pipeline being shown (the editor's model); null when the file could not be read. */
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

    public PaletteComposite palette() {
        return palette;
    }

    /** Results of this editor's runs by content key: reused by the next run. */
    public NodeResultCache resultCache() {
        return resultCache;
    }

    public Optional<Node> node(String id) {
        return pipeline == null ? Optional.empty() : pipeline.getNodes().stream().filter(n -> id.equals(n.getId())).findFirst();
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

    /**
     * Records the keys a run is about to compute, so that the editor can later tell which nodes
     * were edited since (stale).
     */
    public void runStarting(Map<String, String> keys) {
        keysOfLastRun = Map.copyOf(keys);
    }

    /** Records the outcome of a run and recolours the nodes; re-publishes the selection. */
    public void setLastResult(RunResult result) {
        setLastResult(result, Set.of());
    }

    /** Records the outcome of a run, with the nodes whose results came from the cache. */
    public void setLastResult(RunResult result, Set<String> reused) {
        lastResult = result;
        reusedInLastRun = Set.copyOf(reused);
        liveStates.clear();
        if (canvas != null && !canvas.isDisposed()) {
            refreshStates();
            List<String> selected = canvas.selectedNodes();
            if (!selected.isEmpty()) {
                canvas.select(selected);
            }
        }
        modelListeners.forEach(Runnable::run);
    }

    /** Selects a node in the diagram, as a click would. */
    public void selectNode(String nodeId) {
        canvas.select(nodeId);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (pipeline != null) {
            saveTo(file);
        }
    }

    @Override
    public void doSaveAs() {
        if (pipeline == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.radflow", "*.yaml" });
        dialog.setFilterPath(file.getParent().toString());
        dialog.setFileName(file.getFileName().toString());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            saveAs(Path.of(chosen));
        }
    }

    /** Saves to another file, which the editor then edits; returns whether it worked. */
    public boolean saveAs(Path target) {
        if (pipeline == null || !saveTo(target)) {
            return false;
        }
        file = target.toAbsolutePath().normalize();
        setInputWithNotify(new PipelineEditorInput(file));
        setPartName(file.getFileName().toString());
        setTitleToolTip(file.toString());
        return true;
    }

    private boolean saveTo(Path target) {
        try {
            PipelineFiles.save(pipeline, target);
            stamp = FileStamp.of(target); // saveAs switches to the target
            commandStack.saveIsDone();
            firePropertyChange(PROP_DIRTY);
            return true;
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(getSite().getShell(), "Save failed", "Cannot save " + target + ":\n" + e.getMessage());
            return false;
        }
    }

    private void scheduleFileCheck(Display display) {
        display.timerExec(FILE_CHECK_MILLIS, () -> {
            if (canvas != null && !canvas.isDisposed()) {
                checkFileChanged();
                scheduleFileCheck(display);
            }
        });
    }

    /** Replaces the question asked before a dirty editor reloads (tests answer it themselves). */
    public void setReloadQuestion(Predicate<Path> question) {
        this.reloadQuestion = question;
    }

    /**
     * Compares the file on disk with what was loaded or saved; when another program changed it,
     * reloads (asking first when there are unsaved edits). Returns whether the editor reloaded.
     */
    public boolean checkFileChanged() {
        if (pipeline == null) {
            return false;
        }
        try {
            if (!stamp.contentChanged(file)) {
                return false;
            }
            FileStamp now = FileStamp.of(file);
            if (isDirty() && !reloadQuestion.test(file)) {
                stamp = now; // keep the user's version; ask again only after the next change
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        Pipeline before = pipeline;
        load();
        if (pipeline == null) { // the new content is broken: keep editing what we have
            pipeline = before;
            commands = new PipelineCommands(editingDomain, pipeline, registry);
            canvas.setHint("The file on disk cannot be read (" + loadError + "); keeping the pipeline as shown", true);
            loadError = null;
            return false;
        }
        commandStack.flush();
        lastResult = null;
        modelChanged();
        canvas.setHint("Reloaded " + file.getFileName() + " (changed on disk)", false);
        return true;
    }

    @Override
    public boolean isDirty() {
        return pipeline != null && commandStack.isSaveNeeded();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return pipeline != null;
    }

    @Override
    public void setFocus() {
        if (canvas != null) {
            canvas.setFocus();
        } else if (errorText != null) {
            errorText.setFocus();
        }
    }

    @Override
    public void dispose() {
        if (clipboard != null) {
            clipboard.dispose();
        }
        super.dispose();
    }
}
