package io.radflow.features.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

/** Geometric properties of the shape computations that hold whatever the reference software says. */
class ShapePropertiesTest {

    /** A mask of size n^3 whose voxel (x, y, z) is inside when {@code inside} holds for its index. */
    private static Mask mask(int nx, int ny, int nz, double[] spacing, IntPredicate inside) {
        ImageGeometry g = ImageGeometry.of(nx, ny, nz, new double[3], spacing);
        boolean[] in = new boolean[g.voxelCount()];
        for (int i = 0; i < in.length; i++) {
            in[i] = inside.test(i);
        }
        return new Mask(g, in);
    }

    private static Mask ellipsoid(int n, double rx, double ry, double rz, double[] spacing) {
        double c = (n - 1) / 2.0;
        return mask(n, n, n, spacing, i -> {
            int x = i % n;
            int y = (i / n) % n;
            int z = i / (n * n);
            double u = (x - c) / rx;
            double v = (y - c) / ry;
            double w = (z - c) / rz;
            return u * u + v * v + w * w <= 1;
        });
    }

    @Test
    void meshVolumeOfAVoxelisedSphereApproaches4Over3PiR3() {
        double previousError = Double.MAX_VALUE;
        for (double r : new double[] {4, 8, 16}) {
            int n = (int) (2 * r + 5);
            SurfaceMesh mesh = SurfaceMesh.of(CroppedMask.of(ellipsoid(n, r, r, r, new double[] {1, 1, 1})));
            double exact = 4.0 / 3 * Math.PI * r * r * r;
            double error = Math.abs(mesh.volume() / exact - 1);
            assertTrue(error < 0.1, "r " + r + ": mesh volume " + mesh.volume() + " vs " + exact);
            assertTrue(error < previousError, "the error shrinks as the sphere grows (r " + r + ": " + error + ")");
            previousError = error;
        }
        assertTrue(previousError < 0.01, "r 16 within 1 %: " + previousError);
    }

    /**
     * Swapping the axes of mask and spacing together leaves area and volume unchanged (for a mask without
     * ambiguous cubes: the triangulation of ambiguous cubes depends on the corner numbering, as in PyRadiomics).
     */
    @Test
    void surfaceAreaIsInvariantToAxisPermutation() {
        int nx = 9;
        int ny = 7;
        int nz = 5;
        IntPredicate box = i -> {
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            return x >= 1 && x <= 6 && y >= 2 && y <= 5 && z >= 1 && z <= 3 && !(x == 6 && y == 5);
        };
        Mask original = mask(nx, ny, nz, new double[] {0.7, 1.3, 2.9}, box);
        // (x, y, z) -> (z, x, y): new x = old z ...
        Mask permuted = mask(nz, nx, ny, new double[] {2.9, 0.7, 1.3}, i -> {
            int z = i % nz;
            int x = (i / nz) % nx;
            int y = i / (nz * nx);
            return box.test(x + nx * (y + ny * z));
        });
        ShapeFeatures family = new ShapeFeatures();
        FeatureValues a = family.compute(original);
        FeatureValues b = family.compute(permuted);
        for (String name : List.of("SurfaceArea", "MeshVolume", "Maximum3DDiameter", "MajorAxisLength",
                "LeastAxisLength")) {
            assertEquals(a.get(name), b.get(name), 1e-9 * a.get(name), name);
        }
        assertEquals(a.get("Maximum2DDiameterSlice"), b.get("Maximum2DDiameterRow"), 1e-9, "z planes become x planes");
    }

    @Test
    void anisotropicSpacingScalesTheVolumes() {
        Mask unit = ellipsoid(15, 6, 4.5, 3.2, new double[] {1, 1, 1});
        Mask scaled = ellipsoid(15, 6, 4.5, 3.2, new double[] {2, 3, 5});
        ShapeFeatures family = new ShapeFeatures();
        FeatureValues a = family.compute(unit);
        FeatureValues b = family.compute(scaled);
        assertEquals(30 * a.get("MeshVolume"), b.get("MeshVolume"), 1e-9 * b.get("MeshVolume"));
        assertEquals(30 * a.get("VoxelVolume"), b.get("VoxelVolume"), 1e-9 * b.get("VoxelVolume"));
    }

