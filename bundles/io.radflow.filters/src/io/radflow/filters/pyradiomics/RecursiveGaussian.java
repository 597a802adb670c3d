package io.radflow.filters.pyradiomics;

import io.radflow.filters.SeparableConvolution.LineOperation;

/**
 * The recursive (IIR) approximation of convolution with a Gaussian or its first or second derivative along one
 * line, as ITK's {@code itk::RecursiveGaussianImageFilter} (used by SimpleITK's
 * {@code LaplacianRecursiveGaussianImageFilter}) computes it: Deriche's fourth-order causal + anti-causal
 * recursion, with the exponential-series parameters of Farneback and Westin (2006), "Improving Deriche-style
 * recursive Gaussian filters", Table 3:
 *
 * <pre>
 * a1 = {1.3530, -0.6724, -1.3563}, b1 = {1.8151, -3.4327, 5.2318}, w1 = 0.6681, l1 = -1.3932  (orders 0, 1, 2)
 * a2 = {-0.3531, 0.6724, 0.3446},  b2 = {0.0902, 0.6100, -2.2355}, w2 = 2.0787, l2 = -1.3732
 * </pre>
 *
 * With {@code s = sigma / spacing} (sigma in voxels), the denominator is
 * {@code d4 = e1^2 e2^2, d3 = -2 cos1 e1 e2^2 - 2 cos2 e2 e1^2, d2 = 4 cos1 cos2 e1 e2 + e1^2 + e2^2,
 * d1 = -2 (e2 cos2 + e1 cos1)} with {@code e_i = exp(l_i / s)}, {@code cos_i = cos(w_i / s)}; the causal
 * numerator {@code n0..n3} follows Deriche's formula for each (a, b) pair. The numerator is scaled so that the
 * impulse response sums to 1 (order 0), has first moment -1 (order 1; spacing sign as ITK) or second moment
 * giving a unit second difference (order 2, after subtracting the multiple {@code beta} of the order-0 response
 * that makes its sum 0). With {@code normalizeAcrossScale} the order-1 response is multiplied by sigma and the
 * order-2 response by sigma^2 (sigma in mm, as ITK). The anti-causal numerator is {@code m_i = n_i - d_i n0}
 * (symmetric, orders 0 and 2) or its negative (order 1), {@code m4 = -d4 n0}.
 *
 * <p>Borders: the line is taken to continue with its first (last) value to infinity, which ITK implements with
 * the boundary coefficients {@code bn_i = d_i SN / SD} and {@code bm_i = d_i SM / SD}. The result is in units
 * per voxel (per voxel^2 for order 2): callers divide by the spacing (squared) for per-mm derivatives, as
 * {@code itk::LaplacianRecursiveGaussianImageFilter} does.
 *
 * <p>Immutable and thread-safe. Lines need at least 4 voxels, as in ITK.
 */
public final class RecursiveGaussian implements LineOperation {

    private static final double[] A1 = {1.3530, -0.6724, -1.3563};
    private static final double[] B1 = {1.8151, -3.4327, 5.2318};
    private static final double W1 = 0.6681;
    private static final double L1 = -1.3932;
    private static final double[] A2 = {-0.3531, 0.6724, 0.3446};
    private static final double[] B2 = {0.0902, 0.6100, -2.2355};
    private static final double W2 = 2.0787;
    private static final double L2 = -1.3732;

    private final double n0, n1, n2, n3;
    private final double m1, m2, m3, m4;
    private final double d1, d2, d3, d4;
    private final double bn1, bn2, bn3, bn4;
    private final double bm1, bm2, bm3, bm4;

