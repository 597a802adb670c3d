package io.radflow.image.mask;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Label maps (segmentations that store one integer label per voxel, e.g. nnU-Net's liver = 1, tumour = 2) and
 * binary masks taken from them.
 */
public final class LabelMaps {

    private LabelMaps() {
    }

    /**
     * The non-zero labels present in {@code labelMap}, ascending.
     *
     * @throws IllegalArgumentException when a voxel holds a value that is not an integer (not a label map)
     */
    public static SortedSet<Integer> labels(Image3D labelMap) {
        SortedSet<Integer> present = new TreeSet<>();
        int n = labelMap.voxelCount();
        for (int i = 0; i < n; i++) {
            double v = labelMap.get(i);
            if (v != 0) {
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("Not a label map: voxel " + i + " holds " + v
                            + ", labels must be integers");
                }
                present.add((int) v);
            }
        }
        return present;
    }

    /**
     * The voxels whose label is one of {@code labels} (their union).
     *
     * @throws IllegalArgumentException when the label map is empty, or when none of the labels is present (the
     *                                  message lists the labels present)
     */
    public static Mask select(Image3D labelMap, int... labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("No label to select");
        }
        int n = labelMap.voxelCount();
        boolean[] inside = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double v = labelMap.get(i);
            if (v != 0) {
                for (int label : labels) {
                    if (v == label) {
                        inside[i] = true;
                        count++;
                        break;
                    }
                }
            }
        }
        if (count == 0) {
            SortedSet<Integer> present = labels(labelMap);
            if (present.isEmpty()) {
                throw new IllegalArgumentException("The mask is empty (no non-zero voxel), so label"
                        + (labels.length > 1 ? "s " : " ") + text(labels) + " cannot be selected");
            }
            throw new IllegalArgumentException("label" + (labels.length > 1 ? "s " : " ") + text(labels)
                    + (labels.length > 1 ? " are" : " is") + " not present in the mask (labels present: " + present + ")");
        }
        return new Mask(labelMap.geometry(), inside);
    }

    /** The mask as an image of 0 (outside) and {@code label} (inside). */
    public static Image3D toLabelMap(Mask mask, int label) {
        double[] v = new double[mask.geometry().voxelCount()];
        for (int i = 0; i < v.length; i++) {
            if (mask.contains(i)) {
                v[i] = label;
            }
        }
        return Image3D.wrap(mask.geometry(), v);
    }

    private static String text(int[] labels) {
        return labels.length == 1 ? Integer.toString(labels[0]) : Arrays.toString(labels);
    }
}