    /** The farthest vertex pair found among hull vertices equals the brute-force maximum over all vertices. */
    @Test
    void hullDiameterEqualsBruteForceDiameter() {
        Random random = new Random(7);
        Mask blob = mask(12, 10, 8, new double[] {0.8, 1.1, 2.5}, i -> random.nextDouble() < 0.35);
        CroppedMask cropped = CroppedMask.of(blob);
        SurfaceMesh mesh = SurfaceMesh.of(cropped);
        int[] v = MarchingCubes.vertices(cropped);
        double[] h = mesh.halfSpacing();
        double[] best = new double[4];
        for (int i = 0; i < v.length; i += 3) {
            for (int j = i + 3; j < v.length; j += 3) {
                double dx = (v[i] - v[j]) * h[0];
                double dy = (v[i + 1] - v[j + 1]) * h[1];
                double dz = (v[i + 2] - v[j + 2]) * h[2];
                double d = dx * dx + dy * dy + dz * dz;
                best[3] = Math.max(best[3], d);
                best[0] = v[i + 2] == v[j + 2] ? Math.max(best[0], d) : best[0];
                best[1] = v[i + 1] == v[j + 1] ? Math.max(best[1], d) : best[1];
                best[2] = v[i] == v[j] ? Math.max(best[2], d) : best[2];
            }
        }
        double[] diameters = mesh.diameters();
        for (int k = 0; k < 4; k++) {
            assertEquals(Math.sqrt(best[k]), diameters[k], 1e-12, "diameter " + k);
        }
        double hullVolume = mesh.convexHull().volume(h);
        assertTrue(hullVolume >= mesh.volume(), "the hull encloses the mesh: " + hullVolume + " vs " + mesh.volume());
    }

    /** The FFT evaluation of Moran's I and Geary's C equals the direct pair sums. */
    @Test
    void moranAndGearyByFftEqualDirectSums() {
        Random random = new Random(11);
        Mask blob = mask(14, 12, 6, new double[] {0.9, 0.9, 3}, i -> random.nextDouble() < 0.6);
        double[] voxels = new double[blob.geometry().voxelCount()];
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = Math.round(100 * random.nextGaussian()) + (i % 14) * 10;
        }
        Image3D image = new Image3D(blob.geometry(), voxels);
        double[] direct = SpatialAutocorrelation.moranGeary(image, blob, true);
        double[] fft = SpatialAutocorrelation.moranGeary(image, blob, false);
        assertEquals(direct[0], fft[0], 1e-10, "Moran's I");
        assertEquals(direct[1], fft[1], 1e-10, "Geary's C");
        assertTrue(direct[0] > 0, "an x gradient gives positive autocorrelation: " + direct[0]);
    }

    @Test
    void shape2DRejectsAnRoiOverTwoSlicesAndMissingForce2D() {
        Mask twoSlices = mask(6, 6, 4, new double[] {1, 1, 1}, i -> i % 6 > 1 && (i / 36 == 1 || i / 36 == 2));
        Image3D image = new Image3D(twoSlices.geometry(), new double[twoSlices.geometry().voxelCount()]);
        Shape2DFeatures family = new Shape2DFeatures();
        FeatureSettings force2D = FeatureSettings.defaults().with(Shape2DFeatures.FORCE_2D, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> family.compute(Roi.of(image, twoSlices), force2D));
        assertTrue(e.getMessage().contains("spans 2 slices"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> family.compute(Roi.of(image, twoSlices), FeatureSettings.defaults()));
        assertTrue(e.getMessage().contains("force2D"), e.getMessage());
        // along y (force2Ddimension 1) the same ROI spans 4 rows ... but a single x column passes along x
        Mask column = mask(6, 6, 4, new double[] {1, 1, 1}, i -> i % 6 == 3 && i / 36 >= 1);
        FeatureValues values = family.compute(Roi.of(image, column),
                force2D.with(Shape2DFeatures.FORCE_2D_DIMENSION, 2));
        assertEquals(18, values.get("PixelSurface"), 1e-12, "6 rows x 3 slices of 1 mm pixels");
    }

    /** Deprecated shape features are computed only on request and keep their identities with Sphericity. */
    @Test
    void deprecatedShapeFeaturesOnRequest() {
        Mask blob = ellipsoid(11, 4, 3, 2.5, new double[] {1, 1, 2});
        Image3D image = new Image3D(blob.geometry(), new double[blob.geometry().voxelCount()]);
        ShapeFeatures family = new ShapeFeatures();
        assertTrue(!family.compute(Roi.of(image, blob), FeatureSettings.defaults()).has("Compactness2"));
        FeatureValues v = family.compute(Roi.of(image, blob), FeatureSettings.defaults(),
                List.of("Sphericity", "Compactness2", "SphericalDisproportion"));
        assertEquals(Math.pow(v.get("Sphericity"), 3), v.get("Compactness2"), 1e-12);
        assertEquals(1 / v.get("Sphericity"), v.get("SphericalDisproportion"), 1e-12);
    }
}
