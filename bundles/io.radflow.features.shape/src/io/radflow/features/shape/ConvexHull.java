package io.radflow.features.shape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The 3D convex hull of points with integer coordinates, built incrementally with exact integer predicates (so
 * the many coplanar points of a voxel mesh cause no robustness problems), then measured in physical units by
 * scaling each axis with its spacing (an axis scaling maps the hull onto the hull of the scaled points).
 * Immutable.
 *
 * <p>Used for IBSI's convex-hull densities and for the maximum diameters (the farthest pair of a point set is
 * a pair of hull vertices).
 */
final class ConvexHull {

    private final long[] px;
    private final long[] py;
    private final long[] pz;
    /** Hull triangles, three point indices each, counter-clockwise as seen from outside. */
    private final int[] faces;

    private ConvexHull(long[] px, long[] py, long[] pz, int[] faces) {
        this.px = px;
        this.py = py;
        this.pz = pz;
        this.faces = faces;
    }

    /**
     * The hull of the points {@code (x[i], y[i], z[i])}.
     *
     * @throws IllegalArgumentException when all points lie in one plane (the hull has no volume)
     */
    static ConvexHull of(long[] x, long[] y, long[] z) {
        int n = x.length;
        if (n < 4) {
            throw new IllegalArgumentException("A 3D convex hull needs at least 4 points, got " + n);
        }
        int a = 0;
        for (int i = 1; i < n; i++) {
            if (x[i] < x[a] || (x[i] == x[a] && (y[i] < y[a] || (y[i] == y[a] && z[i] < z[a])))) {
                a = i;
            }
        }
        int b = -1;
        long best = 0;
        for (int i = 0; i < n; i++) {
            long d = sq(x[i] - x[a]) + sq(y[i] - y[a]) + sq(z[i] - z[a]);
            if (d > best) {
                best = d;
                b = i;
            }
        }
        int c = -1;
        best = 0;
        for (int i = 0; b >= 0 && i < n; i++) {
            long cx = (y[b] - y[a]) * (z[i] - z[a]) - (z[b] - z[a]) * (y[i] - y[a]);
            long cy = (z[b] - z[a]) * (x[i] - x[a]) - (x[b] - x[a]) * (z[i] - z[a]);
            long cz = (x[b] - x[a]) * (y[i] - y[a]) - (y[b] - y[a]) * (x[i] - x[a]);
            long d = sq(cx) + sq(cy) + sq(cz);
            if (d > best) {
                best = d;
                c = i;
            }
        }
        int d = -1;
        best = 0;
        for (int i = 0; c >= 0 && i < n; i++) {
            long o = Math.abs(orient(x, y, z, a, b, c, i));
            if (o > best) {
                best = o;
                d = i;
            }
        }
        if (d < 0) {
            throw new IllegalArgumentException("All " + n + " points lie in one plane: the convex hull has no volume");
        }
        List<int[]> live = new ArrayList<>();
        if (orient(x, y, z, a, b, c, d) > 0) {
            int t = b;
            b = c;
            c = t;
        }
        live.add(new int[] {a, b, c});
        live.add(new int[] {a, d, b});
        live.add(new int[] {b, d, c});
        live.add(new int[] {c, d, a});
        Set<Long> edges = new HashSet<>();
        List<int[]> kept = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (p == a || p == b || p == c || p == d) {
                continue;
            }
            edges.clear();
            kept.clear();
            for (int[] f : live) {
                if (orient(x, y, z, f[0], f[1], f[2], p) > 0) {
                    edges.add(key(f[0], f[1]));
                    edges.add(key(f[1], f[2]));
                    edges.add(key(f[2], f[0]));
                } else {
                    kept.add(f);
                }
            }
            if (edges.isEmpty()) {
                continue;
            }
            for (long e : edges) {
                int u = (int) (e >>> 32);
                int v = (int) e;
                if (!edges.contains(key(v, u))) {
                    kept.add(new int[] {u, v, p});
                }
            }
            List<int[]> swap = live;
            live = kept;
            kept = swap;
        }
        int[] faces = new int[3 * live.size()];
        for (int i = 0; i < live.size(); i++) {
            System.arraycopy(live.get(i), 0, faces, 3 * i, 3);
        }
        return new ConvexHull(x.clone(), y.clone(), z.clone(), faces);
    }

    private static long key(int u, int v) {
        return ((long) u << 32) | (v & 0xFFFFFFFFL);
    }

    private static long sq(long v) {
        return v * v;
    }

    /** {@code (b - a) x (c - a) . (p - a)}: positive when p lies on the side the normal of (a, b, c) points to. */
    private static long orient(long[] x, long[] y, long[] z, int a, int b, int c, int p) {
        long bx = x[b] - x[a];
        long by = y[b] - y[a];
        long bz = z[b] - z[a];
        long cx = x[c] - x[a];
        long cy = y[c] - y[a];
        long cz = z[c] - z[a];
        long qx = x[p] - x[a];
        long qy = y[p] - y[a];
        long qz = z[p] - z[a];
        return (by * cz - bz * cy) * qx + (bz * cx - bx * cz) * qy + (bx * cy - by * cx) * qz;
    }

    /** Number of hull triangles. */
    int faceCount() {
        return faces.length / 3;
    }

    /** Indices (into the input points) of the hull vertices, ascending. */
    int[] vertexIndices() {
        return java.util.Arrays.stream(faces).distinct().sorted().toArray();
    }

    /** The largest distance between two hull vertices after scaling the axes by {@code scale} (x, y, z). */
    double diameter(double[] scale) {
        int[] v = vertexIndices();
        double best = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = i + 1; j < v.length; j++) {
                double dx = (px[v[i]] - px[v[j]]) * scale[0];
                double dy = (py[v[i]] - py[v[j]]) * scale[1];
                double dz = (pz[v[i]] - pz[v[j]]) * scale[2];
                best = Math.max(best, dx * dx + dy * dy + dz * dz);
            }
        }
        return Math.sqrt(best);
    }

    /** Volume of the hull after scaling the axes by {@code scale} (x, y, z). */
    double volume(double[] scale) {
        double sum = 0;
        int o = faces[0];
        for (int f = 0; f < faces.length; f += 3) {
            double ax = (px[faces[f]] - px[o]) * scale[0];
            double ay = (py[faces[f]] - py[o]) * scale[1];
            double az = (pz[faces[f]] - pz[o]) * scale[2];
            double bx = (px[faces[f + 1]] - px[o]) * scale[0];
            double by = (py[faces[f + 1]] - py[o]) * scale[1];
            double bz = (pz[faces[f + 1]] - pz[o]) * scale[2];
            double cx = (px[faces[f + 2]] - px[o]) * scale[0];
            double cy = (py[faces[f + 2]] - py[o]) * scale[1];
            double cz = (pz[faces[f + 2]] - pz[o]) * scale[2];
            sum += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        }
        return sum / 6;
    }

    /** Surface area of the hull after scaling the axes by {@code scale} (x, y, z). */
    double area(double[] scale) {
        double sum = 0;
        for (int f = 0; f < faces.length; f += 3) {
            int a = faces[f];
            double ux = (px[faces[f + 1]] - px[a]) * scale[0];
            double uy = (py[faces[f + 1]] - py[a]) * scale[1];
            double uz = (pz[faces[f + 1]] - pz[a]) * scale[2];
            double vx = (px[faces[f + 2]] - px[a]) * scale[0];
            double vy = (py[faces[f + 2]] - py[a]) * scale[1];
            double vz = (pz[faces[f + 2]] - pz[a]) * scale[2];
            double cx = uy * vz - uz * vy;
            double cy = uz * vx - ux * vz;
            double cz = ux * vy - uy * vx;
            sum += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        return sum;
    }
}
