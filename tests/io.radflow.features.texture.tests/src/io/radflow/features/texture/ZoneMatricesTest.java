package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureSettings;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The matrices on the worked examples of PyRadiomics' documentation and on shapes with known distances. */
class ZoneMatricesTest {

    private static final double[] SPACING = {1, 1, 1};

    /** The 5 x 5 example image of PyRadiomics' GLSZM and GLDM docstrings (row = y). */
    private static final int[] EXAMPLE_5X5 = {
        5, 2, 5, 4, 4,
        3, 3, 3, 1, 3,
        2, 1, 1, 1, 3,
        4, 2, 2, 2, 3,
        3, 5, 3, 3, 2};

    private static final Neighbourhood.Scope THREE_D = new Neighbourhood.Scope(TextureAggregation.THREE_D, 2);

    /** PyRadiomics glszm.py docstring: the GLSZM of the 5 x 5 example (8-connected zones). */
    @Test
    void glszmOfThePyRadiomicsExample() {
        GreyLevelVolume image = GreyLevelVolume.of(5, 5, 1, SPACING, EXAMPLE_5X5);
        LevelCountMatrix m = GlszmFeatures.matrices(image, THREE_D).get(0);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, m.levels());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, m.columnValues());
        double[][] expected = {
            {0, 0, 0, 1, 0},
            {1, 0, 0, 0, 1},
            {1, 0, 1, 0, 1},
            {1, 1, 0, 0, 0},
            {3, 0, 0, 0, 0}};
        assertArrayEquals(expected, m.toArray());
        assertEquals(25, m.voxelCount());
    }

    /** PyRadiomics gldm.py docstring: the GLDM of the 5 x 5 example for alpha 0 and distance 1. */
    @Test
    void gldmOfThePyRadiomicsExample() {
        GreyLevelVolume image = GreyLevelVolume.of(5, 5, 1, SPACING, EXAMPLE_5X5);
        LevelCountMatrix m = NgldmFeatures.matrices(image, THREE_D, List.of(1), 0).get(0);
        double[][] expected = {
            {0, 1, 2, 1},
            {1, 2, 3, 0},
            {1, 4, 4, 0},
            {1, 2, 0, 0},
            {3, 0, 0, 0}};
        assertArrayEquals(new int[] {1, 2, 3, 4}, m.columnValues());
        assertArrayEquals(expected, m.toArray());
    }

    /**
     * PyRadiomics ngtdm.py docstring: the 4 x 4 example (no grey level 4) has n = 6, 2, 4, 4 and s_1 = 13.35,
     * s_2 = 2, s_3 = 3.03 (in the text; its table misprints 2.63), s_5 = 10.075.
     */
    @Test
    void ngtdmOfThePyRadiomicsExample() {
        int[] levels = {
            1, 2, 5, 2,
            3, 5, 1, 3,
            1, 3, 5, 5,
            3, 1, 1, 1};
        NgtdmMatrix m = NgtdmFeatures.matrices(GreyLevelVolume.of(4, 4, 1, SPACING, levels), THREE_D, List.of(1), true)
                .get(0);
        assertArrayEquals(new int[] {1, 2, 3, 5}, m.levels());
        assertArrayEquals(new double[] {6, 2, 4, 4}, m.counts());
        double[] s = m.differences();
        assertEquals(13.35, s[0], 0.005);
        assertEquals(2.00, s[1], 0.005);
        assertEquals(3.03, s[2], 0.005);
        assertEquals(10.075, s[3], 0.0005);
    }

    /**
     * A 5 x 5 square ROI in a 7 x 7 x 1 image: in-plane (4-connected) distances to the edge are the rings 1, 2, 3;
     * in 3D every voxel touches the outside across z, so all distances are 1.
     */
    @Test
    void distanceMapInPlaneAndIn3d() {
        ImageGeometry g = ImageGeometry.of(7, 7, 1, new double[3], SPACING);
        boolean[] inside = new boolean[49];
        int[] levels = new int[49];
        for (int y = 1; y <= 5; y++) {
            for (int x = 1; x <= 5; x++) {
                inside[g.index(x, y, 0)] = true;
                levels[g.index(x, y, 0)] = 1;
            }
        }
        Mask mask = new Mask(g, inside);
        GreyLevelVolume box = GreyLevelVolume.of(7, 7, 1, SPACING, levels);
        int[] inPlane = GldzmFeatures.distanceMap(mask, box, 2);
        for (int y = 1; y <= 5; y++) {
            for (int x = 1; x <= 5; x++) {
                int ring = Math.min(Math.min(x, 6 - x), Math.min(y, 6 - y));
                assertEquals(ring, inPlane[g.index(x, y, 0)], "in-plane distance at " + x + "," + y);
                assertEquals(1, GldzmFeatures.distanceMap(mask, box, -1)[g.index(x, y, 0)], "3D distance at " + x + "," + y);
            }
        }
        assertEquals(0, inPlane[g.index(0, 0, 0)], "outside the mask");
        LevelCountMatrix m = GldzmFeatures.matrix(box, inPlane, Neighbourhood.chebyshev1(2));
        assertArrayEquals(new double[][] {{1}}, m.toArray(), "one zone, at distance 1");
    }

    /** Directional aggregations are refused by families without directions, with a message naming the choices. */
    @Test
    void directionalAggregationIsRefused() {
        FeatureSettings settings = FeatureSettings.defaults().with(TextureAggregation.SETTING, "3D, averaged");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Neighbourhood.Scope.of(settings));
        assertTrue(e.getMessage().contains("'2D', '2.5D' or '3D'"), e.getMessage());
        assertEquals(26, Neighbourhood.chebyshev1(-1).size());
        assertEquals(8, Neighbourhood.chebyshev1(2).size());
        assertEquals(6, Neighbourhood.faceConnected(-1).size());
        assertEquals(4, Neighbourhood.faceConnected(0).size());
    }
}
