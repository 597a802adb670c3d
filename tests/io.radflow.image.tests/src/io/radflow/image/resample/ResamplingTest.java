package io.radflow.image.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.mask.BoundingBox;

import org.junit.jupiter.api.Test;

/** Target grids, the grid resampler and rounding, against hand-computed values. */
class ResamplingTest {

    private final Resampler resampler = new GridResampler();

    /** IBSI-1's example (UMPJ/3WE3): a 4x4 grid of 3 mm to 2 mm gives 6x6, centred. */
    @Test
    void alignCentersFollowsTheIbsiExample() {
        ImageGeometry grid = ImageGeometry.of(4, 4, 1, new double[] {10, 20, 30}, new double[] {3, 3, 5});
        ImageGeometry target = ResamplingGrid.alignCenters(grid, new double[] {2, 2, 0});
        assertArrayEquals(new int[] {6, 6, 1}, target.size());
        assertArrayEquals(new double[] {2, 2, 5}, target.spacing(), 0.0);
        // x_b = x_a + (s_a (n_a - 1) - s_b (n_b - 1)) / 2 = 10 + (9 - 10) / 2
        assertArrayEquals(new double[] {9.5, 19.5, 30}, target.origin(), 1e-12);
    }

    @Test
    void alignCentersKeepsTheCentreOnARotatedGrid() {
        double[] direction = {0, -1, 0, 1, 0, 0, 0, 0, 1};
        ImageGeometry grid = new ImageGeometry(new int[] {7, 5, 3}, new double[] {1, 2, 3}, new double[] {0.8, 1.1, 3},
                direction);
        ImageGeometry target = ResamplingGrid.alignCenters(grid, new double[] {1, 1, 1});
        assertArrayEquals(new int[] {6, 6, 9}, target.size());
        double[] c1 = grid.indexToWorld(3, 2, 1);
        double[] c2 = target.indexToWorld(2.5, 2.5, 4);
        assertArrayEquals(c1, c2, 1e-12);
    }

    /** PyRadiomics' grid for breast1's bounding box (45x120x21 voxels of 0.664062 x 0.664062 x 2.1 mm) at 2 mm. */
    @Test
    void pyRadiomicsGridByItsFormulas() {
        ImageGeometry grid = ImageGeometry.of(45, 120, 21, new double[] {0, 0, 0}, new double[] {0.664062, 0.664062, 2.1});
        BoundingBox box = new BoundingBox(21, 64, 8, 29, 75, 10);
        ImageGeometry target = ResamplingGrid.pyRadiomics(grid, box, new double[] {2, 2, 2}, 5);
        // x: l = max(0, floor(20.5 r - 5)) = 1, u = min(ceil(45 r) - 1, ceil(29.5 r + 5)) = 14 with r = 0.332031
        // y: l = floor(63.5 r - 5) = 16, u = ceil(75.5 r + 5) = 31; z (r = 1.05): l = 2, u = ceil(10.5 r + 5) = 17
        assertArrayEquals(new int[] {14, 16, 16}, target.size());
        double[] expectedIndex = {0.5 * (2 - 0.664062) / 0.664062 + 1 / (0.664062 / 2),
            0.5 * (2 - 0.664062) / 0.664062 + 16 / (0.664062 / 2), 0.5 * (2 - 2.1) / 2.1 + 2 / 1.05};
        assertArrayEquals(grid.indexToWorld(expectedIndex[0], expectedIndex[1], expectedIndex[2]), target.origin(), 1e-9);
        // a one-slice ROI is not resampled along that axis
        ImageGeometry flat = ResamplingGrid.pyRadiomics(grid, new BoundingBox(21, 64, 8, 29, 75, 8), new double[] {2, 2, 2}, 5);
        assertEquals(2.1, flat.spacing()[2], 0.0);
    }