    /**
     * @param sigma                sigma in mm (positive)
     * @param spacing              the voxel spacing along the line in mm (positive)
     * @param order                0 (Gaussian), 1 or 2 (derivatives)
     * @param normalizeAcrossScale ITK's NormalizeAcrossScale: multiply derivatives by sigma^order
     */
    public RecursiveGaussian(double sigma, double spacing, int order, boolean normalizeAcrossScale) {
        if (!(sigma > 0) || !(spacing > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma and spacing must be positive, got sigma " + sigma + ", spacing " + spacing);
        }
        if (order < 0 || order > 2) {
            throw new IllegalArgumentException("order must be 0, 1 or 2, got " + order);
        }
        double s = sigma / spacing;
        double cos1 = Math.cos(W1 / s);
        double cos2 = Math.cos(W2 / s);
        double e1 = Math.exp(L1 / s);
        double e2 = Math.exp(L2 / s);
        d4 = e1 * e1 * e2 * e2;
        d3 = -2 * cos1 * e1 * e2 * e2 - 2 * cos2 * e2 * e1 * e1;
        d2 = 4 * cos2 * cos1 * e1 * e2 + e1 * e1 + e2 * e2;
        d1 = -2 * (e2 * cos2 + e1 * cos1);
        double sd = 1 + d1 + d2 + d3 + d4;
        double dd = d1 + 2 * d2 + 3 * d3 + 4 * d4;
        double ed = d1 + 4 * d2 + 9 * d3 + 16 * d4;
        double[] n;
        switch (order) {
            case 0 -> {
                n = numerator(s, 0);
                double sn = n[0] + n[1] + n[2] + n[3];
                double alpha0 = 2 * sn / sd - n[0];
                n = scale(n, 1 / alpha0);
            }
            case 1 -> {
                n = numerator(s, 1);
                double sn = n[0] + n[1] + n[2] + n[3];
                double dn = n[1] + 2 * n[2] + 3 * n[3];
                double alpha1 = 2 * (sn * dd - dn * sd) / (sd * sd);
                n = scale(n, (normalizeAcrossScale ? sigma : 1) / alpha1);
            }
            default -> {
                double[] g0 = numerator(s, 0);
                double[] g2 = numerator(s, 2);
                double sn0 = g0[0] + g0[1] + g0[2] + g0[3];
                double sn2 = g2[0] + g2[1] + g2[2] + g2[3];
                double beta = -(2 * sn2 - sd * g2[0]) / (2 * sn0 - sd * g0[0]);
                n = new double[4];
                for (int i = 0; i < 4; i++) {
                    n[i] = g2[i] + beta * g0[i];
                }
                double sn = n[0] + n[1] + n[2] + n[3];
                double dn = n[1] + 2 * n[2] + 3 * n[3];
                double en = n[1] + 4 * n[2] + 9 * n[3];
                double alpha2 = (en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn) / (sd * sd * sd);
                n = scale(n, (normalizeAcrossScale ? sigma * sigma : 1) / alpha2);
            }
        }
        n0 = n[0];
        n1 = n[1];
        n2 = n[2];
        n3 = n[3];
        double sign = order == 1 ? -1 : 1;
        m1 = sign * (n1 - d1 * n0);
        m2 = sign * (n2 - d2 * n0);
        m3 = sign * (n3 - d3 * n0);
        m4 = sign * (-d4 * n0);
        double sumN = n0 + n1 + n2 + n3;
        double sumM = m1 + m2 + m3 + m4;
        bn1 = d1 * sumN / sd;
        bn2 = d2 * sumN / sd;
        bn3 = d3 * sumN / sd;
        bn4 = d4 * sumN / sd;
        bm1 = d1 * sumM / sd;
        bm2 = d2 * sumM / sd;
        bm3 = d3 * sumM / sd;
        bm4 = d4 * sumM / sd;
    }

    /** Deriche's causal numerator n0..n3 for the exponential-series parameters of {@code order}. */
    private static double[] numerator(double s, int order) {
        double a1 = A1[order];
        double b1 = B1[order];
        double a2 = A2[order];
        double b2 = B2[order];
        double sin1 = Math.sin(W1 / s);
        double sin2 = Math.sin(W2 / s);
        double cos1 = Math.cos(W1 / s);
        double cos2 = Math.cos(W2 / s);
        double e1 = Math.exp(L1 / s);
        double e2 = Math.exp(L2 / s);
        double c0 = a1 + a2;
        double c1 = e2 * (b2 * sin2 - (a2 + 2 * a1) * cos2) + e1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
        double c2 = 2 * e1 * e2 * ((a1 + a2) * cos2 * cos1 - (b1 * cos2 * sin1 + b2 * cos1 * sin2))
                + a2 * e1 * e1 + a1 * e2 * e2;
        double c3 = e2 * e1 * e1 * (b2 * sin2 - a2 * cos2) + e1 * e2 * e2 * (b1 * sin1 - a1 * cos1);
        return new double[] {c0, c1, c2, c3};
    }

    private static double[] scale(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    @Override
    public void apply(double[] data, double[] out) {
        int ln = data.length;
        if (ln < 4) {
            throw new IllegalArgumentException("the recursive Gaussian needs at least 4 voxels along each filtered axis, got " + ln);
        }
        double v1 = data[0];
        out[0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
        out[1] = data[1] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
        out[2] = data[2] * n0 + data[1] * n1 + v1 * n2 + v1 * n3;
        out[3] = data[3] * n0 + data[2] * n1 + data[1] * n2 + v1 * n3;
        out[0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
        out[1] -= out[0] * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
        out[2] -= out[1] * d1 + out[0] * d2 + v1 * bn3 + v1 * bn4;
        out[3] -= out[2] * d1 + out[1] * d2 + out[0] * d3 + v1 * bn4;
        for (int i = 4; i < ln; i++) {
            out[i] = data[i] * n0 + data[i - 1] * n1 + data[i - 2] * n2 + data[i - 3] * n3
                    - (out[i - 1] * d1 + out[i - 2] * d2 + out[i - 3] * d3 + out[i - 4] * d4);
        }
        double[] back = new double[ln];
        double v2 = data[ln - 1];
        back[ln - 1] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
        back[ln - 2] = data[ln - 1] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
        back[ln - 3] = data[ln - 2] * m1 + data[ln - 1] * m2 + v2 * m3 + v2 * m4;
        back[ln - 4] = data[ln - 3] * m1 + data[ln - 2] * m2 + data[ln - 1] * m3 + v2 * m4;
        back[ln - 1] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
        back[ln - 2] -= back[ln - 1] * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
        back[ln - 3] -= back[ln - 2] * d1 + back[ln - 1] * d2 + v2 * bm3 + v2 * bm4;
        back[ln - 4] -= back[ln - 3] * d1 + back[ln - 2] * d2 + back[ln - 1] * d3 + v2 * bm4;
        for (int i = ln - 4; i > 0; i--) {
            back[i - 1] = data[i] * m1 + data[i + 1] * m2 + data[i + 2] * m3 + data[i + 3] * m4
                    - (back[i] * d1 + back[i + 1] * d2 + back[i + 2] * d3 + back[i + 3] * d4);
        }
        for (int i = 0; i < ln; i++) {
            out[i] += back[i];
        }
    }
}
