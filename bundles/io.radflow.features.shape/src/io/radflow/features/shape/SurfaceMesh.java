package io.radflow.features.shape;

import java.util.Arrays;

/**
 * The marching-cubes surface of a mask ({@link MarchingCubes}) and the measures taken from it: area, volume,
 * vertices, maximum diameters and convex hull. Immutable; diameters and hull are computed on first use.
 */
final class SurfaceMesh {

    private final CroppedMask mask;
    private final double area;
    private final double volume;
    /** Vertices in doubled box coordinates, (x2, y2, z2) triplets. */
    private final int[] vertices;
    private volatile double[] diameters;
    private volatile ConvexHull hull;

    private SurfaceMesh(CroppedMask mask, double area, double volume, int[] vertices) {
        this.mask = mask;
        this.area = area;
        this.volume = volume;
        this.vertices = vertices;
    }

    static SurfaceMesh of(CroppedMask mask) {
        double[] areaVolume = MarchingCubes.areaAndVolume(mask);
        return new SurfaceMesh(mask, areaVolume[0], areaVolume[1], MarchingCubes.vertices(mask));
    }

    /** Mesh surface area A (mm^2). */
    double area() {
        return area;
    }

    /** Mesh volume V (mm^3). */
    double volume() {
        return volume;
    }

    int vertexCount() {
        return vertices.length / 3;
    }

