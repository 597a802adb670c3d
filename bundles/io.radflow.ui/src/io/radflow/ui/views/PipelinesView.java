package io.radflow.ui.views;

import io.radflow.ui.editor.PipelineEditorInput;
import io.radflow.ui.editor.PipelineEditor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

/**
 * The pipelines of a folder: its sub-folders and {@code *.radflow} files as a tree. The folder is
 * the system property {@value #WORKSPACE_PROPERTY}, by default the working directory.
 * Double-clicking a file opens it in the pipeline editor.
 */
public final class PipelinesView extends ViewPart {

    public static final String ID = "io.radflow.ui.pipelinesView";
    public static final String WORKSPACE_PROPERTY = "radflow.workspace";
    public static final String EXTENSION = ".radflow";

    private TreeViewer viewer;
    private Path root;

    /** The folder the studio shows. */
    public static Path workspaceFolder() {
        String property = System.getProperty(WORKSPACE_PROPERTY);
        return (property == null || property.isBlank() ? Path.of("") : Path.of(property)).toAbsolutePath().normalize();
    }

    @Override
    public void createPartControl(Composite parent) {
        root = workspaceFolder();
        setContentDescription(root.toString());
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new FolderContentProvider());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Path) element).getFileName().toString();
            }

            @Override
            public Image getImage(Object element) {
                ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
                return images.getImage(Files.isDirectory((Path) element) ? ISharedImages.IMG_OBJ_FOLDER
                        : ISharedImages.IMG_OBJ_FILE);
            }
        });
        viewer.setInput(root);
        viewer.addDoubleClickListener(e -> {
            Object element = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (element instanceof Path p) {
                if (Files.isDirectory(p)) {
                    viewer.setExpandedState(p, !viewer.getExpandedState(p));
                } else {
                    open(getSite().getPage(), p);
                }
            }
        });
        getSite().setSelectionProvider(viewer);
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                viewer.refresh();
            }
        };
        refresh.setToolTipText("Read the folder again");
        getViewSite().getActionBars().getToolBarManager().add(refresh);
    }

    /** Opens a pipeline file in the pipeline editor; reports a failure in a dialog. */
    public static PipelineEditor open(IWorkbenchPage page, Path file) {
        try {
            return (PipelineEditor) page.openEditor(new PipelineEditorInput(file), PipelineEditor.ID);
        } catch (PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot open pipeline", e.getMessage());
            return null;
        }
    }

    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** Children of a folder: visible sub-folders, then pipeline files, each sorted by name. */
    static final class FolderContentProvider implements ITreeContentProvider {

        @Override
        public Object[] getElements(Object input) {
            return getChildren(input);
        }

        @Override
        public Object[] getChildren(Object parent) {
            return children((Path) parent).toArray();
        }

        @Override
        public Object getParent(Object element) {
            return ((Path) element).getParent();
        }

        @Override
        public boolean hasChildren(Object element) {
            return Files.isDirectory((Path) element) && !children((Path) element).isEmpty();
        }

        static List<Path> children(Path folder) {
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            try (Stream<Path> entries = Files.list(folder)) {
                return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(EXTENSION))
                        .sorted(Comparator.comparing((Path p) -> !Files.isDirectory(p))
                                .thenComparing(p -> p.getFileName().toString().toLowerCase()))
                        .toList();
            } catch (IOException unreadable) {
                return List.of(); // an unreadable folder shows as empty
            }
        }
    }
}
