package io.radflow.features.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marching cubes (Lorensen and Cline 1987) on a binary mask with iso-level 0.5, as PyRadiomics' {@code _cshape}
 * runs it: every vertex lies halfway on a grid edge whose two voxels differ, a cube whose 8th corner is inside
 * is triangulated as its complement (with the sign of its volume contribution flipped), and faces with two
 * diagonal inside corners keep those corners apart (for the cubes triangulated directly).
 *
 * <p>The 256-case triangle table is generated here from the algorithm rather than written out: for each
 * corner configuration, every cube face contributes one oriented segment per run of inside corners (from the
 * vertex where its boundary, walked counter-clockwise as seen from outside the cube, enters the run to the
 * vertex where it leaves it); chaining the segments gives the closed polygons of the case. A polygon whose
 * vertices are not coplanar has several triangulations of different area; each polygon is triangulated as a
 * fan, from the vertex whose fan has the largest area, except for 7-gons, which fan out from the vertex on
 * their mirror axis (the only vertex whose fan area no other vertex shares). This choice reproduces the area
 * and volume of every case of the classic table (Bourke 1994) that PyRadiomics uses, checked case by case.
 * Triangles are oriented with their normals pointing out of the ROI.
 *
 * <p>Corner numbering (x, y, z): 0 (0,0,0), 1 (1,0,0), 2 (1,1,0), 3 (0,1,0), 4 (0,0,1), 5 (1,0,1), 6 (1,1,1),
 * 7 (0,1,1); edge e joins {@link #EDGES}{@code [e]}. Stateless.
 */
final class MarchingCubes {

    static final int[][] CORNERS = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1},
        {0, 1, 1}};

    static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}, {5, 6}, {6, 7}, {7, 4}, {0, 4}, {1, 5},
        {2, 6}, {3, 7}};

    /** The six faces, corners counter-clockwise as seen from outside the cube. */
    private static final int[][] FACES = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4}, {3, 7, 6, 2}, {0, 4, 7, 3},
        {1, 2, 6, 5}};

    /** Edge midpoints in doubled cube coordinates (0, 1 or 2 per axis). */
    private static final int[][] MIDPOINTS2 = new int[12][3];

    /** TRIANGLES[c]: edges of the triangles of configuration c < 128 (3 per triangle). */
    private static final int[][] TRIANGLES = new int[128][];

    static {
        for (int e = 0; e < 12; e++) {
            for (int d = 0; d < 3; d++) {
                MIDPOINTS2[e][d] = CORNERS[EDGES[e][0]][d] + CORNERS[EDGES[e][1]][d];
            }
        }
        for (int c = 0; c < 128; c++) {
            TRIANGLES[c] = triangulate(c);
        }
    }

    private MarchingCubes() {
    }

    /**
     * The triangles of corner configuration {@code config} (bit k set: corner k inside), as edge indices, three
     * per triangle, oriented outwards. Generated for any configuration; the mesh uses it for configurations
     * below 128 only.
     */
    static int[] triangulate(int config) {
        int[] next = new int[12];
        Arrays.fill(next, -1);
        for (int[] face : FACES) {
            for (int i = 0; i < 4; i++) {
                int previous = face[(i + 3) % 4];
                if (!in(config, face[i]) || in(config, previous)) {
                    continue;
                }
                int j = i;
                while (in(config, face[(j + 1) % 4])) {
                    j = (j + 1) % 4;
                }
                next[edge(previous, face[i])] = edge(face[j], face[(j + 1) % 4]);
            }
        }
        List<Integer> triangles = new ArrayList<>();
        boolean[] used = new boolean[12];
        for (int start = 0; start < 12; start++) {
            if (next[start] < 0 || used[start]) {
                continue;
            }
            List<Integer> polygon = new ArrayList<>();
            for (int e = start; !used[e]; e = next[e]) {
                used[e] = true;
                polygon.add(e);
            }
            int m = polygon.size();
            double[] fanAreas = new double[m];
            for (int s = 0; s < m; s++) {
                fanAreas[s] = fanArea(polygon, s);
            }
            int bestStart = 0;
            for (int s = 1; s < m; s++) {
                boolean better = m == 7 ? shared(fanAreas, s) == 1 && shared(fanAreas, bestStart) > 1
                        : fanAreas[s] > fanAreas[bestStart] + 1e-12;
                if (better) {
                    bestStart = s;
                }
            }
            for (int k = 1; k + 1 < m; k++) {
                triangles.add(polygon.get(bestStart));
                triangles.add(polygon.get((bestStart + k) % m));
                triangles.add(polygon.get((bestStart + k + 1) % m));
            }
        }
        return triangles.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double fanArea(List<Integer> polygon, int start) {
        double area = 0;
        int m = polygon.size();
        int[] o = MIDPOINTS2[polygon.get(start)];
        for (int k = 1; k + 1 < m; k++) {
            int[] a = MIDPOINTS2[polygon.get((start + k) % m)];
            int[] b = MIDPOINTS2[polygon.get((start + k + 1) % m)];
            double ux = a[0] - o[0], uy = a[1] - o[1], uz = a[2] - o[2];
            double vx = b[0] - o[0], vy = b[1] - o[1], vz = b[2] - o[2];
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            area += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        return area;
    }

    /** How many fans have the area of fan {@code s} (mirror-image fans share their area). */
    private static int shared(double[] fanAreas, int s) {
        int n = 0;
        for (double a : fanAreas) {
            if (Math.abs(a - fanAreas[s]) < 1e-12) {
                n++;
            }
        }
        return n;
    }

    private static boolean in(int config, int corner) {
        return (config & (1 << corner)) != 0;
    }

    private static int edge(int a, int b) {
        for (int e = 0; e < 12; e++) {
            if ((EDGES[e][0] == a && EDGES[e][1] == b) || (EDGES[e][0] == b && EDGES[e][1] == a)) {
                return e;
            }
        }
        throw new IllegalArgumentException("corners " + a + " and " + b + " share no edge");
    }

    /**
     * Surface area (mm^2) and enclosed volume (mm^3) of the marching-cubes mesh of {@code mask}. The volume is
     * the sum of the signed volumes of the tetrahedra spanned by each triangle and the origin,
     * {@code V = \sum_i (a_i \cdot (b_i \times c_i)) / 6}; the area is {@code A = \sum_i |(a_i - c_i) \times
     * (b_i - c_i)| / 2}.
     */
    static double[] areaAndVolume(CroppedMask mask) {
        double sx = mask.spacing(0);
        double sy = mask.spacing(1);
        double sz = mask.spacing(2);
        int nx = mask.nx();
        int ny = mask.ny();
        int nz = mask.nz();
        int[] cornerOffset = new int[8];
        for (int k = 0; k < 8; k++) {
            cornerOffset[k] = CORNERS[k][0] + nx * (CORNERS[k][1] + ny * CORNERS[k][2]);
        }
        double area = 0;
        double volume = 0;
        double[] p = new double[9];
        for (int z = 0; z < nz - 1; z++) {
            for (int y = 0; y < ny - 1; y++) {
                int base = nx * (y + ny * z);
                for (int x = 0; x < nx - 1; x++) {
                    int config = 0;
                    for (int k = 0; k < 8; k++) {
                        if (mask.inside(base + x + cornerOffset[k])) {
                            config |= 1 << k;
                        }
                    }
                    if (config == 0 || config == 0xFF) {
                        continue;
                    }
                    double sign = 1;
                    if ((config & 0x80) != 0) {
                        config ^= 0xFF;
                        sign = -1;
                    }
                    int[] triangles = TRIANGLES[config];
                    for (int t = 0; t < triangles.length; t += 3) {
                        for (int v = 0; v < 3; v++) {
                            int[] m = MIDPOINTS2[triangles[t + v]];
                            p[3 * v] = (x + 0.5 * m[0]) * sx;
                            p[3 * v + 1] = (y + 0.5 * m[1]) * sy;
                            p[3 * v + 2] = (z + 0.5 * m[2]) * sz;
                        }
                        // a . (b x c)
                        volume += sign * (p[0] * (p[4] * p[8] - p[5] * p[7]) + p[1] * (p[5] * p[6] - p[3] * p[8])
                                + p[2] * (p[3] * p[7] - p[4] * p[6]));
                        double ax = p[0] - p[6];
                        double ay = p[1] - p[7];
                        double az = p[2] - p[8];
                        double bx = p[3] - p[6];
                        double by = p[4] - p[7];
                        double bz = p[5] - p[8];
                        double cx = ay * bz - az * by;
                        double cy = az * bx - ax * bz;
                        double cz = ax * by - ay * bx;
                        area += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
                    }
                }
            }
        }
        return new double[] {area, volume / 6};
    }

    /**
     * The mesh vertices: the midpoint of every grid edge whose two voxels differ, in doubled box coordinates
     * (x2, y2, z2 triplets; the physical position along an axis is {@code 0.5 * c2 * spacing}).
     */
    static int[] vertices(CroppedMask mask) {
        int nx = mask.nx();
        int ny = mask.ny();
        int nz = mask.nz();
        int[] out = new int[3 * 64];
        int n = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    boolean here = mask.inside(x, y, z);
                    for (int axis = 0; axis < 3; axis++) {
                        int dx = axis == 0 ? 1 : 0;
                        int dy = axis == 1 ? 1 : 0;
                        int dz = axis == 2 ? 1 : 0;
                        if (here != mask.inside(x + dx, y + dy, z + dz)) {
                            if (n + 3 > out.length) {
                                out = Arrays.copyOf(out, 2 * out.length);
                            }
                            out[n++] = 2 * x + dx;
                            out[n++] = 2 * y + dy;
                            out[n++] = 2 * z + dz;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
