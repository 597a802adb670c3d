package io.radflow.filters.pyradiomics;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyRadiomics' {@code getLBP3DImage}: rotation-invariant 3D local binary patterns by spherical harmonics
 * (Banerjee, Moelker, Niessen, van Walsum (2013), "3D LBP-based rotationally invariant region description",
 * ACCV 2012 Workshops, LNCS 7728, doi:10.1007/978-3-642-37410-4_3), computed for the voxels of the ROI only.
 *
 * <ol>
 * <li>Sample points: the vertices v of trimesh's {@code icosphere(lbp3DIcosphereSubdivision,
 * lbp3DIcosphereRadius)} (the icosahedron with vertices (+-1, +-t, 0) cyclically, t the golden ratio, each
 * triangle split into four per subdivision and the vertices pushed onto the sphere; 42 vertices for one
 * subdivision). Offsets are in voxels, and vertex component 0, 1, 2 moves along z, y, x (NumPy order).</li>
 * <li>g_v: the image at each ROI voxel plus v, by cubic B-spline interpolation (SciPy {@code map_coordinates},
 * order 3, with the spline prefilter; 0 for points outside the image).</li>
 * <li>Kurtosis image {@code lbp-3D-k}: SciPy's {@code kurtosis} of the g_v (Fisher, biased): m4 / m2^2 - 3.</li>
 * <li>b_v = 1 when g_v >= the centre voxel's value, else 0; coefficients c_nm = sum_v b_v Y_nm(v) for
 * n = 0 .. lbp3DLevels - 1, |m| <= n, with Y_nm as PyRadiomics evaluates SciPy's {@code sph_harm(m, n, theta,
 * phi)}: theta = arccos(v_2 / R) passed as SciPy's azimuth and phi = arctan2(v_1, v_0) as its polar angle, i.e.
 * Y_nm = sqrt((2n+1)/(4 pi) (n-m)!/(n+m)!) e^(i m theta) P_n^m(cos phi) (Condon-Shortley phase).</li>
 * <li>Image {@code lbp-3D-m<n+1>}: sqrt( sum_v ( sum_m c_nm Y_nm(v) )^2 ) (the sum over m is real).</li>
 * </ol>
 *
 * <p>Differences from PyRadiomics: voxels outside the ROI are 0 (PyRadiomics leaves them uninitialised; features
 * only read ROI voxels). The spline prefilter uses mirror (whole-sample symmetric) boundaries; SciPy's choice for
 * {@code mode='constant'} differs only within a few voxels of the image border (the prefilter's influence decays
 * as 0.268^distance). A ROI voxel whose samples are all equal has no kurtosis (SciPy gives NaN): rejected with a
 * message naming the voxel.
 */
public final class Lbp3DFilter implements ImageFilter {

    private final int levels;
    private final double radius;
    private final int subdivisions;
    private final Parallelism parallelism;
    private final double[][] vertices;
    /** kernel[n][u][v] = Re sum_m Y_nm(u) Y_nm(v). */
    private final double[][][] kernels;

    /**
     * @param levels       lbp3DLevels (default 2)
     * @param radius       lbp3DIcosphereRadius in voxels (default 1)
     * @param subdivisions lbp3DIcosphereSubdivision (default 1)
     */
    public Lbp3DFilter(int levels, double radius, int subdivisions, Parallelism parallelism) {
        if (levels < 1 || !(radius > 0) || subdivisions < 0 || subdivisions > 5) {
            throw new IllegalArgumentException("LBP3D: lbp3DLevels must be >= 1, lbp3DIcosphereRadius > 0 and "
                    + "lbp3DIcosphereSubdivision 0..5, got " + levels + ", " + radius + ", " + subdivisions);
        }
        this.levels = levels;
        this.radius = radius;
        this.subdivisions = subdivisions;
        this.parallelism = parallelism;
        this.vertices = icosphere(subdivisions, radius);
        this.kernels = kernels(vertices, radius, levels);
    }

    @Override
    public String name() {
        return "LBP3D";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lbp3DLevels", levels);
        p.put("lbp3DIcosphereRadius", radius);
        p.put("lbp3DIcosphereSubdivision", subdivisions);
        return p;
    }

