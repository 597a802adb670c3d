package io.radflow.image.resample;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

/**
 * How an image is evaluated between voxel centres, at a continuous index {@code (i, j, k)} (voxel centres at integer
 * indices). The names follow SimpleITK's {@code sitkNearestNeighbor}, {@code sitkLinear} and {@code sitkBSpline}
 * (IBSI-1 section "Interpolation", VTM2: nearest neighbour, trilinear, tricubic spline).
 */
public enum Interpolator {

    /**
     * Nearest neighbour (ITK {@code NearestNeighborInterpolateImageFunction}): the voxel at
     * {@code floor(i + 0.5)} per axis (half-integers round up), clamped to the grid.
     */
    NEAREST,

    /**
     * Trilinear (ITK {@code LinearInterpolateImageFunction}): with {@code i0 = floor(i)} and {@code t = i - i0},
     * {@code f = sum over the 8 corners of prod_a ((1 - t_a) or t_a) * v(corner)}; corner indices beyond the last
     * voxel are clamped to it (edge padding). Exact for functions linear along each axis.
     */
    LINEAR,

    /**
     * Cubic B-spline interpolation as SimpleITK's {@code sitkBSpline} does it (ITK
     * {@code BSplineInterpolateImageFunction}, spline order 3, with the coefficients of
     * {@code BSplineDecompositionImageFilter}). The image is first turned into B-spline coefficients {@code c} so
     * that {@code sum_k c[k] beta3(i - k)} passes through every sample (Unser, IEEE Signal Processing Magazine 16(6),
     * 1999, Box 2): per axis a gain of 6 and one causal and one anti-causal recursive filter with pole
     * {@code z = sqrt(3) - 2}, mirror-symmetric boundaries (the causal start sums {@code z^n c[n]} over the first
     * 18 samples, ITK's horizon for tolerance 1e-10, or uses the closed mirror form for shorter lines; the
     * anti-causal start is {@code c[N-1] = z / (z^2 - 1) (z c[N-2] + c[N-1])}; axes of length 1 are left as they
     * are). Evaluation at {@code i} uses the 4 coefficients {@code floor(i) - 1 .. floor(i) + 2} per axis with the
     * cubic B-spline weights of {@code t = i - floor(i)}: {@code w3 = t^3/6}, {@code w0 = 1/6 + t(t-1)/2 - w3},
     * {@code w2 = t + w0 - 2 w3}, {@code w1 = 1 - w0 - w2 - w3}; coefficient indices outside the grid are mirrored
     * ({@code -k}, {@code 2(N-1) - k}). Interpolating: the samples are reproduced at voxel centres; cubic
     * polynomials are reproduced away from the boundaries.
     */
    BSPLINE;

    /** Evaluates one image at continuous indices; thread-safe. */
    public interface Sampler {
        /** The interpolated value at continuous index (i, j, k), which should lie within [-0.5, n - 0.5) per axis. */
        double at(double i, double j, double k);
    }

    /**
     * A sampler of {@code image} (for {@link #BSPLINE} this computes the coefficients once).
     *
     * @throws IllegalArgumentException when the image holds NaN or infinite values and the interpolator mixes voxels
     */
    public Sampler sampler(Image3D image) {
        ImageGeometry g = image.geometry();
        int nx = g.sizeX();
        int ny = g.sizeY();
        int nz = g.sizeZ();
        return switch (this) {
            case NEAREST -> (i, j, k) -> image.get(clamp(floorHalfUp(i), nx), clamp(floorHalfUp(j), ny),
                    clamp(floorHalfUp(k), nz));
            case LINEAR -> linear(image.voxels(), nx, ny, nz);
            case BSPLINE -> bspline(BSplineCoefficients.of(image.voxels(), nx, ny, nz), nx, ny, nz);
        };
    }

    /** SimpleITK's name of this interpolator ({@code sitkNearestNeighbor}, {@code sitkLinear}, {@code sitkBSpline}). */
    public String simpleItkName() {
        return switch (this) {
            case NEAREST -> "sitkNearestNeighbor";
            case LINEAR -> "sitkLinear";
            case BSPLINE -> "sitkBSpline";
        };
    }

