package io.radflow.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageGeometryTest {

    @Test
    void indexToWorldAppliesSpacingThenDirection() {
        // i axis points along -y, j along +x, k along +z (a 90 degree rotation about z)
        ImageGeometry g = new ImageGeometry(new int[] {4, 5, 6}, new double[] {10, 20, 30},
                new double[] {2, 3, 4}, new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1});
        assertArrayEquals(new double[] {10 + 3 * 2, 20 - 2 * 1, 30 + 4 * 3}, g.indexToWorld(1, 2, 3), 1e-12);
    }

    @Test
    void mismatchNamesWhatDiffers() {
        ImageGeometry a = ImageGeometry.of(4, 4, 4, new double[3], new double[] {1, 1, 1});
        ImageGeometry b = ImageGeometry.of(4, 4, 4, new double[] {0, 0, 5}, new double[] {1, 1, 1});
        assertNull(a.mismatch(a, 1e-6));
        assertNotNull(a.mismatch(b, 1e-6));
        assertThrows(IllegalArgumentException.class,
                () -> ImageGeometry.of(4, 4, 4, new double[3], new double[] {1, 0, 1}));
    }
}