    /** The derived image names, in output order. */
    public List<String> derivedNames() {
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= levels; n++) {
            names.add("lbp-3D-m" + n);
        }
        names.add("lbp-3D-k");
        return names;
    }

    /** The sample offsets (voxels, NumPy order z, y, x). */
    public double[][] sampleOffsets() {
        double[][] copy = new double[vertices.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = vertices[i].clone();
        }
        return copy;
    }

    @Override
    public List<FilteredImage> apply(Image3D image, Mask mask) {
        if (mask == null) {
            throw new IllegalArgumentException("LBP3D: needs the mask (it is computed for ROI voxels only)");
        }
        Volumes.requireSameGrid(image, mask, "LBP3D");
        ImageGeometry g = image.geometry();
        int[] size = g.size();
        double[] coefficients = BSpline.coefficients(image.voxels(), size, parallelism);
        double[] voxels = image.voxels();
        int nv = vertices.length;
        double[][] maps = new double[levels + 1][voxels.length];
        String[] failure = new String[size[2]];
        parallelism.forEach(size[2], z -> {
            double[] samples = new double[nv];
            double[] bits = new double[nv];
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    int index = g.index(x, y, z);
                    if (!mask.contains(index)) {
                        continue;
                    }
                    double mean = 0;
                    for (int v = 0; v < nv; v++) {
                        samples[v] = BSpline.value(coefficients, size, x + vertices[v][2], y + vertices[v][1], z + vertices[v][0]);
                        mean += samples[v];
                    }
                    mean /= nv;
                    double m2 = 0;
                    double m4 = 0;
                    for (int v = 0; v < nv; v++) {
                        double d = samples[v] - mean;
                        m2 += d * d;
                        m4 += d * d * d * d;
                    }
                    m2 /= nv;
                    m4 /= nv;
                    double resolution = 1e-15 * mean;
                    if (m2 <= resolution * resolution) {
                        if (failure[z] == null) {
                            failure[z] = "the " + nv + " samples around voxel (" + x + ", " + y + ", " + z
                                    + ") are all equal, so their kurtosis is undefined";
                        }
                        continue;
                    }
                    maps[levels][index] = m4 / (m2 * m2) - 3;
                    double centre = voxels[index];
                    for (int v = 0; v < nv; v++) {
                        bits[v] = samples[v] >= centre ? 1 : 0;
                    }
                    for (int n = 0; n < levels; n++) {
                        double energy = 0;
                        double[][] k = kernels[n];
                        for (int v = 0; v < nv; v++) {
                            double f = 0;
                            for (int u = 0; u < nv; u++) {
                                f += bits[u] * k[u][v];
                            }
                            energy += f * f;
                        }
                        maps[n][index] = Math.sqrt(energy);
                    }
                }
            }
        });
        for (String f : failure) {
            if (f != null) {
                throw new IllegalArgumentException("LBP3D: " + f);
            }
        }
        List<String> names = derivedNames();
        List<FilteredImage> out = new ArrayList<>();
        for (int i = 0; i <= levels; i++) {
            out.add(new FilteredImage(names.get(i), Image3D.wrap(g, maps[i])));
        }
        return out;
    }

    /** trimesh's icosphere: vertices on the sphere of {@code radius}. */
    static double[][] icosphere(int subdivisions, double radius) {
        double t = (1 + Math.sqrt(5)) / 2;
        double[][] base = {{-1, t, 0}, {1, t, 0}, {-1, -t, 0}, {1, -t, 0}, {0, -1, t}, {0, 1, t}, {0, -1, -t}, {0, 1, -t},
                {t, 0, -1}, {t, 0, 1}, {-t, 0, -1}, {-t, 0, 1}};
        List<double[]> points = new ArrayList<>();
        double norm = Math.sqrt(1 + t * t);
        for (double[] p : base) {
            points.add(new double[] {p[0] / norm, p[1] / norm, p[2] / norm});
        }
        // the 20 faces: triples of mutually adjacent vertices (edge length 2 / norm)
        List<int[]> faces = new ArrayList<>();
        double edge = 2 / norm;
        for (int a = 0; a < 12; a++) {
            for (int b = a + 1; b < 12; b++) {
                for (int c = b + 1; c < 12; c++) {
                    if (near(points.get(a), points.get(b), edge) && near(points.get(b), points.get(c), edge)
                            && near(points.get(a), points.get(c), edge)) {
                        faces.add(new int[] {a, b, c});
                    }
                }
            }
        }
        for (int s = 0; s < subdivisions; s++) {
            Map<Long, Integer> midpoints = new HashMap<>();
            List<int[]> next = new ArrayList<>();
            for (int[] f : faces) {
                int ab = midpoint(points, midpoints, f[0], f[1]);
                int bc = midpoint(points, midpoints, f[1], f[2]);
                int ca = midpoint(points, midpoints, f[2], f[0]);
                next.add(new int[] {f[0], ab, ca});
                next.add(new int[] {f[1], bc, ab});
                next.add(new int[] {f[2], ca, bc});
                next.add(new int[] {ab, bc, ca});
            }
            faces = next;
            for (double[] p : points) {
                double r = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
                for (int i = 0; i < 3; i++) {
                    p[i] = p[i] / r * radius;
                }
            }
        }
        if (subdivisions == 0) {
            for (double[] p : points) {
                for (int i = 0; i < 3; i++) {
                    p[i] *= radius;
                }
            }
        }
        return points.toArray(new double[0][]);
    }

    private static boolean near(double[] a, double[] b, double distance) {
        double d = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
        return Math.abs(d - distance) < 1e-9;
    }

    private static int midpoint(List<double[]> points, Map<Long, Integer> cache, int a, int b) {
        long key = Math.min(a, b) * 1_000_000L + Math.max(a, b);
        return cache.computeIfAbsent(key, k -> {
            double[] p = points.get(a);
            double[] q = points.get(b);
            points.add(new double[] {(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2});
            return points.size() - 1;
        });
    }

    /** Re sum_m Y_nm(u) Y_nm(v) for every level n and vertex pair, with PyRadiomics' angle arguments. */
    private static double[][][] kernels(double[][] vertices, double radius, int levels) {
        int nv = vertices.length;
        double[] theta = new double[nv];
        double[] cosPhi = new double[nv];
        for (int v = 0; v < nv; v++) {
            theta[v] = Math.acos(Math.max(-1, Math.min(1, vertices[v][2] / radius)));
            cosPhi[v] = Math.cos(Math.atan2(vertices[v][1], vertices[v][0]));
        }
        double[][][] k = new double[levels][nv][nv];
        for (int n = 0; n < levels; n++) {
            for (int m = -n; m <= n; m++) {
                double norm2 = (2 * n + 1) / (4 * Math.PI) * factorialRatio(n - m, n + m);
                double[] p = new double[nv];
                for (int v = 0; v < nv; v++) {
                    p[v] = legendre(n, m, cosPhi[v]);
                }
                for (int u = 0; u < nv; u++) {
                    for (int v = 0; v < nv; v++) {
                        k[n][u][v] += norm2 * p[u] * p[v] * Math.cos(m * (theta[u] + theta[v]));
                    }
                }
            }
        }
        return k;
    }

    /** a! / b! */
    private static double factorialRatio(int a, int b) {
        double r = 1;
        for (int i = Math.min(a, b) + 1; i <= Math.max(a, b); i++) {
            r *= i;
        }
        return a >= b ? r : 1 / r;
    }

    /**
     * The associated Legendre function P_n^m(x) with the Condon-Shortley phase (SciPy {@code lpmv}); negative m
     * through P_n^{-m} = (-1)^m (n-m)!/(n+m)! P_n^m.
     */
    static double legendre(int n, int m, double x) {
        if (m < 0) {
            int k = -m;
            return ((k % 2 == 0) ? 1 : -1) * factorialRatio(n - k, n + k) * legendre(n, k, x);
        }
        double pmm = 1;
        double somx2 = Math.sqrt((1 - x) * (1 + x));
        double fact = 1;
        for (int i = 1; i <= m; i++) {
            pmm *= -fact * somx2;
            fact += 2;
        }
        if (n == m) {
            return pmm;
        }
        double pmmp1 = x * (2 * m + 1) * pmm;
        if (n == m + 1) {
            return pmmp1;
        }
        double pnm = 0;
        for (int l = m + 2; l <= n; l++) {
            pnm = (x * (2 * l - 1) * pmmp1 - (l + m - 1) * pmm) / (l - m);
            pmm = pmmp1;
            pmmp1 = pnm;
        }
        return pnm;
    }
}
