package io.radflow.ui.images;

import io.radflow.image.Image3D;

import org.eclipse.ui.IWorkbenchPage;

/**
 * The filtered-image preview hook: shows a filter's output next to its input (same slice, orientation and
 * overlay; the output in its own full-range window). A filter node's UI contribution (e.g. a "Preview"
 * button of the properties view) calls {@link #show} with one patient's input, filtered image and mask;
 * the computation stays in the node, this class only displays.
 */
public final class FilterPreview {

    private FilterPreview() {
    }

    /**
     * Opens a viewer with {@code input} and {@code filtered} side by side.
     *
     * @param mask label map to overlay on both, or null
     * @return the viewer, or null when it could not open (an error dialog says why, e.g. grids that differ)
     */
    public static ImageViewerView show(IWorkbenchPage page, String title, Image3D input, Image3D filtered, Image3D mask) {
        return ImageViewerView.open(page, ViewerInput.filterPreview(title, input, filtered, mask));
    }
}
