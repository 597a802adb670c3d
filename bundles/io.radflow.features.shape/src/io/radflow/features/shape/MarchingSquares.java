package io.radflow.features.shape;

import java.util.Arrays;

/**
 * Marching squares on a padded binary plane with iso-level 0.5, as PyRadiomics' {@code calculate_coefficients2D}
 * runs it. Vertices lie halfway between a pixel inside and one outside; each 2x2 square contributes the segments
 * of its corner configuration, generated from the algorithm: walking the square's corners p0 (0,0), p1 (0,1),
 * p2 (1,1), p3 (1,0) (row, column) cyclically, each run of inside corners gives one segment from the edge where
 * the walk enters the run to the edge where it leaves it, so two diagonal inside corners stay apart. Stateless.
 */
final class MarchingSquares {

    private static final int[][] CORNERS = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};

    /** Midpoint of edge e (between corners e and e + 1), doubled (row, column). */
    private static final int[][] MIDPOINTS2 = new int[4][2];

    /** SEGMENTS[c]: edge pairs of configuration c. */
    private static final int[][] SEGMENTS = new int[16][];

    static {
        for (int e = 0; e < 4; e++) {
            for (int d = 0; d < 2; d++) {
                MIDPOINTS2[e][d] = CORNERS[e][d] + CORNERS[(e + 1) % 4][d];
            }
        }
        for (int c = 0; c < 16; c++) {
            int[] out = new int[4];
            int n = 0;
            for (int i = 0; i < 4; i++) {
                int previous = (i + 3) % 4;
                if ((c & (1 << i)) == 0 || (c & (1 << previous)) != 0) {
                    continue;
                }
                int j = i;
                while ((c & (1 << ((j + 1) % 4))) != 0) {
                    j = (j + 1) % 4;
                }
                out[n++] = previous; // edge previous -> i
                out[n++] = j; // edge j -> j + 1
            }
            SEGMENTS[c] = Arrays.copyOf(out, n);
        }
    }

    private MarchingSquares() {
    }

    /**
     * Perimeter (mm), enclosed area (mm^2) and maximum diameter (mm) of the contour of {@code inside} (rows x
     * columns, row-major, padded with empty pixels), for pixel spacing {@code rowSpacing} x {@code colSpacing}.
     * The area is {@code \frac{1}{2} \sum_i a_i \times b_i} over the segments (a_i, b_i) (signed triangles with
     * the origin), the perimeter {@code \sum_i |a_i - b_i|}, the diameter the largest distance between vertices.
     */
    static double[] perimeterAreaDiameter(boolean[] inside, int rows, int cols, double rowSpacing, double colSpacing) {
        double perimeter = 0;
        double area = 0;
        for (int r = 0; r < rows - 1; r++) {
            for (int c = 0; c < cols - 1; c++) {
                int config = 0;
                for (int k = 0; k < 4; k++) {
                    if (inside[(r + CORNERS[k][0]) * cols + c + CORNERS[k][1]]) {
                        config |= 1 << k;
                    }
                }
                int[] segments = SEGMENTS[config];
                for (int s = 0; s < segments.length; s += 2) {
                    int[] a = MIDPOINTS2[segments[s]];
                    int[] b = MIDPOINTS2[segments[s + 1]];
                    double ar = (r + 0.5 * a[0]) * rowSpacing;
                    double ac = (c + 0.5 * a[1]) * colSpacing;
                    double br = (r + 0.5 * b[0]) * rowSpacing;
                    double bc = (c + 0.5 * b[1]) * colSpacing;
                    area += ar * bc - br * ac;
                    perimeter += Math.hypot(ar - br, ac - bc);
                }
            }
        }
        return new double[] {perimeter, area / 2, diameter(inside, rows, cols, rowSpacing, colSpacing)};
    }

    /**
     * The largest distance between two contour vertices (midpoints of pixel edges whose pixels differ). Only
     * the first and last vertex of each doubled-coordinate row can be part of the farthest pair.
     */
    private static double diameter(boolean[] inside, int rows, int cols, double rowSpacing, double colSpacing) {
        int lines = 2 * rows + 1;
        int[] min = new int[lines];
        int[] max = new int[lines];
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, Integer.MIN_VALUE);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean here = inside[r * cols + c];
                if (c + 1 < cols && here != inside[r * cols + c + 1]) {
                    add(min, max, 2 * r, 2 * c + 1);
                }
                if (r + 1 < rows && here != inside[(r + 1) * cols + c]) {
                    add(min, max, 2 * r + 1, 2 * c);
                }
            }
        }
        double[] pr = new double[2 * lines];
        double[] pc = new double[2 * lines];
        int n = 0;
        for (int l = 0; l < lines; l++) {
            if (min[l] <= max[l]) {
                pr[n] = 0.5 * l * rowSpacing;
                pc[n++] = 0.5 * min[l] * colSpacing;
                pr[n] = 0.5 * l * rowSpacing;
                pc[n++] = 0.5 * max[l] * colSpacing;
            }
        }
        double best = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dr = pr[i] - pr[j];
                double dc = pc[i] - pc[j];
                best = Math.max(best, dr * dr + dc * dc);
            }
        }
        return Math.sqrt(best);
    }

    private static void add(int[] min, int[] max, int line, int position) {
        min[line] = Math.min(min[line], position);
        max[line] = Math.max(max[line], position);
    }
}
