package io.radflow.ui.properties;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.editor.SelectedNode;
import io.radflow.ui.properties.ParameterEditors.Kind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * Properties of the node selected in a pipeline editor: its label and one widget per parameter,
 * generated from the node type's {@link ParameterDescriptor}s by {@link ParameterEditors} (numbers
 * with their range, choices as combos, booleans as check boxes, lists, paths with Browse..., column
 * pickers fed by the upstream cohort or tables of the last run). Each field shows its validation
 * message in place; valid values become EMF commands on the editor's stack (an empty field resets
 * to the default). A node whose type is missing shows its stored parameters read-only.
 */
public final class NodePropertiesView extends ViewPart {

    public static final String ID = "io.radflow.ui.propertiesView";

    private ScrolledComposite scroller;
    private Composite body;
    private PipelineEditor editor;
    private String nodeId;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private Text labelField;
    private final Runnable modelListener = this::modelChanged;
    private boolean updating;

    private final ISelectionListener selectionListener = (IWorkbenchPart part, ISelection selection) -> {
        if (part instanceof PipelineEditor && selection instanceof IStructuredSelection s) {
            Object first = s.getFirstElement();
            if (first instanceof SelectedNode selected) {
                show(selected.editor(), selected.nodeId());
            } else {
                show((PipelineEditor) part, null);
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        getSite().getPage().addPostSelectionListener(selectionListener);
        getSite().getPage().addSelectionListener(selectionListener);
        if (getSite().getPage().getActiveEditor() instanceof PipelineEditor active
                && active.getSite().getSelectionProvider().getSelection() instanceof IStructuredSelection s
                && s.getFirstElement() instanceof SelectedNode selected) {
            show(active, selected.nodeId());
        } else {
            show(null, null);
        }
    }

    /** Shows the node of an editor (or a hint when {@code nodeId} is null). */
    public void show(PipelineEditor newEditor, String newNodeId) {
        if (editor != newEditor) {
            if (editor != null) {
                editor.removeModelListener(modelListener);
            }
            editor = newEditor;
            if (editor != null) {
                editor.addModelListener(modelListener);
            }
        } else if (java.util.Objects.equals(nodeId, newNodeId) && body != null && !body.isDisposed()) {
            modelChanged();
            return;
        }
        nodeId = newNodeId;
        rebuild();
    }

    private void modelChanged() {
        if (scroller == null || scroller.isDisposed()) {
            return;
        }
        Optional<Node> node = currentNode();
        if (node.isEmpty() != (nodeId == null) || fields.isEmpty() && node.isPresent()) {
            rebuild();
            return;
        }
        node.ifPresent(this::refreshValues);
    }

    private Optional<Node> currentNode() {
        return editor == null || nodeId == null ? Optional.empty() : editor.node(nodeId);
    }

    private void rebuild() {
        if (body != null) {
            body.dispose();
        }
        fields.clear();
        messages.clear();
        labelField = null;
        body = new Composite(scroller, SWT.NONE);
        body.setLayout(new GridLayout(3, false));
        Optional<Node> node = currentNode();
        if (node.isEmpty()) {
            Label hint = new Label(body, SWT.WRAP);
            hint.setText(editor == null ? "Open a pipeline and select a node to edit its parameters."
                    : "Select a node to edit its parameters.");
            hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        } else {
            build(node.get());
        }
        scroller.setContent(body);
        scroller.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        scroller.layout(true, true);
    }

    private void build(Node node) {
        Optional<NodeType> type = editor.registry().nodeType(node.getTypeId());
        Label title = new Label(body, SWT.WRAP);
        title.setText(type.map(t -> t.label() + "  (" + t.id() + " " + t.version() + ")")
                .orElse("Missing node type " + node.getTypeId()));
        title.setLayoutData(wrapping());
        if (type.isPresent() && !type.get().description().isBlank()) {
            Label description = new Label(body, SWT.WRAP);
            description.setText(type.get().description());
            description.setLayoutData(wrapping());
        }
        new Label(body, SWT.NONE).setText("Label");
        labelField = new Text(body, SWT.BORDER);
        labelField.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        labelField.setText(node.getLabel() == null ? "" : node.getLabel());
        Runnable commitLabel = () -> {
            if (!updating) {
                editor.execute(editor.commands().setLabel(nodeId, labelField.getText()));
            }
        };
        labelField.addListener(SWT.DefaultSelection, e -> commitLabel.run());
        labelField.addListener(SWT.FocusOut, e -> commitLabel.run());
        if (type.isEmpty()) {
            Label warning = new Label(body, SWT.WRAP);
            warning.setText("No installed bundle provides this node type. Its parameters are kept as stored and saved"
                    + " unchanged.");
            warning.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            warning.setLayoutData(wrapping());
            for (Parameter p : node.getParameters()) {
                new Label(body, SWT.NONE).setText(p.getKey());
                Text value = new Text(body, SWT.BORDER | SWT.READ_ONLY);
                value.setText(p.getValue() == null ? "" : p.getValue());
                value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
                fields.put(p.getKey(), value);
            }
            return;
        }
        List<String> columns = ParameterEditors.columns(upstreamObjects(node));
        for (ParameterDescriptor d : type.get().parameters()) {
            Label label = new Label(body, SWT.NONE);
            label.setText(d.label() + (d.required() ? " *" : ""));
            label.setToolTipText(d.help() + " (" + d.key() + ")");
            Control field = createField(d, columns);
            field.setToolTipText(d.help());
            fields.put(d.key(), field);
            Label message = new Label(body, SWT.WRAP);
            message.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_RED));
            GridData data = wrapping();
            data.exclude = true;
            message.setLayoutData(data);
            message.setVisible(false);
            messages.put(d.key(), message);
        }
        refreshValues(node);
    }

