package io.radflow.filters.pyradiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.List;

import org.junit.jupiter.api.Test;

/** LBP 2D (scikit-image semantics) and LBP 3D (PyRadiomics' spherical harmonics) on images with known patterns. */
class LbpTest {

    /**
     * One bright pixel in a flat slice, P = 8, R = 1, uniform: the bright pixel has no neighbour >= itself (0);
     * a pixel left of it sees the neighbour at p = 0 (angle 0, to the right) brighter and the rest equal, all 8 >= (8);
     * flat pixels inside: 8; flat pixels on the slice border see 0 outside, so fewer ones. Non-uniform patterns
     * (more than 2 transitions among s_0..s_7) give P + 1 = 9.
     */
    @Test
    void lbp2DUniformCodesOfSimplePatterns() {
        int n = 7;
        double[] v = new double[n * n];
        java.util.Arrays.fill(v, 10);
        v[3 + n * 3] = 50;
        Image3D image = new Image3D(ImageGeometry.of(n, n, 1, new double[3], new double[] {1, 1, 1}), v);
        Image3D lbp = new Lbp2DFilter(1, 8, "uniform", 0, Parallelism.single()).apply(image, null).get(0).image();
        assertEquals(0, lbp.get(3, 3, 0));
        assertEquals(8, lbp.get(2, 3, 0));
        assertEquals(8, lbp.get(1, 1, 0));
        // corner (0, 0): neighbours at p = 0 (right), 6 (row + 1 = below), 7 (diagonal) are inside -> 1; others outside -> 0.
        // s = 1 0 0 0 0 0 1 1: two transitions -> uniform, 3 ones
        assertEquals(3, lbp.get(0, 0, 0));
        // checkerboard: every interior pixel alternates -> non-uniform
        double[] checker = new double[n * n];
        for (int i = 0; i < checker.length; i++) {
            checker[i] = ((i % n) + (i / n)) % 2 == 0 ? 1 : 2;
        }
        Image3D c = new Lbp2DFilter(1, 4, "uniform", 0, Parallelism.single())
                .apply(new Image3D(ImageGeometry.of(n, n, 1, new double[3], new double[] {1, 1, 1}), checker), null).get(0).image();
        // P = 4 samples on the axes: a '1' pixel sees four 2s (all ones, 4); a '2' pixel sees four 1s (no ones, 0)
        assertEquals(4, c.get(2, 2, 0));
        assertEquals(0, c.get(3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new Lbp2DFilter(1, 8, "var", 0, Parallelism.single()));
    }

    /**
     * On a linear ramp the cubic spline reproduces the ramp, so the 42 samples are g_c + R (v . grad): the kurtosis
     * image is the kurtosis of v . grad over the icosphere vertices, level 1 (n = 0) is sqrt(Nv) * ones / (4 pi)
     * (Y_00 = 1/sqrt(4 pi)) with ones = #{v : v . grad >= 0}, and a flat ROI is rejected.
     */
    @Test
    void lbp3DOnALinearRamp() {
        int n = 26; // far from the borders, where the mirror-bounded spline prefilter is exact on a ramp
        double[] gradient = {1.0, 0.37, 0.21};
        double[] v = new double[n * n * n];
        ImageGeometry g = ImageGeometry.of(n, n, n, new double[3], new double[] {1, 1, 1});
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    v[g.index(x, y, z)] = 100 + gradient[0] * x + gradient[1] * y + gradient[2] * z;
                }
            }
        }
        boolean[] inside = new boolean[v.length];
        inside[g.index(12, 13, 13)] = true;
        inside[g.index(13, 13, 13)] = true;
        Mask mask = new Mask(g, inside);
        Lbp3DFilter filter = new Lbp3DFilter(2, 1, 1, Parallelism.single());
        double[][] vertices = filter.sampleOffsets();
        assertEquals(42, vertices.length);
        double[] d = new double[42];
        int ones = 0;
        double mean = 0;
        for (int i = 0; i < 42; i++) {
            assertEquals(1, Math.sqrt(vertices[i][0] * vertices[i][0] + vertices[i][1] * vertices[i][1]
                    + vertices[i][2] * vertices[i][2]), 1e-12);
            // offsets are (z, y, x)
            d[i] = gradient[0] * vertices[i][2] + gradient[1] * vertices[i][1] + gradient[2] * vertices[i][0];
            ones += d[i] >= 0 ? 1 : 0;
            mean += d[i] / 42;
        }
        double m2 = 0;
        double m4 = 0;
        for (double x : d) {
            m2 += Math.pow(x - mean, 2) / 42;
            m4 += Math.pow(x - mean, 4) / 42;
        }
        List<FilteredImage> out = filter.apply(new Image3D(g, v), mask);
        assertEquals(List.of("lbp-3D-m1", "lbp-3D-m2", "lbp-3D-k"), out.stream().map(FilteredImage::name).toList());
        assertEquals(Math.sqrt(42) * ones / (4 * Math.PI), out.get(0).image().get(13, 13, 13), 1e-9);
        assertEquals(m4 / (m2 * m2) - 3, out.get(2).image().get(12, 13, 13), 1e-6);
        assertTrue(out.get(1).image().get(13, 13, 13) > 0, "level 2 responds to a ramp");
        assertEquals(0, out.get(0).image().get(0, 0, 0), "outside the ROI");
        double[] flat = new double[v.length];
        java.util.Arrays.fill(flat, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> filter.apply(new Image3D(g, flat), mask));
        assertTrue(e.getMessage().contains("kurtosis"), e.getMessage());
    }
}
