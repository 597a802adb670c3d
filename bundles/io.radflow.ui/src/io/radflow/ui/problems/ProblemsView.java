package io.radflow.ui.problems;

import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.ui.editor.PipelineEditor;

import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

/**
 * The {@link io.radflow.pipeline.engine.PipelineValidator} problems of the active pipeline editor,
 * errors first, refreshed after every edit. Double-clicking a problem selects its node in the editor.
 */
public final class ProblemsView extends ViewPart {

    public static final String ID = "io.radflow.ui.problemsView";

    private TableViewer viewer;
    private PipelineEditor editor;
    private final Runnable refresh = this::refresh;

    private final IPartListener2 partListener = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            IWorkbenchPart part = ref.getPart(false);
            if (part instanceof PipelineEditor e) {
                follow(e);
            }
        }

        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == editor) {
                follow(null);
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column("Severity", 90, p -> p.severity().name().toLowerCase(), p -> parent.getDisplay()
                .getSystemImage(p.isError() ? SWT.ICON_ERROR : SWT.ICON_WARNING));
        column("Node", 120, p -> p.nodeId() == null ? "(pipeline)" : p.nodeId(), p -> null);
        column("Problem", 600, ValidationProblem::message, p -> null);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof ValidationProblem problem) {
                open(problem);
            }
        });
        getSite().getPage().addPartListener(partListener);
        follow(getSite().getPage().getActiveEditor() instanceof PipelineEditor e ? e : null);
    }

    private void column(String title, int width, java.util.function.Function<ValidationProblem, String> text,
            java.util.function.Function<ValidationProblem, Image> image) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ValidationProblem) element);
            }

            @Override
            public Image getImage(Object element) {
                return image.apply((ValidationProblem) element);
            }
        });
    }

    private void follow(PipelineEditor newEditor) {
        if (newEditor == editor) {
            refresh();
            return;
        }
        if (editor != null) {
            editor.removeModelListener(refresh);
        }
        editor = newEditor;
        if (editor != null) {
            editor.addModelListener(refresh);
        }
        refresh();
    }

    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<ValidationProblem> problems = editor == null ? List.of() : editor.problems();
        viewer.setInput(problems);
        long errors = problems.stream().filter(ValidationProblem::isError).count();
        setContentDescription(editor == null ? "No pipeline editor is active"
                : problems.isEmpty() ? editor.getPartName() + ": no problems"
                : editor.getPartName() + ": " + errors + " error(s), " + (problems.size() - errors) + " warning(s)");
    }

    /** Selects the node of a problem in its editor and activates the editor. */
    public void open(ValidationProblem problem) {
        if (editor != null && problem.nodeId() != null && editor.node(problem.nodeId()).isPresent()) {
            getSite().getPage().activate(editor);
            editor.selectNode(problem.nodeId());
        }
    }

    /** The problems shown. */
    @SuppressWarnings("unchecked")
    public List<ValidationProblem> problems() {
        Object input = viewer.getInput();
        return input == null ? List.of() : (List<ValidationProblem>) input;
    }

    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(partListener);
        if (editor != null) {
            editor.removeModelListener(refresh);
        }
        super.dispose();
    }
}
