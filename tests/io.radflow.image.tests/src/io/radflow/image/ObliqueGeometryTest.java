package io.radflow.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Index-to-world of the corners of an oblique, anisotropic grid against values worked out by hand. */
class ObliqueGeometryTest {

    private static final double H = Math.sqrt(0.5);

    /**
     * i axis: 45 degrees between +x and +y; j axis: between -x and +y; k axis: +z. Spacing 2, 3, 4 mm; origin
     * (10, 20, 30); size 5 x 4 x 3.
     */
    private static final ImageGeometry GRID = new ImageGeometry(new int[] {5, 4, 3}, new double[] {10, 20, 30},
            new double[] {2, 3, 4}, new double[] {H, -H, 0, H, H, 0, 0, 0, 1});

    @Test
    void cornersByHand() {
        // (4,0,0): 4 * 2 mm along (H, H, 0) = (5.656854, 5.656854, 0)
        assertArrayEquals(new double[] {15.656854249, 25.656854249, 30}, GRID.indexToWorld(4, 0, 0), 1e-8);
        // (0,3,0): 3 * 3 mm along (-H, H, 0) = (-6.363961, 6.363961, 0)
        assertArrayEquals(new double[] {3.636038969, 26.363961031, 30}, GRID.indexToWorld(0, 3, 0), 1e-8);
        // (0,0,2): 2 * 4 mm along +z
        assertArrayEquals(new double[] {10, 20, 38}, GRID.indexToWorld(0, 0, 2), 1e-12);
        // (4,3,2): the sum of the three
        assertArrayEquals(new double[] {9.292893218, 32.020815280, 38}, GRID.indexToWorld(4, 3, 2), 1e-8);
        // half-voxel corner of the grid: (-0.5,-0.5,-0.5) = origin - (1*(H,H,0) + 1.5*(-H,H,0) + (0,0,2))
        assertArrayEquals(new double[] {10.353553391, 18.232233047, 28}, GRID.indexToWorld(-0.5, -0.5, -0.5), 1e-8);
    }
}
