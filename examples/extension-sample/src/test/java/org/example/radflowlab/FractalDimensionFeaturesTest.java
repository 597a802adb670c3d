package org.example.radflowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;


import org.junit.jupiter.api.Test;

/** Box-counting dimensions of shapes whose dimension is known from geometry (Mandelbrot 1982). */
class FractalDimensionFeaturesTest {

    private final FractalDimensionFeatures family = new FractalDimensionFeatures();

    private static Roi roi(int size, Inside inside) {
        ImageGeometry g = ImageGeometry.of(size + 2, size + 2, size + 2, new double[3], new double[] {1, 1, 1});
        double[] labels = new double[g.voxelCount()];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (inside.test(x, y, z)) {
                        labels[g.index(x + 1, y + 1, z + 1)] = 1; // one voxel of background around
                    }
                }
            }
        }
        Image3D labelMap = new Image3D(g, labels);
        return Roi.of(labelMap, Mask.ofLabel(labelMap, 1));
    }

    interface Inside {
        boolean test(int x, int y, int z);
    }

    private double dimension(Roi roi, int factor) {
        return family.compute(roi, FeatureSettings.defaults().with(FractalDimensionFeatures.BOX_SIZE_FACTOR, factor))
                .get("BoxCountingDimension");
    }

    @Test
    void solidCubePlaneAndLine() {
        assertEquals(3.0, dimension(roi(32, (x, y, z) -> true), 2), 1e-12);
        assertEquals(2.0, dimension(roi(32, (x, y, z) -> z == 5), 2), 1e-12);
        assertEquals(1.0, dimension(roi(32, (x, y, z) -> y == 3 && z == 7), 2), 1e-12);
    }

    @Test
    void mengerSpongeHasDimensionLog20OverLog3() {
        Inside sponge = (x, y, z) -> {
            for (int a = x, b = y, c = z; a > 0 || b > 0 || c > 0; a /= 3, b /= 3, c /= 3) {
                int holes = (a % 3 == 1 ? 1 : 0) + (b % 3 == 1 ? 1 : 0) + (c % 3 == 1 ? 1 : 0);
                if (holes >= 2) {
                    return false;
                }
            }
            return true;
        };
        assertEquals(Math.log(20) / Math.log(3), dimension(roi(27, sponge), 3), 1e-12);
    }

    @Test
    void aSingleVoxelIsRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dimension(roi(1, (x, y, z) -> true), 2));
        assertEquals("the ROI spans 1 voxel(s): box counting needs at least two box sizes (an ROI at least 2 voxels "
                + "wide)", e.getMessage());
    }
}
