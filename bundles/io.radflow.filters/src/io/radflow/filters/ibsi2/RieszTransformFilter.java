package io.radflow.filters.ibsi2;

import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Riesz transform of order {@code n = (n_i, n_j, n_k)} of another filter's response (IBSI-2 reference manual,
 * section "Riesz transform"; used with the LoG and the Simoncelli wavelet):
 * <pre>
 * R^n f = Re IFFT( FFT(g) sqrt(N! / (n_i! n_j! n_k!)) prod_d (-i omega_d / |omega|)^{n_d} ),   N = n_i + n_j + n_k
 * </pre>
 * where {@code g} is the response map of the base filter and the multiplier is 0 at {@code omega = 0}. The
 * frequencies are those of {@link SimoncelliWaveletFilter#frequency} (the IBSI-2 consensus grid); the multiplier
 * depends only on the direction of {@code omega}. 2D transforms (per k slice) require {@code n_k = 0}.
 *
 * @param base       the filter whose response is transformed
 * @param order      the non-negative orders {@code n_i, n_j, n_k}
 * @param dimensions 2D (per k slice) or 3D
 */
public record RieszTransformFilter(ConvolutionalFilter base, int[] order, FilterDimensions dimensions)
        implements ConvolutionalFilter {

    public RieszTransformFilter {
        if (base == null || dimensions == null || order == null || order.length != 3) {
            throw new IllegalArgumentException("a Riesz transform needs a base filter, dimensions and 3 orders");
        }
        order = order.clone();
        for (int n : order) {
            if (n < 0) {
                throw new IllegalArgumentException("Riesz orders must not be negative, got " + Arrays.toString(order));
            }
        }
        if (dimensions == FilterDimensions.TWO_D && order[2] != 0) {
            throw new IllegalArgumentException("a 2D Riesz transform has no order along k, got " + Arrays.toString(order));
        }
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    @Override
    public String name() {
        return "Riesz";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("base", base.derivedName());
        p.put("order", Arrays.toString(order));
        p.put("dimensions", dimensions.label());
        return p;
    }

    @Override
    public String derivedName() {
        return "riesz-" + order[0] + "-" + order[1] + "-" + order[2] + "-" + base.derivedName();
    }

    @Override
    public Image3D response(Image3D image, Parallelism parallelism) {
        int[] size = image.geometry().size();
        double[] re = base.response(image, parallelism).voxels();
        double[] im = new double[re.length];
        int[] axes = dimensions.axes();
        FourierTransforms.alongAxes(re, im, size, axes, false, parallelism);
        int total = order[0] + order[1] + order[2];
        double norm = Math.sqrt(factorial(total) / (factorial(order[0]) * factorial(order[1]) * factorial(order[2])));
        // (-i)^N
        double[] unit = switch (total % 4) {
            case 0 -> new double[] {1, 0};
            case 1 -> new double[] {0, -1};
            case 2 -> new double[] {-1, 0};
            default -> new double[] {0, 1};
        };
        int nx = size[0];
        int ny = size[1];
        boolean threeD = dimensions == FilterDimensions.THREE_D;
        parallelism.forEach(size[2], z -> {
            double wz = threeD ? SimoncelliWaveletFilter.frequency(z, size[2]) : 0;
            for (int y = 0; y < ny; y++) {
                double wy = SimoncelliWaveletFilter.frequency(y, ny);
                for (int x = 0; x < nx; x++) {
                    double wx = SimoncelliWaveletFilter.frequency(x, nx);
                    double magnitude = Math.sqrt(wx * wx + wy * wy + wz * wz);
                    int p = x + nx * (y + ny * z);
                    double m = magnitude == 0 ? 0
                            : norm * Math.pow(wx / magnitude, order[0]) * Math.pow(wy / magnitude, order[1])
                                    * Math.pow(wz / magnitude, order[2]);
                    double r = re[p] * m;
                    double i = im[p] * m;
                    re[p] = r * unit[0] - i * unit[1];
                    im[p] = r * unit[1] + i * unit[0];
                }
            }
        });
        FourierTransforms.alongAxes(re, im, size, axes, true, parallelism);
        return Image3D.wrap(image.geometry(), re);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