    /** Layout of a label that wraps across the three columns (its width hint keeps the view from growing). */
    private static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        data.widthHint = 260;
        return data;
    }

    private Control createField(ParameterDescriptor d, List<String> columns) {
        Kind kind = ParameterEditors.kindOf(d);
        GridData span2 = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        switch (kind) {
            case BOOLEAN -> {
                Button check = new Button(body, SWT.CHECK);
                check.setLayoutData(span2);
                check.addListener(SWT.Selection, e -> commit(d, Boolean.toString(check.getSelection())));
                return check;
            }
            case CHOICE -> {
                Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.setItems(d.choices().toArray(String[]::new));
                combo.setLayoutData(span2);
                combo.addListener(SWT.Selection, e -> commit(d, combo.getText()));
                return combo;
            }
            case COLUMN -> {
                Combo combo = new Combo(body, SWT.DROP_DOWN);
                combo.setItems(columns.toArray(String[]::new));
                combo.setLayoutData(span2);
                combo.addListener(SWT.Modify, e -> check(d, combo.getText()));
                combo.addListener(SWT.Selection, e -> commit(d, combo.getText()));
                combo.addListener(SWT.DefaultSelection, e -> commit(d, combo.getText()));
                combo.addListener(SWT.FocusOut, e -> commit(d, combo.getText()));
                return combo;
            }
            case PATH -> {
                Text text = text(d, new GridData(SWT.FILL, SWT.CENTER, true, false));
                Button browse = new Button(body, SWT.PUSH);
                browse.setText("Browse...");
                browse.addListener(SWT.Selection, e -> {
                    FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
                    dialog.setFilterPath(editor.file().getParent().toString());
                    String chosen = dialog.open();
                    if (chosen != null) {
                        text.setText(relativize(Path.of(chosen)));
                        commit(d, text.getText());
                    }
                });
                return text;
            }
            default -> {
                Text text = text(d, span2);
                if (kind == Kind.NUMBER) {
                    text.setMessage(ParameterEditors.rangeHint(d));
                } else if (kind == Kind.LIST) {
                    text.setMessage("comma-separated values");
                }
                return text;
            }
        }
    }

    private String relativize(Path chosen) {
        Path base = editor.file().toAbsolutePath().getParent();
        Path absolute = chosen.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    private Text text(ParameterDescriptor d, GridData layout) {
        Text text = new Text(body, SWT.BORDER);
        text.setLayoutData(layout);
        text.addListener(SWT.Modify, e -> check(d, text.getText()));
        text.addListener(SWT.DefaultSelection, e -> commit(d, text.getText()));
        text.addListener(SWT.FocusOut, e -> commit(d, text.getText()));
        return text;
    }

    /** Shows the validation message of a value (or hides it); returns whether the value is valid. */
    private boolean check(ParameterDescriptor d, String value) {
        if (updating) {
            return true;
        }
        String problem = ParameterEditors.problem(d, value, editor.file().toAbsolutePath().getParent());
        Label message = messages.get(d.key());
        if (message != null && !message.isDisposed()) {
            boolean show = problem != null;
            message.setText(show ? problem : "");
            ((GridData) message.getLayoutData()).exclude = !show;
            message.setVisible(show);
            if (scroller.getContent() == body) { // not while the body is being built
                body.layout(true, true);
                scroller.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
            }
        }
        return problem == null;
    }

    /** A valid value becomes a command ("Set key = value"); an empty text resets to the default. */
    private void commit(ParameterDescriptor d, String text) {
        if (updating || editor == null || nodeId == null || !check(d, text)) {
            return;
        }
        String value = text.isEmpty() ? null : text;
        if (value != null && value.equals(storedOrDefault(d)) && stored(d.key()) == null) {
            return; // typing the default over an unset parameter stores nothing
        }
        editor.execute(editor.commands().setParameter(nodeId, d.key(), value));
    }

    private String stored(String key) {
        return currentNode().flatMap(n -> n.getParameters().stream().filter(p -> key.equals(p.getKey())).findFirst())
                .map(Parameter::getValue).orElse(null);
    }

    private String storedOrDefault(ParameterDescriptor d) {
        String stored = stored(d.key());
        return stored != null ? stored : d.defaultValue() == null ? "" : d.defaultValue();
    }

    private void refreshValues(Node node) {
        updating = true;
        try {
            if (labelField != null && !labelField.isDisposed() && !labelField.isFocusControl()) {
                labelField.setText(node.getLabel() == null ? "" : node.getLabel());
            }
            Optional<NodeType> type = editor.registry().nodeType(node.getTypeId());
            if (type.isEmpty()) {
                return;
            }
            for (ParameterDescriptor d : type.get().parameters()) {
                Control field = fields.get(d.key());
                String value = storedOrDefault(d);
                if (field instanceof Button check) {
                    check.setSelection(Boolean.parseBoolean(value));
                } else if (field instanceof Combo combo) {
                    if (!combo.getText().equals(value)) {
                        combo.setText(value);
                    }
                } else if (field instanceof Text text && !text.getText().equals(value)) {
                    text.setText(value);
                }
            }
        } finally {
            updating = false;
        }
        type(node).ifPresent(t -> t.parameters().forEach(d -> check(d, storedOrDefault(d))));
    }

    private Optional<NodeType> type(Node node) {
        return editor.registry().nodeType(node.getTypeId());
    }

    /** Objects on the node's inputs in the editor's last run (what column pickers offer). */
    private List<PortObject> upstreamObjects(Node node) {
        List<PortObject> objects = new ArrayList<>();
        editor.lastResult().ifPresent(result -> {
            for (Connection c : editor.pipeline().getConnections()) {
                if (c.getTarget() == node && c.getSource() != null) {
                    result.node(c.getSource().getId()).map(NodeRunRecord::outputs).map(o -> o.get(c.getSourcePort()))
                            .ifPresent(objects::add);
                }
            }
        });
        return objects;
    }

    /** The editor and node shown, if any. */
    public Optional<SelectedNode> shown() {
        return editor == null || nodeId == null ? Optional.empty() : Optional.of(new SelectedNode(editor, nodeId));
    }

    /** The widget of a parameter (Text, Combo or Button), for tests. */
    public Control field(String key) {
        return fields.get(key);
    }

    /** The validation message shown under a parameter, or "" when none. */
    public String message(String key) {
        Label label = messages.get(key);
        return label == null || label.isDisposed() || !label.getVisible() ? "" : label.getText();
    }

    public Text labelField() {
        return labelField;
    }

    @Override
    public void setFocus() {
        scroller.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(selectionListener);
        getSite().getPage().removeSelectionListener(selectionListener);
        if (editor != null) {
            editor.removeModelListener(modelListener);
        }
        super.dispose();
    }
}
