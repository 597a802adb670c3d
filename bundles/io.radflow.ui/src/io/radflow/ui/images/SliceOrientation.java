package io.radflow.ui.images;

import io.radflow.image.ImageGeometry;

/**
 * The three standard planes, for an image on an LPS grid with identity direction (the usual axial CT
 * and the demo cohort): index x runs to the patient's left, y to posterior, z to superior. Slices are
 * shown in radiological convention: axial with the patient's right on the image's left and anterior at
 * the top; coronal and sagittal with superior at the top (rows run down from the highest z); sagittal
 * with anterior on the left. For other directions the same index-space planes are shown.
 */
public enum SliceOrientation {
    /** Plane of constant z: columns x, rows y. */
    AXIAL,
    /** Plane of constant y: columns x, rows z (top row = highest z). */
    CORONAL,
    /** Plane of constant x: columns y, rows z (top row = highest z). */
    SAGITTAL;

    /** Number of slices along this orientation's normal. */
    public int sliceCount(ImageGeometry g) {
        return switch (this) {
            case AXIAL -> g.sizeZ();
            case CORONAL -> g.sizeY();
            case SAGITTAL -> g.sizeX();
        };
    }

    /** Width of a slice in pixels. */
    public int width(ImageGeometry g) {
        return this == SAGITTAL ? g.sizeY() : g.sizeX();
    }

    /** Height of a slice in pixels. */
    public int height(ImageGeometry g) {
        return this == AXIAL ? g.sizeY() : g.sizeZ();
    }

    /** Physical width of one pixel in mm. */
    public double pixelWidth(ImageGeometry g) {
        return g.spacing()[this == SAGITTAL ? 1 : 0];
    }

    /** Physical height of one pixel in mm. */
    public double pixelHeight(ImageGeometry g) {
        return g.spacing()[this == AXIAL ? 1 : 2];
    }

    /** Linear voxel index of pixel (column, row) of slice {@code slice}. */
    public int voxelIndex(ImageGeometry g, int slice, int column, int row) {
        return switch (this) {
            case AXIAL -> g.index(column, row, slice);
            case CORONAL -> g.index(column, slice, g.sizeZ() - 1 - row);
            case SAGITTAL -> g.index(slice, column, g.sizeZ() - 1 - row);
        };
    }
}
