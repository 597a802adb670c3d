package io.radflow.ui.images;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

/**
 * One 2D slice of an image: {@code values[row * width + column]}, with the physical size of a pixel
 * (for the displayed aspect ratio).
 */
public record Slice(SliceOrientation orientation, int index, int width, int height, double[] values, double pixelWidth,
        double pixelHeight) {

    public Slice {
        if (values.length != width * height) {
            throw new IllegalArgumentException("slice of " + width + " x " + height + " has " + values.length + " values");
        }
        values = values.clone();
    }

    /**
     * Slice {@code index} of {@code image} in {@code orientation} (see {@link SliceOrientation} for the
     * row and column directions).
     *
     * @throws IllegalArgumentException when the index is outside the image
     */
    public static Slice of(Image3D image, SliceOrientation orientation, int index) {
        ImageGeometry g = image.geometry();
        int count = orientation.sliceCount(g);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(orientation + " slice " + index + " is outside the image (0 to "
                    + (count - 1) + ")");
        }
        int width = orientation.width(g);
        int height = orientation.height(g);
        double[] values = new double[width * height];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                values[row * width + column] = image.get(orientation.voxelIndex(g, index, column, row));
            }
        }
        return new Slice(orientation, index, width, height, values, orientation.pixelWidth(g), orientation.pixelHeight(g));
    }

    public double get(int column, int row) {
        return values[row * width + column];
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
