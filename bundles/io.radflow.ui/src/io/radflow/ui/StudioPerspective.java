package io.radflow.ui;

import io.radflow.ui.problems.ProblemsView;
import io.radflow.ui.properties.NodePropertiesView;
import io.radflow.ui.views.PipelinesView;
import io.radflow.ui.views.ResultsView;
import io.radflow.ui.views.RunView;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Pipelines on the left, editors in the centre with the node Properties on their right, Results
 * (and Problems) at the bottom with Run beside it.
 */
public final class StudioPerspective implements IPerspectiveFactory {

    public static final String ID = "io.radflow.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        layout.addView(PipelinesView.ID, IPageLayout.LEFT, 0.18f, editors);
        IFolderLayout results = layout.createFolder("io.radflow.ui.folder.results", IPageLayout.BOTTOM, 0.56f, editors);
        results.addView(ResultsView.ID);
        results.addView(ProblemsView.ID);
        IFolderLayout run = layout.createFolder("io.radflow.ui.folder.run", IPageLayout.RIGHT, 0.58f,
                "io.radflow.ui.folder.results");
        run.addView(RunView.ID);
        layout.addView(NodePropertiesView.ID, IPageLayout.RIGHT, 0.74f, editors);
        layout.getViewLayout(PipelinesView.ID).setCloseable(false);
    }
}
