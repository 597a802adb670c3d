package io.radflow.ui.images;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the image viewer shows: one or more images on the same grid side by side (e.g. a filter's input
 * and output) and an optional label map overlaid on each.
 *
 * @param labels label map on the images' grid, or null
 */
public record ViewerInput(String title, List<Panel> panels, Image3D labels) {

    /**
     * One image of the viewer.
     *
     * @param fixedWindow the window of this panel, or null to follow the viewer's preset (a filtered image
     *                    with another value range keeps its own)
     */
    public record Panel(String caption, Image3D image, WindowLevel fixedWindow) {
    }

    public ViewerInput {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("the image viewer needs at least one image");
        }
        Image3D first = panels.get(0).image();
        for (Panel panel : panels) {
            String mismatch = first.geometry().mismatch(panel.image().geometry(), Mask.GRID_TOLERANCE);
            if (mismatch != null) {
                throw new IllegalArgumentException("image '" + panel.caption() + "' lies on another grid than '"
                        + panels.get(0).caption() + "': " + mismatch);
            }
        }
        if (labels != null) {
            String mismatch = first.geometry().mismatch(labels.geometry(), Mask.GRID_TOLERANCE);
            if (mismatch != null) {
                throw new IllegalArgumentException("the mask of '" + title + "' lies on another grid than the image: "
                        + mismatch);
            }
        }
    }

    /** Reads an image and, if given, its mask (any format of {@link ImageFiles}). */
    public static ViewerInput fromFiles(String title, Path image, Path mask) throws IOException {
        Image3D img = ImageFiles.read(image);
        Image3D labels = mask == null ? null : ImageFiles.read(mask);
        return new ViewerInput(title, List.of(new Panel(image.getFileName().toString(), img, null)), labels);
    }

    /** A filter's input and output side by side (the output in its own full-range window). */
    public static ViewerInput filterPreview(String title, Image3D input, Image3D filtered, Image3D labels) {
        return new ViewerInput(title, List.of(new Panel("Input", input, null),
                new Panel("Filtered", filtered, WindowLevel.fullRange(filtered.voxels()))), labels);
    }

    /**
     * The slice to start with: the one holding the most voxels of the highest label present (e.g. the
     * tumour rather than the liver), else the middle slice.
     */
    public int startSlice(SliceOrientation orientation) {
        Image3D image = panels.get(0).image();
        int count = orientation.sliceCount(image.geometry());
        if (labels == null) {
            return count / 2;
        }
        int highest = 0;
        for (int i = 0; i < labels.voxelCount(); i++) {
            highest = Math.max(highest, (int) Math.round(labels.get(i)));
        }
        if (highest == 0) {
            return count / 2;
        }
        int best = count / 2;
        int bestCount = 0;
        for (int s = 0; s < count; s++) {
            double[] values = Slice.of(labels, orientation, s).values();
            int n = 0;
            for (double v : values) {
                n += Math.round(v) == highest ? 1 : 0;
            }
            if (n > bestCount) {
                bestCount = n;
                best = s;
            }
        }
        return best;
    }
}