    /**
     * The interpolator named {@code name}: {@code nearest}, {@code linear} or {@code bspline} (any case), or
     * SimpleITK's names {@code sitkNearestNeighbor}, {@code sitkLinear}, {@code sitkBSpline}.
     */
    public static Interpolator parse(String name) {
        String n = name.trim();
        for (Interpolator interpolator : values()) {
            if (interpolator.name().equalsIgnoreCase(n) || interpolator.simpleItkName().equalsIgnoreCase(n)) {
                return interpolator;
            }
        }
        if (n.equalsIgnoreCase("trilinear")) {
            return LINEAR;
        }
        throw new IllegalArgumentException("unknown interpolator '" + name
                + "'; known: nearest, linear, bspline (or sitkNearestNeighbor, sitkLinear, sitkBSpline)");
    }

    private static int floorHalfUp(double x) {
        return (int) Math.floor(x + 0.5);
    }

    static int clamp(int index, int n) {
        return index < 0 ? 0 : (index >= n ? n - 1 : index);
    }

    private static Sampler linear(double[] v, int nx, int ny, int nz) {
        return (i, j, k) -> {
            int x0 = (int) Math.floor(i);
            int y0 = (int) Math.floor(j);
            int z0 = (int) Math.floor(k);
            double tx = i - x0;
            double ty = j - y0;
            double tz = k - z0;
            int xa = clamp(x0, nx);
            int xb = clamp(x0 + 1, nx);
            int ya = clamp(y0, ny) * nx;
            int yb = clamp(y0 + 1, ny) * nx;
            int za = clamp(z0, nz) * nx * ny;
            int zb = clamp(z0 + 1, nz) * nx * ny;
            double c00 = v[xa + ya + za] * (1 - tx) + v[xb + ya + za] * tx;
            double c10 = v[xa + yb + za] * (1 - tx) + v[xb + yb + za] * tx;
            double c01 = v[xa + ya + zb] * (1 - tx) + v[xb + ya + zb] * tx;
            double c11 = v[xa + yb + zb] * (1 - tx) + v[xb + yb + zb] * tx;
            double c0 = c00 * (1 - ty) + c10 * ty;
            double c1 = c01 * (1 - ty) + c11 * ty;
            return c0 * (1 - tz) + c1 * tz;
        };
    }

    private static Sampler bspline(double[] c, int nx, int ny, int nz) {
        int plane = nx * ny;
        return (i, j, k) -> {
            double[] wx = new double[4];
            double[] wy = new double[4];
            double[] wz = new double[4];
            int[] ix = new int[4];
            int[] iy = new int[4];
            int[] iz = new int[4];
            support(i, nx, wx, ix, 1);
            support(j, ny, wy, iy, nx);
            support(k, nz, wz, iz, plane);
            double sum = 0;
            for (int c3 = 0; c3 < 4; c3++) {
                double partialZ = 0;
                for (int b = 0; b < 4; b++) {
                    int row = iz[c3] + iy[b];
                    double partialY = wx[0] * c[row + ix[0]] + wx[1] * c[row + ix[1]] + wx[2] * c[row + ix[2]]
                            + wx[3] * c[row + ix[3]];
                    partialZ += wy[b] * partialY;
                }
                sum += wz[c3] * partialZ;
            }
            return sum;
        };
    }

    /** Cubic B-spline weights and mirrored, stride-scaled coefficient offsets along one axis. */
    private static void support(double x, int n, double[] w, int[] offset, int stride) {
        int base = (int) Math.floor(x);
        double t = x - base;
        w[3] = t * t * t / 6.0;
        w[0] = 1.0 / 6.0 + 0.5 * t * (t - 1.0) - w[3];
        w[2] = t + w[0] - 2.0 * w[3];
        w[1] = 1.0 - w[0] - w[2] - w[3];
        for (int m = 0; m < 4; m++) {
            offset[m] = BSplineCoefficients.mirror(base - 1 + m, n) * stride;
        }
    }
}
