package io.radflow.filters.pyradiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Square, square root, logarithm, exponential and gradient on brain1 against their formulas, voxel by voxel. */
class PointFiltersTest {

    private static Image3D brain;
    private static double maxAbs;

    @BeforeAll
    static void read() throws IOException {
        brain = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd"));
        for (int i = 0; i < brain.voxelCount(); i++) {
            maxAbs = Math.max(maxAbs, Math.abs(brain.get(i)));
        }
    }

    /** PyRadiomics' docstring formulas with M = max|x|; every filter keeps the range's scale (max f = M for square, sqrt, log). */
    @Test
    void intensityFiltersFollowPyRadiomicsFormulas() {
        double m = maxAbs;
        check(IntensityFilter.SQUARE, "square", x -> Math.pow(x / Math.sqrt(m), 2));
        check(IntensityFilter.SQUARE_ROOT, "squareroot", x -> Math.signum(x) * Math.sqrt(Math.abs(x) * m));
        check(IntensityFilter.LOGARITHM, "logarithm", x -> Math.signum(x) * Math.log(Math.abs(x) + 1) * m / Math.log(m + 1));
        check(IntensityFilter.EXPONENTIAL, "exponential", x -> Math.exp(Math.log(m) / m * x));
        Image3D zeros = new Image3D(ImageGeometry.of(2, 2, 2, new double[3], new double[] {1, 1, 1}), new double[8]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntensityFilter.LOGARITHM.apply(zeros, null));
        assertTrue(e.getMessage().contains("Logarithm"), e.getMessage());
    }

    private static void check(IntensityFilter filter, String name, java.util.function.DoubleUnaryOperator formula) {
        List<FilteredImage> out = filter.apply(brain, null);
        assertEquals(1, out.size());
        assertEquals(name, out.get(0).name());
        double peak = 0;
        for (int i = 0; i < brain.voxelCount(); i++) {
            double expected = formula.applyAsDouble(brain.get(i));
            assertEquals(expected, out.get(0).image().get(i), 1e-9 * Math.max(1, Math.abs(expected)), name + " voxel " + i);
            peak = Math.max(peak, Math.abs(out.get(0).image().get(i)));
        }
        if (!name.equals("exponential")) {
            assertEquals(maxAbs, peak, 1e-9 * maxAbs, name + " keeps the range");
        }
    }

    /** Central differences per mm (edge voxel repeated) on brain1, with and without spacing. */
    @Test
    void gradientIsTheCentralDifferenceMagnitude() {
        ImageGeometry g = brain.geometry();
        for (boolean useSpacing : new boolean[] {true, false}) {
            Image3D grad = new GradientFilter(useSpacing, new Parallelism(2)).apply(brain, null).get(0).image();
            double[] s = useSpacing ? g.spacing() : new double[] {1, 1, 1};
            int[][] probes = {{0, 0, 0}, {255, 255, 24}, {180, 120, 14}, {100, 30, 3}, {255, 7, 0}};
            for (int[] p : probes) {
                double sum = 0;
                for (int a = 0; a < 3; a++) {
                    int[] lo = p.clone();
                    int[] hi = p.clone();
                    lo[a] = Math.max(0, p[a] - 1);
                    hi[a] = Math.min(g.size()[a] - 1, p[a] + 1);
                    double d = (brain.get(hi[0], hi[1], hi[2]) - brain.get(lo[0], lo[1], lo[2])) / (2 * s[a]);
                    sum += d * d;
                }
                assertEquals(Math.sqrt(sum), grad.get(p[0], p[1], p[2]), 1e-9, "voxel " + java.util.Arrays.toString(p));
            }
        }
    }
}
