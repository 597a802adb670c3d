package io.radflow.image;

/**
 * A binary region of interest on a grid, selected from a label map. Immutable.
 */
public final class Mask {

    private final ImageGeometry geometry;
    private final boolean[] inside;
    private final int count;

    public Mask(ImageGeometry geometry, boolean[] inside) {
        if (inside.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("Mask has " + inside.length + " voxels, geometry needs " + geometry.voxelCount());
        }
        this.geometry = geometry;
        this.inside = inside.clone();
        int n = 0;
        for (boolean b : inside) {
            if (b) {
                n++;
            }
        }
        this.count = n;
    }

    /**
     * The voxels of {@code labelMap} equal to {@code label}.
     *
     * @throws IllegalArgumentException when the label map is empty (no non-zero voxel) or the label is absent
     *                                  (the message lists the labels present)
     */
    public static Mask ofLabel(Image3D labelMap, int label) {
        boolean[] inside = new boolean[labelMap.voxelCount()];
        java.util.TreeSet<Integer> present = new java.util.TreeSet<>();
        for (int i = 0; i < inside.length; i++) {
            double v = labelMap.get(i);
            inside[i] = v == label;
            if (v != 0 && present.size() < 50) {
                present.add((int) Math.round(v));
            }
        }
        Mask mask = new Mask(labelMap.geometry(), inside);
        if (mask.count == 0 && present.isEmpty()) {
            throw new IllegalArgumentException("the mask is empty: no voxel has a non-zero label, so label " + label
                    + " is not present (" + labelMap.voxelCount() + " voxels, all 0)");
        }
        if (mask.count == 0) {
            throw new IllegalArgumentException("label " + label + " is not present in the mask (labels present: " + present + ")");
        }
        return mask;
    }

    public ImageGeometry geometry() {
        return geometry;
    }

    public boolean contains(int index) {
        return inside[index];
    }

    /** Number of voxels inside. */
    public int count() {
        return count;
    }

    /** Tolerance for "same grid" of a mask and its image (see {@link ImageGeometry#mismatch}). */
    public static final double GRID_TOLERANCE = 1e-4;

    /**
     * The values of {@code image} inside this mask, in voxel order.
     *
     * @throws IllegalArgumentException when the mask lies on another grid than the image (within {@link #GRID_TOLERANCE})
     */
    public double[] valuesOf(Image3D image) {
        String mismatch = image.geometry().mismatch(geometry, GRID_TOLERANCE);
        if (mismatch != null) {
            throw new IllegalArgumentException("The mask grid differs from the image grid: " + mismatch);
        }
        double[] values = new double[count];
        int n = 0;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                values[n++] = image.get(i);
            }
        }
        return values;
    }
}
