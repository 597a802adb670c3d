package io.radflow.ui.compare;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.ui.editor.PipelineEditor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Pipeline > Create Variants...: asks for a node parameter and values of the active editor's saved
 * pipeline, writes the variants beside it ({@link VariantSweep}), opens them with the original in the
 * comparison view and runs them all.
 */
public final class VariantsHandler extends AbstractHandler {

    public static final String COMMAND_ID = "io.radflow.ui.commands.variants";

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof PipelineEditor editor) || editor.file() == null) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        if (editor.isDirty()) {
            MessageDialog.openInformation(shell, "Create variants", "Save the pipeline first: variants copy the saved file.");
            return null;
        }
        List<String> choices = new ArrayList<>();
        for (Node node : editor.pipeline().getNodes()) {
            for (Parameter p : node.getParameters()) {
                choices.add(node.getId() + "." + p.getKey() + " = " + p.getValue());
            }
        }
        SweepDialog dialog = new SweepDialog(shell, choices);
        if (dialog.open() != IDialogConstants.OK_ID) {
            return null;
        }
        return createAndCompare(editor.getSite().getPage(), editor, dialog.nodeId, dialog.key, dialog.values);
    }

    /** Writes the variants, opens the comparison (original first) and starts "Run all". */
    public static ComparisonView createAndCompare(IWorkbenchPage page, PipelineEditor editor, String nodeId, String key,
            List<String> values) {
        try {
            List<Path> files = new ArrayList<>();
            files.add(editor.file());
            files.addAll(VariantSweep.write(editor.pipeline(), editor.file(), nodeId, key, values));
            ComparisonView view = ComparisonView.open(page, files);
            if (view != null) {
                view.runAll();
            }
            return view;
        } catch (IOException | IllegalArgumentException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot create variants", e.getMessage());
            return null;
        }
    }

    /** Parameter choice ("node.key = value") and values. */
    private static final class SweepDialog extends TitleAreaDialog {
        private final List<String> choices;
        private Combo parameter;
        private Text valuesText;
        String nodeId;
        String key;
        List<String> values;

        SweepDialog(Shell shell, List<String> choices) {
            super(shell);
            this.choices = choices;
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            setTitle("Create variants");
            setMessage("One copy of the pipeline per value, e.g. bin width 16, 25, 32.");
            Composite body = new Composite(area, SWT.NONE);
            body.setLayout(new GridLayout(2, false));
            body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            new Label(body, SWT.NONE).setText("Parameter:");
            parameter = new Combo(body, SWT.READ_ONLY);
            choices.forEach(parameter::add);
            parameter.select(0);
            parameter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            new Label(body, SWT.NONE).setText("Values:");
            valuesText = new Text(body, SWT.BORDER);
            valuesText.setMessage("16, 25, 32");
            valuesText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            return area;
        }

        @Override
        protected void okPressed() {
            String choice = parameter.getText();
            int dot = choice.indexOf('.');
            int eq = choice.indexOf(" = ");
            values = VariantSweep.parseValues(valuesText.getText());
            if (dot < 0 || eq < 0 || values.isEmpty()) {
                setErrorMessage("Choose a parameter and give at least one value.");
                return;
            }
            nodeId = choice.substring(0, dot);
            key = choice.substring(dot + 1, eq);
            super.okPressed();
        }
    }
}
