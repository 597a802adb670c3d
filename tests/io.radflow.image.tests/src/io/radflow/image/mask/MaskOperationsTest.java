package io.radflow.image.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Mask operations on small hand-made masks and on PyRadiomics' brain1 label. */
class MaskOperationsTest {

    private static ImageGeometry grid(int nx, int ny, int nz, double sx, double sy, double sz) {
        return ImageGeometry.of(nx, ny, nz, new double[] {0, 0, 0}, new double[] {sx, sy, sz});
    }

    private static Mask mask(ImageGeometry g, int[]... voxels) {
        boolean[] inside = new boolean[g.voxelCount()];
        for (int[] v : voxels) {
            inside[g.index(v[0], v[1], v[2])] = true;
        }
        return new Mask(g, inside);
    }

    private static double distanceMm(ImageGeometry g, int x1, int y1, int z1, int x2, int y2, int z2) {
        double[] s = g.spacing();
        double dx = (x1 - x2) * s[0];
        double dy = (y1 - y2) * s[1];
        double dz = (z1 - z2) * s[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Test
    void ringAroundOneVoxelHasItsThicknessInMmOnAnAnisotropicGrid() {
        ImageGeometry g = grid(41, 41, 21, 0.5, 1.0, 2.0);
        Mask tumour = mask(g, new int[] {20, 20, 10});
        Mask ring = MaskOperations.ring(tumour, 4.0, null, false);
        // 4 mm = 8 voxels along x, 4 along y, 2 along z
        assertTrue(ring.contains(g.index(28, 20, 10)));
        assertFalse(ring.contains(g.index(29, 20, 10)));
        assertTrue(ring.contains(g.index(20, 24, 10)));
        assertFalse(ring.contains(g.index(20, 25, 10)));
        assertTrue(ring.contains(g.index(20, 20, 12)));
        assertFalse(ring.contains(g.index(20, 20, 13)));
        assertFalse(ring.contains(g.index(20, 20, 10)), "the tumour itself is not in its ring");
        int expected = 0;
        for (int z = 0; z < 21; z++) {
            for (int y = 0; y < 41; y++) {
                for (int x = 0; x < 41; x++) {
                    double d = distanceMm(g, x, y, z, 20, 20, 10);
                    boolean in = d > 0 && d <= 4.0;
                    assertEquals(in, ring.contains(g.index(x, y, z)), "voxel " + x + "," + y + "," + z);
                    if (in) {
                        expected++;
                    }
                }
            }
        }
        assertEquals(expected, ring.count());
    }

    @Test
    void distanceTransformEqualsBruteForceOnARandomBlob() {
        ImageGeometry g = grid(14, 11, 9, 0.7, 1.3, 2.5);
        Random random = new Random(5);
        boolean[] inside = new boolean[g.voxelCount()];
        for (int n = 0; n < 12; n++) {
            inside[random.nextInt(inside.length)] = true;
        }
        Mask blob = new Mask(g, inside);
        double[] d2 = DistanceTransform.squaredDistances(blob, false);
        double[] d2Slices = DistanceTransform.squaredDistances(blob, true);
        for (int z = 0; z < 9; z++) {
            for (int y = 0; y < 11; y++) {
                for (int x = 0; x < 14; x++) {
                    double best = Double.POSITIVE_INFINITY;
                    double bestInSlice = Double.POSITIVE_INFINITY;
                    for (int w = 0; w < inside.length; w++) {
                        if (inside[w]) {
                            int wx = w % 14;
                            int wy = (w / 14) % 11;
                            int wz = w / (14 * 11);
                            double d = distanceMm(g, x, y, z, wx, wy, wz);
                            best = Math.min(best, d * d);
                            if (wz == z) {
                                bestInSlice = Math.min(bestInSlice, d * d);
                            }
                        }
                    }
                    assertEquals(best, d2[g.index(x, y, z)], 1e-9);
                    assertEquals(bestInSlice, d2Slices[g.index(x, y, z)], 1e-9);
                }
            }
        }
    }

    @Test
    void peritumouralLiverRingAndParenchyma() {
        // label map: liver = 1 on a 12x12x3 block, tumour = 2 inside it
        ImageGeometry g = grid(20, 20, 5, 1, 1, 2);
        double[] labels = new double[g.voxelCount()];
        for (int z = 1; z <= 3; z++) {
            for (int y = 2; y < 14; y++) {
                for (int x = 2; x < 14; x++) {
                    labels[g.index(x, y, z)] = 1;
                }
            }
        }
        for (int y = 10; y < 13; y++) {
            for (int x = 10; x < 13; x++) {
                labels[g.index(x, y, 2)] = 2;
            }
        }
        Image3D labelMap = new Image3D(g, labels);
        Mask tumour = LabelMaps.select(labelMap, 2);
        Mask liver = LabelMaps.select(labelMap, 1, 2);
        Mask parenchyma = MaskOperations.subtract(liver, tumour);
        assertEquals(12 * 12 * 3 - 9, parenchyma.count());
        Mask ring = MaskOperations.ring(tumour, 2.0, liver, false);
        for (int i = 0; i < g.voxelCount(); i++) {
            if (ring.contains(i)) {
                assertTrue(liver.contains(i) && !tumour.contains(i));
            }
        }
        // clipped at the liver border x < 14: the ring reaches x = 13 but not 14
        assertTrue(ring.contains(g.index(13, 11, 2)));
        assertFalse(ring.contains(g.index(14, 11, 2)));
        Mask unclipped = MaskOperations.ring(tumour, 2.0, null, false);
        assertTrue(unclipped.contains(g.index(14, 11, 2)));
        assertTrue(unclipped.count() > ring.count());
        // slice-wise: no voxel of another slice
        Mask ring2d = MaskOperations.ring(tumour, 2.0, null, true);
        for (int i = 0; i < g.voxelCount(); i++) {
            if (ring2d.contains(i)) {
                assertEquals(2, i / (20 * 20));
            }
        }
        assertEquals(MaskOperations.union(tumour, parenchyma).count(), liver.count());
        assertEquals(0, MaskOperations.intersection(tumour, parenchyma).count());
    }

    @Test
    void largestComponentWith6And26Connectivity() {
        ImageGeometry g = grid(8, 8, 3, 1, 1, 1);
        // a diagonal chain of 3 voxels (26-connected only) and a face-connected pair
        Mask m = mask(g, new int[] {0, 0, 0}, new int[] {1, 1, 1}, new int[] {2, 2, 2}, new int[] {6, 6, 0},
                new int[] {7, 6, 0});
        assertEquals(4, MaskOperations.componentCount(m, Connectivity.FACE, false));
        assertEquals(2, MaskOperations.componentCount(m, Connectivity.FULL, false));
        Mask full = MaskOperations.largestComponent(m, Connectivity.FULL, false);
        assertEquals(3, full.count());
        assertTrue(full.contains(g.index(1, 1, 1)));
        Mask face = MaskOperations.largestComponent(m, Connectivity.FACE, false);
        assertEquals(2, face.count());
        assertTrue(face.contains(g.index(6, 6, 0)) && face.contains(g.index(7, 6, 0)));
        // slice-wise: the largest component of each slice (slice 0 keeps the pair)
        Mask perSlice = MaskOperations.largestComponent(m, Connectivity.FULL, true);
        assertEquals(4, perSlice.count());
        assertFalse(perSlice.contains(g.index(0, 0, 0)));
        assertEquals(Connectivity.FULL, Connectivity.of(26));
        assertThrows(IllegalArgumentException.class, () -> Connectivity.of(18));
    }

    /** PyRadiomics' diagnostics give brain1's label 2 volumes (SimpleITK ConnectedComponent, face connectivity). */
    @Test
    void brain1LabelHasTwoComponents() throws IOException {
        Mask brain = LabelMaps.select(ImageFiles.read(ReferenceData.file("pyradiomics/brain1_label.nrrd")), 1);
        assertEquals(4137, brain.count());
        assertEquals(2, MaskOperations.componentCount(brain, Connectivity.FACE, false));
        Mask largest = MaskOperations.largestComponent(brain, Connectivity.FACE, false);
        assertTrue(largest.count() > brain.count() / 2 && largest.count() < brain.count());
    }

    @Test
    void fillHolesIn3dAndSliceWise() {
        ImageGeometry g = grid(9, 9, 9, 1, 1, 1);
        boolean[] shell = new boolean[g.voxelCount()];
        boolean[] tube = new boolean[g.voxelCount()];
        for (int z = 0; z < 9; z++) {
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 9; x++) {
                    boolean inCube = x >= 2 && x <= 6 && y >= 2 && y <= 6;
                    boolean border = x == 2 || x == 6 || y == 2 || y == 6;
                    if (inCube && z >= 2 && z <= 6 && (border || z == 2 || z == 6)) {
                        shell[g.index(x, y, z)] = true;
                    }
                    if (inCube && border) {
                        tube[g.index(x, y, z)] = true;
                    }
                }
            }
        }
        Mask hollow = new Mask(g, shell);
        assertEquals(125 - 27, hollow.count());
        assertEquals(125, MaskOperations.fillHoles(hollow, false).count());
        Mask openTube = new Mask(g, tube);
        assertEquals(openTube.count(), MaskOperations.fillHoles(openTube, false).count(), "a tube open at both ends has no 3D hole");
        assertEquals(9 * 25, MaskOperations.fillHoles(openTube, true).count(), "each slice of the tube is a filled square");
    }

