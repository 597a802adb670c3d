package io.radflow.image.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Interpolators against hand-computed values and exactness properties. */
class InterpolatorTest {

    private static Image3D image(int nx, int ny, int nz, double[] spacing, Function3 f) {
        ImageGeometry g = ImageGeometry.of(nx, ny, nz, new double[] {0, 0, 0}, spacing);
        double[] v = new double[g.voxelCount()];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v[g.index(x, y, z)] = f.at(x, y, z);
                }
            }
        }
        return Image3D.wrap(g, v);
    }

    interface Function3 {
        double at(double x, double y, double z);
    }

    @Test
    void linearIsExactOnARampInsideTheGrid() {
        Function3 ramp = (x, y, z) -> 2 * x - 3 * y + 0.5 * z + 7;
        Image3D image = image(6, 5, 4, new double[] {1, 2, 3}, ramp);
        Interpolator.Sampler s = Interpolator.LINEAR.sampler(image);
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            double i = random.nextDouble() * 5;
            double j = random.nextDouble() * 4;
            double k = random.nextDouble() * 3;
            assertEquals(ramp.at(i, j, k), s.at(i, j, k), 1e-9, "at " + i + "," + j + "," + k);
        }
        // beyond the last voxel the edge value is repeated (ITK clamps the upper neighbour)
        assertEquals(ramp.at(5, 0, 0), s.at(5.4, 0, 0), 1e-12);
    }

    @Test
    void nearestRoundsHalfIndicesUp() {
        Image3D image = image(4, 1, 1, new double[] {1, 1, 1}, (x, y, z) -> 10 * x);
        Interpolator.Sampler s = Interpolator.NEAREST.sampler(image);
        assertEquals(10, s.at(0.5, 0, 0), 0.0);
        assertEquals(0, s.at(0.49, 0, 0), 0.0);
        assertEquals(30, s.at(3.4, 0, 0), 0.0);
        assertEquals(0, s.at(-0.5, 0, 0), 0.0);
    }

    @Test
    void bsplineInterpolatesTheSamplesAtVoxelCentres() {
        Random random = new Random(3);
        Image3D image = image(7, 6, 5, new double[] {1, 1, 1}, (x, y, z) -> random.nextGaussian() * 100);
        Interpolator.Sampler s = Interpolator.BSPLINE.sampler(image);
        for (int z = 0; z < 5; z++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 7; x++) {
                    assertEquals(image.get(x, y, z), s.at(x, y, z), 1e-9);
                }
            }
        }
    }

    @Test
    void bsplineReproducesACubicPolynomialAwayFromTheBorders() {
        Function3 cubic = (x, y, z) -> (0.01 * x * x * x - 0.2 * x * x + x + 4) * (1 + 0.5 * y - 0.02 * y * y * y)
                + 0.003 * z * z * z - z;
        Image3D image = image(40, 40, 40, new double[] {1, 1, 1}, cubic);
        Interpolator.Sampler s = Interpolator.BSPLINE.sampler(image);
        Random random = new Random(11);
        for (int n = 0; n < 100; n++) {
            double i = 17 + 6 * random.nextDouble();
            double j = 17 + 6 * random.nextDouble();
            double k = 17 + 6 * random.nextDouble();
            double expected = cubic.at(i, j, k);
            assertEquals(expected, s.at(i, j, k), 1e-8 * Math.max(1, Math.abs(expected)));
        }
    }

    /**
     * The cardinal cubic spline (interpolant of a unit impulse) at 1/2: coefficients {@code sqrt(3) z^|k|} with
     * {@code z = sqrt(3) - 2}, and {@code beta3(1/2) = 23/48}, {@code beta3(3/2) = 1/48}, so
     * {@code eta(1/2) = sqrt(3) ((1 + z) 23/48 + z (1 + z) / 48) = 0.60048...}.
     */
    @Test
    void bsplineOfAnImpulseIsTheCardinalCubicSpline() {
        Image3D impulse = image(61, 1, 1, new double[] {1, 1, 1}, (x, y, z) -> x == 30 ? 1 : 0);
        double z = Math.sqrt(3) - 2;
        double expected = Math.sqrt(3) * ((1 + z) * 23 / 48 + z * (1 + z) / 48);
        Interpolator.Sampler s = Interpolator.BSPLINE.sampler(impulse);
        assertEquals(expected, s.at(30.5, 0, 0), 1e-12);
        assertEquals(expected, s.at(29.5, 0, 0), 1e-12);
        assertEquals(0.6004809, expected, 1e-7);
        // the interpolant of an impulse vanishes at the other integers
        assertEquals(0, s.at(31, 0, 0), 1e-12);
    }

    @Test
    void mirrorIndexReflectsAboutBothEnds() {
        assertEquals(1, BSplineCoefficients.mirror(-1, 5));
        assertEquals(2, BSplineCoefficients.mirror(-2, 5));
        assertEquals(3, BSplineCoefficients.mirror(5, 5));
        assertEquals(2, BSplineCoefficients.mirror(6, 5));
        assertEquals(0, BSplineCoefficients.mirror(-3, 1));
        assertEquals(1, BSplineCoefficients.mirror(3, 2));
    }

    @Test
    void bsplineRejectsNonFiniteVoxels() {
        Image3D image = image(3, 3, 3, new double[] {1, 1, 1}, (x, y, z) -> x == 1 ? Double.NaN : 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interpolator.BSPLINE.sampler(image));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void parseKnowsSimpleItkNames() {
        assertEquals(Interpolator.BSPLINE, Interpolator.parse("sitkBSpline"));
        assertEquals(Interpolator.LINEAR, Interpolator.parse("linear"));
        assertEquals(Interpolator.NEAREST, Interpolator.parse("sitkNearestNeighbor"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interpolator.parse("lanczos"));
        assertTrue(e.getMessage().contains("lanczos") && e.getMessage().contains("bspline"), e.getMessage());
    }
}
