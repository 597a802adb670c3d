package io.radflow.filters.ibsi2;

import io.radflow.filters.Padding;
import io.radflow.filters.Parallelism;
import io.radflow.filters.SeparableConvolution;
import io.radflow.image.Image3D;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The IBSI-2 Laplacian of Gaussian (reference manual, section "Laplacian of Gaussian filter"): the continuous, normalised kernel
 * <pre>
 * h(p) = (|p|^2 / sigma^4 - d / sigma^2) (2 pi sigma^2)^{-d/2} exp(-|p|^2 / (2 sigma^2))
 * </pre>
 * sampled at the integer offsets {@code |p_a| <= ceil(t sigma)} of a cube (3D) or square (2D, i-j plane), with
 * {@code sigma} in voxels ({@code sigma_mm / spacing}) and truncation {@code t} (4 in IBSI-2), not renormalised.
 * The kernel is the sum over axes {@code a} of {@code g''(p_a) prod_{b != a} g(p_b)} with the 1D Gaussian
 * {@code g(x) = (2 pi sigma^2)^{-1/2} exp(-x^2 / (2 sigma^2))} and {@code g''(x) = (x^2 / sigma^4 - 1 / sigma^2) g(x)},
 * so it is computed exactly as separable passes. On anisotropic grids each axis uses its own {@code sigma} in voxels
 * and the derivatives are taken in voxel units, as on the isotropic phantoms of IBSI-2.
 *
 * @param sigmaMm    the Gaussian scale in mm
 * @param truncation the kernel radius in units of sigma (IBSI-2: 4)
 * @param dimensions 2D (per k slice) or 3D
 * @param padding    the boundary condition
 */
public record LaplacianOfGaussianFilter(double sigmaMm, double truncation, FilterDimensions dimensions, Padding padding)
        implements ConvolutionalFilter {

    public LaplacianOfGaussianFilter {
        if (!(sigmaMm > 0) || Double.isInfinite(sigmaMm) || !(truncation > 0) || Double.isInfinite(truncation)) {
            throw new IllegalArgumentException("LoG needs a positive sigma (mm) and truncation, got sigma " + sigmaMm
                    + ", truncation " + truncation);
        }
        if (dimensions == null || padding == null) {
            throw new IllegalArgumentException("LoG needs dimensions and padding");
        }
    }

    @Override
    public String name() {
        return "LoG";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sigma", sigmaMm);
        p.put("truncation", truncation);
        p.put("dimensions", dimensions.label());
        p.put("padding", padding.name().toLowerCase(Locale.ROOT));
        return p;
    }

    @Override
    public String derivedName() {
        return "log-sigma-" + ConvolutionalFilter.number(sigmaMm) + "-mm-" + padding.name().toLowerCase(Locale.ROOT)
                + "-" + dimensions.label();
    }

    @Override
    public Image3D response(Image3D image, Parallelism parallelism) {
        int[] size = image.geometry().size();
        double[] spacing = image.geometry().spacing();
        int[] axes = dimensions.axes();
        double[][] gauss = new double[3][];
        double[][] second = new double[3][];
        for (int a : axes) {
            double sigma = sigmaMm / spacing[a];
            int radius = (int) Math.ceil(truncation * sigma - 1e-9);
            gauss[a] = new double[2 * radius + 1];
            second[a] = new double[2 * radius + 1];
            for (int m = -radius; m <= radius; m++) {
                double g = Math.exp(-m * m / (2 * sigma * sigma)) / (Math.sqrt(2 * Math.PI) * sigma);
                gauss[a][m + radius] = g;
                second[a][m + radius] = (m * m / (sigma * sigma * sigma * sigma) - 1 / (sigma * sigma)) * g;
            }
        }
        double[] input = image.voxels();
        double[] sum = new double[input.length];
        for (int derivative : axes) {
            double[] term = input;
            for (int a : axes) {
                double[] k = a == derivative ? second[a] : gauss[a];
                term = SeparableConvolution.convolve(term, size, a, k, (k.length - 1) / 2, 1, padding, parallelism);
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += term[i];
            }
        }
        return Image3D.wrap(image.geometry(), sum);
    }
}
