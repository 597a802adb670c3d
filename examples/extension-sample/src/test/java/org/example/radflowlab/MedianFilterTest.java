package org.example.radflowlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MedianFilterTest {

    private static final ImageGeometry GRID = ImageGeometry.of(9, 8, 7, new double[3], new double[] {1, 1, 1});

    @Test
    void aSingleOutlierIsRemovedAndAConstantImageIsUnchanged() {
        double[] voxels = new double[GRID.voxelCount()];
        Arrays.fill(voxels, 40);
        assertArrayEquals(voxels, MedianFilter.apply(new Image3D(GRID, voxels), 1).voxels(), 0);
        voxels[GRID.index(4, 4, 3)] = 3000; // salt noise
        double[] filtered = MedianFilter.apply(new Image3D(GRID, voxels), 1).voxels();
        assertEquals(40, Arrays.stream(filtered).max().orElseThrow(), 0);
    }

    @Test
    void aStepEdgeIsPreserved() {
        double[] voxels = new double[GRID.voxelCount()];
        for (int z = 0; z < 7; z++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 9; x++) {
                    voxels[GRID.index(x, y, z)] = x < 5 ? 0 : 100;
                }
            }
        }
        assertArrayEquals(voxels, MedianFilter.apply(new Image3D(GRID, voxels), 1).voxels(), 0);
    }

    @Test
    void everyVoxelIsTheMedianOfItsCutNeighbourhood() {
        Random random = new Random(7);
        double[] voxels = random.doubles(GRID.voxelCount(), -1000, 1000).toArray();
        Image3D image = new Image3D(GRID, voxels);
        Image3D filtered = MedianFilter.apply(image, 2);
        // brute force: collect the neighbourhood as a list of values and take its median by definition
        for (int[] p : new int[][] {{0, 0, 0}, {8, 7, 6}, {4, 3, 3}, {1, 6, 0}}) {
            java.util.List<Double> values = new java.util.ArrayList<>();
            for (int z = p[2] - 2; z <= p[2] + 2; z++) {
                for (int y = p[1] - 2; y <= p[1] + 2; y++) {
                    for (int x = p[0] - 2; x <= p[0] + 2; x++) {
                        if (x >= 0 && y >= 0 && z >= 0 && x < 9 && y < 8 && z < 7) {
                            values.add(image.get(x, y, z));
                        }
                    }
                }
            }
            java.util.Collections.sort(values);
            int n = values.size();
            double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            assertEquals(median, filtered.get(p[0], p[1], p[2]), 0, Arrays.toString(p));
        }
    }

    @Test
    void radiusOutsideOneToFiveIsRejected() {
        Image3D image = new Image3D(GRID, new double[GRID.voxelCount()]);
        assertEquals("median radius must be 1 to 5 voxels, got 0",
                assertThrows(IllegalArgumentException.class, () -> MedianFilter.apply(image, 0)).getMessage());
    }
}
