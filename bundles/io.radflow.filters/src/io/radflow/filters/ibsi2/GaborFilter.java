package io.radflow.filters.ibsi2;

import io.radflow.filters.Padding;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IBSI-2 Gabor filter (reference manual, section "Gabor kernels"), a 2D complex kernel in a plane of the volume:
 * <pre>
 * h(x, y) = exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) exp(i 2 pi x' / lambda),
 * x' = x cos(theta) + y sin(theta),   y' = -x sin(theta) + y cos(theta)
 * </pre>
 * with {@code x, y, sigma, lambda} in mm ({@code x} along the first axis of the plane, i in the i-j plane), not
 * normalised (peak 1). The response map is the modulus {@code |f * h|}. The kernel is sampled up to 4 standard
 * deviations of its envelope along each axis ({@code 4 sigma max(1, 1/gamma)}), beyond which it is below
 * {@code e^-8} of its peak. With orientation pooling ({@code thetaStep > 0}) the moduli are averaged over
 * {@code theta + m thetaStep < theta + 2 pi}, m = 0, 1, ...; orientations {@code pi} apart give the same modulus
 * for real images ({@code h_{theta+pi}} is the conjugate of {@code h_theta}) and are computed once. 2D filters act in
 * the i-j plane of each k slice; 3D ("2D in 3 orthogonal planes") averages the response maps in the i-j, i-k and
 * j-k planes. Convolution is done by FFT on each padded slice.
 *
 * @param sigmaMm      the envelope scale {@code sigma} in mm
 * @param lambdaMm     the wavelength {@code lambda} in mm
 * @param gamma        the spatial aspect ratio {@code gamma}
 * @param theta        the orientation in radians (the first one when pooling)
 * @param thetaStep    the orientation step for average pooling over the full circle, or 0 for one orientation
 * @param dimensions   2D: the i-j plane; 3D: the mean over the three orthogonal planes
 * @param padding      the boundary condition
 */
public record GaborFilter(double sigmaMm, double lambdaMm, double gamma, double theta, double thetaStep,
        FilterDimensions dimensions, Padding padding) implements ConvolutionalFilter {

    private static final double TRUNCATION = 4;

    public GaborFilter {
        if (!(sigmaMm > 0) || !(lambdaMm > 0) || !(gamma > 0) || Double.isInfinite(sigmaMm)
                || Double.isInfinite(lambdaMm) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("Gabor needs positive finite sigma, lambda and gamma, got sigma "
                    + sigmaMm + ", lambda " + lambdaMm + ", gamma " + gamma);
        }
        if (!Double.isFinite(theta) || !(thetaStep >= 0) || thetaStep > 2 * Math.PI) {
            throw new IllegalArgumentException("Gabor needs a finite theta and a step in [0, 2 pi], got theta " + theta
                    + ", step " + thetaStep);
        }
        if (dimensions == null || padding == null) {
            throw new IllegalArgumentException("Gabor needs dimensions and padding");
        }
    }

    @Override
    public String name() {
        return "Gabor";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sigma", sigmaMm);
        p.put("lambda", lambdaMm);
        p.put("gamma", gamma);
        p.put("theta", theta);
        p.put("thetaStep", thetaStep);
        p.put("dimensions", dimensions.label());
        p.put("padding", padding.name().toLowerCase(Locale.ROOT));
        return p;
    }

    @Override
    public String derivedName() {
        return "gabor-sigma-" + ConvolutionalFilter.number(sigmaMm) + "-lambda-" + ConvolutionalFilter.number(lambdaMm)
                + "-gamma-" + ConvolutionalFilter.number(round(gamma)) + (thetaStep > 0
                        ? "-step-" + ConvolutionalFilter.number(round(Math.toDegrees(thetaStep)))
                        : "-theta-" + ConvolutionalFilter.number(round(Math.toDegrees(theta))))
                + "-" + padding.name().toLowerCase(Locale.ROOT) + "-" + dimensions.label();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The orientations and how often each occurs among the pooled ones (angles pi apart merged). */
    private Map<Long, double[]> orientations() {
        List<Double> thetas = new ArrayList<>();
        if (thetaStep == 0) {
            thetas.add(theta);
        } else {
            for (int m = 0; m * thetaStep < 2 * Math.PI - 1e-9; m++) {
                thetas.add(theta + m * thetaStep);
            }
        }
        Map<Long, double[]> out = new LinkedHashMap<>();
        for (double t : thetas) {
            double reduced = ((t % Math.PI) + Math.PI) % Math.PI;
            long key = Math.round(reduced * 1e9) % Math.round(Math.PI * 1e9);
            out.computeIfAbsent(key, k -> new double[] {t, 0})[1]++;
        }
        return out;
    }

    @Override
    public Image3D response(Image3D image, Parallelism parallelism) {
        int[] size = image.geometry().size();
        double[] spacing = image.geometry().spacing();
        double[] input = image.voxels();
        int[][] planes = dimensions == FilterDimensions.TWO_D ? new int[][] {{0, 1, 2}}
                : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 2, 0}};
        double[] out = new double[input.length];
        for (int[] plane : planes) {
            inPlane(input, size, spacing, plane[0], plane[1], plane[2], 1.0 / planes.length, out, parallelism);
        }
        return Image3D.wrap(image.geometry(), out);
    }

    /** Adds {@code weight} x the pooled modulus in planes spanned by axes a (x) and b (y) to {@code out}. */
    private void inPlane(double[] input, int[] size, double[] spacing, int a, int b, int c, double weight,
            double[] out, Parallelism parallelism) {
        int na = size[a];
        int nb = size[b];
        double extent = TRUNCATION * sigmaMm * Math.max(1, 1 / gamma);
        int ra = (int) Math.ceil(extent / spacing[a] - 1e-9);
        int rb = (int) Math.ceil(extent / spacing[b] - 1e-9);
        Fft fa = Fft.of(Fft.powerOfTwo(na + 2 * ra));
        Fft fb = Fft.of(Fft.powerOfTwo(nb + 2 * rb));
        int ma = fa.length();
        int mb = fb.length();
        Map<Long, double[]> orientations = orientations();
        double total = orientations.values().stream().mapToDouble(o -> o[1]).sum();
        List<double[][]> kernels = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (double[] o : orientations.values()) {
            kernels.add(kernelSpectrum(o[0], ra, rb, spacing[a], spacing[b], fa, fb));
            weights.add(weight * o[1] / total);
        }
        int[] stride = {1, size[0], size[0] * size[1]};
        parallelism.forEach(size[c], slice -> {
            double[] re = new double[ma * mb];
            double[] im = new double[ma * mb];
            for (int v = 0; v < nb + 2 * rb; v++) {
                int sv = padding.index(v - rb, nb);
                if (sv < 0) {
                    continue;
                }
                for (int u = 0; u < na + 2 * ra; u++) {
                    int su = padding.index(u - ra, na);
                    if (su >= 0) {
                        re[u + ma * v] = input[su * stride[a] + sv * stride[b] + slice * stride[c]];
                    }
                }
            }
            FourierTransforms.slice(re, im, fa, fb, false);
            double[] pr = new double[ma * mb];
            double[] pi = new double[ma * mb];
            for (int o = 0; o < kernels.size(); o++) {
                double[] kr = kernels.get(o)[0];
                double[] ki = kernels.get(o)[1];
                for (int i = 0; i < pr.length; i++) {
                    pr[i] = re[i] * kr[i] - im[i] * ki[i];
                    pi[i] = re[i] * ki[i] + im[i] * kr[i];
                }
                FourierTransforms.slice(pr, pi, fa, fb, true);
                double w = weights.get(o);
                for (int y = 0; y < nb; y++) {
                    for (int x = 0; x < na; x++) {
                        int p = (x + ra) + ma * (y + rb);
                        out[x * stride[a] + y * stride[b] + slice * stride[c]] += w * Math.hypot(pr[p], pi[p]);
                    }
                }
            }
        });
    }

    /** The transform of the kernel of orientation {@code t}, placed circularly on the {@code ma x mb} grid. */
    private double[][] kernelSpectrum(double t, int ra, int rb, double sa, double sb, Fft fa, Fft fb) {
        int ma = fa.length();
        int mb = fb.length();
        double[] re = new double[ma * mb];
        double[] im = new double[ma * mb];
        double cos = Math.cos(t);
        double sin = Math.sin(t);
        for (int y = -rb; y <= rb; y++) {
            for (int x = -ra; x <= ra; x++) {
                double xm = x * sa;
                double ym = y * sb;
                double xr = xm * cos + ym * sin;
                double yr = -xm * sin + ym * cos;
                double envelope = Math.exp(-(xr * xr + gamma * gamma * yr * yr) / (2 * sigmaMm * sigmaMm));
                double phase = 2 * Math.PI * xr / lambdaMm;
                int p = Math.floorMod(x, ma) + ma * Math.floorMod(y, mb);
                re[p] = envelope * Math.cos(phase);
                im[p] = envelope * Math.sin(phase);
            }
        }
        FourierTransforms.slice(re, im, fa, fb, false);
        return new double[][] {re, im};
    }
}