    @Test
    void resamplingToTheSameGridIsTheIdentity() {
        ImageGeometry g = ImageGeometry.of(5, 4, 3, new double[] {-2, 3, 1}, new double[] {0.7, 0.9, 2.5});
        double[] v = new double[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 37) % 11 - 4.5;
        }
        Image3D image = new Image3D(g, v);
        for (Interpolator interpolator : Interpolator.values()) {
            Image3D out = resampler.resample(image, g, interpolator, Extrapolation.ZERO);
            assertArrayEquals(v, out.voxels(), 1e-9, interpolator.name());
        }
    }

    @Test
    void linearResamplingOfARampToAFinerGridIsExact() {
        ImageGeometry g = ImageGeometry.of(9, 8, 7, new double[] {5, -4, 2}, new double[] {2, 2, 3});
        double[] v = new double[g.voxelCount()];
        for (int z = 0; z < 7; z++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 9; x++) {
                    double[] p = g.indexToWorld(x, y, z);
                    v[g.index(x, y, z)] = 3 * p[0] - p[1] + 0.25 * p[2];
                }
            }
        }
        ImageGeometry target = ImageGeometry.of(20, 17, 10, new double[] {5.5, -3.5, 2.5}, new double[] {0.75, 0.8, 1.7});
        Image3D out = resampler.resample(new Image3D(g, v), target, Interpolator.LINEAR, Extrapolation.ZERO);
        for (int z = 0; z < 10; z++) {
            for (int y = 0; y < 17; y++) {
                for (int x = 0; x < 20; x++) {
                    double[] p = target.indexToWorld(x, y, z);
                    assertEquals(3 * p[0] - p[1] + 0.25 * p[2], out.get(x, y, z), 1e-9);
                }
            }
        }
    }

    @Test
    void extrapolationZeroOutsideAndEdgeClamps() {
        ImageGeometry g = ImageGeometry.of(3, 1, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        Image3D image = new Image3D(g, new double[] {5, 6, 7});
        ImageGeometry target = ImageGeometry.of(6, 1, 1, new double[] {-1.5, 0, 0}, new double[] {1, 1, 1});
        assertArrayEquals(new double[] {0, 5, 6, 7, 0, 0},
                resampler.resample(image, target, Interpolator.NEAREST, Extrapolation.ZERO).voxels(), 0.0);
        assertArrayEquals(new double[] {5, 5, 5.5, 6.5, 7, 7},
                resampler.resample(image, ImageGeometry.of(6, 1, 1, new double[] {-1.5, 0, 0}, new double[] {1, 1, 1}),
                        Interpolator.LINEAR, Extrapolation.EDGE).voxels(), 1e-12);
    }

    @Test
    void maskPartialVolumeThreshold() {
        ImageGeometry g = ImageGeometry.of(6, 1, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        Mask mask = new Mask(g, new boolean[] {false, false, true, true, false, false});
        ImageGeometry half = ImageGeometry.of(11, 1, 1, new double[] {0, 0, 0}, new double[] {0.5, 1, 1});
        // linear fractions at 0, 0.5, 1, ... : 0 0 0 .5 1 1 1 .5 0 0 0
        Mask atHalf = resampler.resample(mask, half, MaskInterpolation.linear(0.5), Extrapolation.EDGE);
        assertEquals(5, atHalf.count());
        Mask strict = resampler.resample(mask, half, MaskInterpolation.linear(0.75), Extrapolation.EDGE);
        assertEquals(3, strict.count());
        assertThrows(IllegalArgumentException.class, () -> MaskInterpolation.linear(0));
    }

    @Test
    void roundingModes() {
        ImageGeometry g = ImageGeometry.of(5, 1, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        Image3D image = new Image3D(g, new double[] {-1.5, -0.7, 0.5, 1.5, 2.7});
        assertArrayEquals(new double[] {-2, -1, 0, 2, 3}, IntensityRounding.NEAREST.apply(image).voxels(), 0.0);
        assertArrayEquals(new double[] {-1, 0, 0, 1, 2}, IntensityRounding.TOWARD_ZERO.apply(image).voxels(), 0.0);
        assertArrayEquals(image.voxels(), IntensityRounding.NONE.apply(image).voxels(), 0.0);
    }

    @Test
    void badSpacingIsRejectedWithTheValues() {
        ImageGeometry g = ImageGeometry.of(4, 4, 4, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ResamplingGrid.alignCenters(g, new double[] {1, -2, 1}));
        assertTrue(negative.getMessage().contains("-2.0"), negative.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> ResamplingGrid.alignCenters(g, new double[] {1, 1}));
        assertTrue(length.getMessage().contains("3 values"), length.getMessage());
    }
}
