package io.radflow.filters.pyradiomics;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PyRadiomics' {@code getLBP2DImage}: scikit-image's {@code local_binary_pattern(slice, P, R, method)} applied to
 * every slice perpendicular to {@code force2Ddimension} (0 = axial: slices of constant z, rows y, columns x;
 * 1: constant y; 2: constant x, in NumPy's z, y, x axis order as PyRadiomics uses it).
 *
 * <p>Per pixel (r, c) with grey value g_c, P neighbours at row {@code r + round(-R sin(2 pi p / P), 5)} and column
 * {@code c + round(R cos(2 pi p / P), 5)}, p = 0..P-1, are read by bilinear interpolation (0 outside the slice),
 * and s_p = 1 when g_p - g_c >= 0 else 0. Methods (scikit-image):
 * <ul>
 * <li>{@code default}: sum_p s_p 2^p;</li>
 * <li>{@code ror}: the smallest value of the P-bit pattern over its cyclic right rotations;</li>
 * <li>{@code uniform}: with U = sum_{p=0}^{P-2} |s_p - s_{p+1}| (scikit-image counts the P-1 non-wrapping
 * transitions), sum_p s_p when U <= 2, else P + 1;</li>
 * <li>{@code nri_uniform}: the non-rotation-invariant uniform code of scikit-image (0 .. P(P-1)+2).</li>
 * </ul>
 * {@code var} is not available. Derived name {@code lbp-2D}. Reference: Ojala, Pietikainen, Maenpaa (2002),
 * "Multiresolution gray-scale and rotation invariant texture classification with local binary patterns",
 * IEEE TPAMI 24(7).
 */
public final class Lbp2DFilter implements ImageFilter {

    private final double radius;
    private final int samples;
    private final String method;
    private final int sliceAxis;
    private final Parallelism parallelism;

    /**
     * @param radius    lbp2DRadius (PyRadiomics default 1)
     * @param samples   lbp2DSamples P (PyRadiomics' code default 8)
     * @param method    lbp2DMethod: default, ror, uniform or nri_uniform
     * @param sliceAxis force2Ddimension: 0 (axial), 1 or 2
     */
    public Lbp2DFilter(double radius, int samples, String method, int sliceAxis, Parallelism parallelism) {
        if (!(radius > 0) || samples < 1 || samples > 30) {
            throw new IllegalArgumentException("LBP2D: lbp2DRadius must be positive and lbp2DSamples 1..30, got " + radius
                    + ", " + samples);
        }
        String m = method.toLowerCase(Locale.ROOT);
        if (!List.of("default", "ror", "uniform", "nri_uniform").contains(m)) {
            throw new IllegalArgumentException("LBP2D: lbp2DMethod '" + method + "' is not available; use default, ror, "
                    + "uniform or nri_uniform");
        }
        if (sliceAxis < 0 || sliceAxis > 2) {
            throw new IllegalArgumentException("LBP2D: force2Ddimension must be 0, 1 or 2, got " + sliceAxis);
        }
        this.radius = radius;
        this.samples = samples;
        this.method = m;
        this.sliceAxis = sliceAxis;
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "LBP2D";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lbp2DRadius", radius);
        p.put("lbp2DSamples", samples);
        p.put("lbp2DMethod", method);
        p.put("force2Ddimension", sliceAxis);
        return p;
    }

    @Override
    public List<FilteredImage> apply(Image3D image, Mask maskOrNull) {
        ImageGeometry g = image.geometry();
        int[] size = g.size();
        // NumPy axis k (z, y, x) is image axis 2 - k; a slice drops that axis, rows/columns are the other two in
        // NumPy order
        int dropped = 2 - sliceAxis;
        int[] rest = new int[2];
        for (int a = 2, n = 0; a >= 0; a--) {
            if (a != dropped) {
                rest[n++] = a;
            }
        }
        int rowAxis = rest[0];
        int colAxis = rest[1];
        int rows = size[rowAxis];
        int cols = size[colAxis];
        double[] rp = new double[samples];
        double[] cp = new double[samples];
        for (int p = 0; p < samples; p++) {
            double angle = 2 * Math.PI * p / samples;
            rp[p] = round5(-radius * Math.sin(angle));
            cp[p] = round5(radius * Math.cos(angle));
        }
        double[] v = image.voxels();
        double[] out = new double[v.length];
        int[] stride = {1, size[0], size[0] * size[1]};
        parallelism.forEach(size[dropped], s -> {
            double[] slice = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    slice[r * cols + c] = v[s * stride[dropped] + r * stride[rowAxis] + c * stride[colAxis]];
                }
            }
            int[] bits = new int[samples];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double centre = slice[r * cols + c];
                    for (int p = 0; p < samples; p++) {
                        bits[p] = bilinear(slice, rows, cols, r + rp[p], c + cp[p]) - centre >= 0 ? 1 : 0;
                    }
                    out[s * stride[dropped] + r * stride[rowAxis] + c * stride[colAxis]] = code(bits);
                }
            }
        });
        return List.of(new FilteredImage("lbp-2D", Image3D.wrap(g, out)));
    }

    private double code(int[] s) {
        int p = s.length;
        if (method.equals("default") || method.equals("ror")) {
            int value = 0;
            for (int i = 0; i < p; i++) {
                value += s[i] << i;
            }
            if (method.equals("ror")) {
                int best = value;
                int rotated = value;
                for (int i = 1; i < p; i++) {
                    rotated = (rotated >> 1) | ((rotated & 1) << (p - 1));
                    best = Math.min(best, rotated);
                }
                value = best;
            }
            return value;
        }
        int changes = 0;
        for (int i = 0; i < p - 1; i++) {
            changes += Math.abs(s[i] - s[i + 1]);
        }
        if (method.equals("uniform")) {
            if (changes > 2) {
                return p + 1;
            }
            int ones = 0;
            for (int b : s) {
                ones += b;
            }
            return ones;
        }
        if (changes > 2) {
            return p * (p - 1) + 2;
        }
        int ones = 0;
        int firstOne = -1;
        int firstZero = -1;
        for (int i = 0; i < p; i++) {
            if (s[i] == 1) {
                ones++;
                if (firstOne == -1) {
                    firstOne = i;
                }
            } else if (firstZero == -1) {
                firstZero = i;
            }
        }
        if (ones == 0) {
            return 0;
        }
        if (ones == p) {
            return p * (p - 1) + 1;
        }
        int rotIndex = firstOne == 0 ? ones - firstZero : p - firstOne;
        return 1 + (ones - 1) * p + rotIndex;
    }

    /** NumPy's round(x, 5): rint(x * 1e5) / 1e5. */
    private static double round5(double x) {
        return Math.rint(x * 1e5) / 1e5;
    }

    /** scikit-image's bilinear_interpolation with mode 'C' (constant 0 outside). */
    private static double bilinear(double[] slice, int rows, int cols, double r, double c) {
        double minr = Math.floor(r);
        double minc = Math.floor(c);
        double maxr = Math.ceil(r);
        double maxc = Math.ceil(c);
        double dr = r - minr;
        double dc = c - minc;
        double top = (1 - dc) * pixel(slice, rows, cols, minr, minc) + dc * pixel(slice, rows, cols, minr, maxc);
        double bottom = (1 - dc) * pixel(slice, rows, cols, maxr, minc) + dc * pixel(slice, rows, cols, maxr, maxc);
        return (1 - dr) * top + dr * bottom;
    }

    private static double pixel(double[] slice, int rows, int cols, double r, double c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            return 0;
        }
        return slice[(int) r * cols + (int) c];
    }
}
