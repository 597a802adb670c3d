package io.radflow.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Masks that are empty, tiny, absent or on another grid fail (or work) with messages that say why. */
class MaskMessagesTest {

    private static final ImageGeometry GRID = ImageGeometry.of(3, 2, 2, new double[] {0, 0, 0}, new double[] {1, 1, 2});

    @Test
    void emptyLabelMapSaysSo() {
        Image3D empty = new Image3D(GRID, new double[12]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mask.ofLabel(empty, 1));
        assertTrue(e.getMessage().contains("the mask is empty: no voxel has a non-zero label, so label 1 is not present"),
                e.getMessage());
    }

    @Test
    void absentLabelListsThePresentOnes() {
        double[] labels = new double[12];
        labels[3] = 2;
        labels[7] = 5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mask.ofLabel(new Image3D(GRID, labels), 1));
        assertEquals("label 1 is not present in the mask (labels present: [2, 5])", e.getMessage());
    }

    @Test
    void oneVoxelMaskSelectsThatVoxel() {
        double[] labels = new double[12];
        labels[GRID.index(2, 1, 1)] = 1;
        double[] image = new double[12];
        for (int i = 0; i < 12; i++) {
            image[i] = 10 + i;
        }
        Mask mask = Mask.ofLabel(new Image3D(GRID, labels), 1);
        assertEquals(1, mask.count());
        assertArrayEquals(new double[] {10 + GRID.index(2, 1, 1)}, mask.valuesOf(new Image3D(GRID, image)), 0.0);
    }

    @Test
    void gridMismatchBeyondToleranceSaysByHowMuch() {
        double[] labels = new double[12];
        labels[0] = 1;
        Mask mask = Mask.ofLabel(new Image3D(GRID, labels), 1);
        // within Mask.GRID_TOLERANCE (1e-4 x max(1, spacing)): accepted
        ImageGeometry close = ImageGeometry.of(3, 2, 2, new double[] {0, 0, 0.5e-4}, new double[] {1, 1, 2});
        assertEquals(1, mask.valuesOf(new Image3D(close, new double[12])).length);
        ImageGeometry shifted = ImageGeometry.of(3, 2, 2, new double[] {0, 0.25, 0}, new double[] {1, 1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mask.valuesOf(new Image3D(shifted, new double[12])));
        assertTrue(e.getMessage().startsWith("The mask grid differs from the image grid: origin"), e.getMessage());
        assertTrue(e.getMessage().contains("by up to 0.250000 mm"), e.getMessage());
        ImageGeometry wider = ImageGeometry.of(3, 2, 2, new double[3], new double[] {1, 1.01, 2});
        e = assertThrows(IllegalArgumentException.class, () -> mask.valuesOf(new Image3D(wider, new double[12])));
        assertTrue(e.getMessage().contains("spacing") && e.getMessage().contains("by up to 0.0100000 mm"), e.getMessage());
        ImageGeometry rotated = new ImageGeometry(new int[] {3, 2, 2}, new double[3], new double[] {1, 1, 2},
                new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1});
        e = assertThrows(IllegalArgumentException.class, () -> mask.valuesOf(new Image3D(rotated, new double[12])));
        assertTrue(e.getMessage().contains("direction") && e.getMessage().contains("by up to 1.00000 in a cosine"),
                e.getMessage());
    }
}