    /** Extent of the vertices along {@code axis} (mm): the side of the axis-aligned bounding box of the mesh. */
    double extent(int axis) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = axis; i < vertices.length; i += 3) {
            min = Math.min(min, vertices[i]);
            max = Math.max(max, vertices[i]);
        }
        return 0.5 * (max - min) * mask.spacing(axis);
    }

    /**
     * The largest vertex distances (mm), as PyRadiomics' {@code calculate_meshDiameter}: {@code [0]} among
     * vertices with the same z (axial slice), {@code [1]} with the same y (coronal, "column"), {@code [2]} with
     * the same x (sagittal, "row"), {@code [3]} among all vertices.
     *
     * <p>Exact but fast: a vertex that lies strictly between two others on an axis-parallel line is never part
     * of a farthest pair, so each plane keeps only the two end vertices of each of its lines, and the 3D
     * diameter is searched among the convex-hull vertices.
     */
    double[] diameters() {
        double[] d = diameters;
        if (d == null) {
            d = new double[4];
            int nx = 2 * mask.nx() + 1;
            int ny = 2 * mask.ny() + 1;
            int nz = 2 * mask.nz() + 1;
            int[][] minX = filled(nz, ny, Integer.MAX_VALUE);
            int[][] maxX = filled(nz, ny, Integer.MIN_VALUE);
            int[][] minY = filled(nz, nx, Integer.MAX_VALUE);
            int[][] maxY = filled(nz, nx, Integer.MIN_VALUE);
            for (int i = 0; i < vertices.length; i += 3) {
                int x = vertices[i];
                int y = vertices[i + 1];
                int z = vertices[i + 2];
                minX[z][y] = Math.min(minX[z][y], x);
                maxX[z][y] = Math.max(maxX[z][y], x);
                minY[z][x] = Math.min(minY[z][x], y);
                maxY[z][x] = Math.max(maxY[z][x], y);
            }
            double hx = 0.5 * mask.spacing(0);
            double hy = 0.5 * mask.spacing(1);
            double hz = 0.5 * mask.spacing(2);
            // same z: ends of the x-lines of each slice, coordinates (x, y)
            for (int z = 0; z < nz; z++) {
                d[0] = Math.max(d[0], planeDiameter(minX[z], maxX[z], hx, hy));
            }
            // same y: ends of the x-lines of each coronal plane, coordinates (x, z)
            for (int y = 0; y < ny; y++) {
                d[1] = Math.max(d[1], planeDiameter(column(minX, y), column(maxX, y), hx, hz));
            }
            // same x: ends of the y-lines of each sagittal plane, coordinates (y, z)
            for (int x = 0; x < nx; x++) {
                d[2] = Math.max(d[2], planeDiameter(column(minY, x), column(maxY, x), hy, hz));
            }
            d[3] = convexHull().diameter(halfSpacing());
            diameters = d;
        }
        return d.clone();
    }

    private static int[][] filled(int rows, int columns, int value) {
        int[][] out = new int[rows][columns];
        for (int[] row : out) {
            Arrays.fill(row, value);
        }
        return out;
    }

    private static int[] column(int[][] table, int c) {
        int[] out = new int[table.length];
        for (int r = 0; r < table.length; r++) {
            out[r] = table[r][c];
        }
        return out;
    }

    /**
     * Largest distance among the points (min[l], l) and (max[l], l) of the lines l with points; the first
     * coordinate is scaled by {@code ha}, the line coordinate by {@code hb}.
     */
    private static double planeDiameter(int[] min, int[] max, double ha, double hb) {
        int n = 0;
        double[] a = new double[2 * min.length];
        double[] b = new double[2 * min.length];
        for (int l = 0; l < min.length; l++) {
            if (min[l] <= max[l]) {
                a[n] = min[l] * ha;
                b[n++] = l * hb;
                if (max[l] != min[l]) {
                    a[n] = max[l] * ha;
                    b[n++] = l * hb;
                }
            }
        }
        double best = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double da = a[i] - a[j];
                double db = b[i] - b[j];
                best = Math.max(best, da * da + db * db);
            }
        }
        return Math.sqrt(best);
    }

    /** The convex hull of the mesh vertices (in doubled box coordinates; scale by {@link #halfSpacing()}). */
    ConvexHull convexHull() {
        ConvexHull h = hull;
        if (h == null) {
            long[][] p = hullInput();
            h = ConvexHull.of(p[0], p[1], p[2]);
            hull = h;
        }
        return h;
    }

    /** Half the voxel spacing: the size of one doubled-coordinate step along x, y, z (mm). */
    double[] halfSpacing() {
        return new double[] {0.5 * mask.spacing(0), 0.5 * mask.spacing(1), 0.5 * mask.spacing(2)};
    }

    /**
     * The vertices that can be hull vertices: those at an end of their x-, y- and z-line (any other vertex lies
     * between two vertices on a line), as coordinate arrays x, y, z.
     */
    private long[][] hullInput() {
        int nx = 2 * mask.nx() + 1;
        int ny = 2 * mask.ny() + 1;
        int nz = 2 * mask.nz() + 1;
        int[][][] ends = {filled(ny * nz, 2, -1), filled(nx * nz, 2, -1), filled(nx * ny, 2, -1)};
        for (int[][] e : ends) {
            for (int[] pair : e) {
                pair[0] = Integer.MAX_VALUE;
                pair[1] = Integer.MIN_VALUE;
            }
        }
        for (int i = 0; i < vertices.length; i += 3) {
            int x = vertices[i];
            int y = vertices[i + 1];
            int z = vertices[i + 2];
            update(ends[0][y + ny * z], x);
            update(ends[1][x + nx * z], y);
            update(ends[2][x + nx * y], z);
        }
        int n = 0;
        long[][] out = new long[3][vertexCount()];
        for (int i = 0; i < vertices.length; i += 3) {
            int x = vertices[i];
            int y = vertices[i + 1];
            int z = vertices[i + 2];
            if (isEnd(ends[0][y + ny * z], x) && isEnd(ends[1][x + nx * z], y) && isEnd(ends[2][x + nx * y], z)) {
                out[0][n] = x;
                out[1][n] = y;
                out[2][n++] = z;
            }
        }
        return new long[][] {Arrays.copyOf(out[0], n), Arrays.copyOf(out[1], n), Arrays.copyOf(out[2], n)};
    }

    private static void update(int[] pair, int v) {
        pair[0] = Math.min(pair[0], v);
        pair[1] = Math.max(pair[1], v);
    }

    private static boolean isEnd(int[] pair, int v) {
        return v == pair[0] || v == pair[1];
    }
}