    @Test
    void boundingBoxCropWithPadding() {
        ImageGeometry g = ImageGeometry.of(10, 10, 10, new double[] {1, 2, 3}, new double[] {0.5, 0.5, 2});
        Mask m = mask(g, new int[] {3, 4, 5}, new int[] {5, 4, 6});
        BoundingBox box = BoundingBox.of(m);
        assertEquals(new BoundingBox(3, 4, 5, 5, 4, 6), box);
        BoundingBox padded = box.padded(4, g);
        assertEquals(new BoundingBox(0, 0, 1, 9, 8, 9), padded);
        Mask cropped = padded.crop(m);
        assertEquals(2, cropped.count());
        assertEquals(10 * 9 * 9, cropped.geometry().voxelCount());
        double[] origin = cropped.geometry().origin();
        assertEquals(1, origin[0], 1e-12);
        assertEquals(3 + 2, origin[2], 1e-12);
        assertTrue(cropped.contains(cropped.geometry().index(3, 4, 4)));
    }

    @Test
    void clearErrors() {
        ImageGeometry g = grid(4, 4, 4, 1, 1, 1);
        Mask empty = new Mask(g, new boolean[g.voxelCount()]);
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
                () -> MaskOperations.ring(empty, 2, null, false));
        assertTrue(e1.getMessage().contains("empty"), e1.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoundingBox.of(empty));
        assertThrows(IllegalArgumentException.class, () -> MaskOperations.largestComponent(empty, Connectivity.FULL, false));
        Mask one = mask(g, new int[] {1, 1, 1});
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> MaskOperations.ring(one, 0, null, false));
        assertTrue(e2.getMessage().contains("thickness"), e2.getMessage());

        double[] labels = new double[g.voxelCount()];
        labels[3] = 1;
        labels[7] = 3;
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> LabelMaps.select(new Image3D(g, labels), 2));
        assertTrue(e3.getMessage().contains("label 2") && e3.getMessage().contains("[1, 3]"), e3.getMessage());
        IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class,
                () -> LabelMaps.select(new Image3D(g, new double[g.voxelCount()]), 1));
        assertTrue(e4.getMessage().contains("empty"), e4.getMessage());

        ImageGeometry shifted = ImageGeometry.of(4, 4, 4, new double[] {1.5, 0, 0}, new double[] {1, 1, 1});
        IllegalArgumentException e5 = assertThrows(IllegalArgumentException.class,
                () -> MaskOperations.union(one, new Mask(shifted, new boolean[shifted.voxelCount()])));
        assertTrue(e5.getMessage().contains("origin 1.50000 mm"), e5.getMessage());
    }
}
