package io.radflow.filters.ibsi2;

import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IBSI-2 non-separable (isotropic) Simoncelli wavelet (reference manual, section "Non-separable wavelets"), a band-pass filter defined
 * in the frequency domain: for decomposition level {@code l} and radial frequency {@code w = |omega|},
 * <pre>
 * H(w) = cos(pi/2 log2(2 w / w_b))  for w_b / 4 &lt; w &lt; w_b,  0 otherwise,   w_b = pi / 2^(l-1)
 * </pre>
 * The response is the real part of {@code IFFT(FFT(f) H)}, so the boundary condition is periodic. The frequency of
 * DFT index {@code k} on an axis of {@code N} voxels is {@code omega_k = -pi + 2 pi ((k + floor(N/2)) mod N) / (N - 1)}:
 * N equally spaced frequencies from {@code -pi} to {@code pi} inclusive, zero-centred as NumPy's {@code ifftshift}
 * does. This is the grid of the IBSI-2 consensus maps (phase 1 tests 8.a.2 and 8.a.3 fail with the standard DFT grid
 * {@code 2 pi k / N}). 2D works per k slice with {@code |omega|} over i and j.
 *
 * @param level      the decomposition level, at least 1
 * @param dimensions 2D (per k slice) or 3D
 */
public record SimoncelliWaveletFilter(int level, FilterDimensions dimensions) implements ConvolutionalFilter {

    public SimoncelliWaveletFilter {
        if (level < 1) {
            throw new IllegalArgumentException("the Simoncelli level must be at least 1, got " + level);
        }
        if (dimensions == null) {
            throw new IllegalArgumentException("the Simoncelli wavelet needs dimensions");
        }
    }

    @Override
    public String name() {
        return "Simoncelli";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("level", level);
        p.put("dimensions", dimensions.label());
        p.put("padding", "periodic");
        return p;
    }

    @Override
    public String derivedName() {
        return "simoncelli-level-" + level + "-" + dimensions.label();
    }

    /** The frequency (radians per voxel) of DFT index {@code k} on an axis of {@code n} voxels, as above. */
    static double frequency(int k, int n) {
        return n == 1 ? 0 : -Math.PI + 2 * Math.PI * ((k + n / 2) % n) / (n - 1);
    }

    /** The band-pass transfer function at radial frequency {@code w}. */
    double transfer(double w) {
        double band = Math.PI / (1 << (level - 1));
        if (w <= band / 4 || w >= band) {
            return 0;
        }
        return Math.cos(Math.PI / 2 * (Math.log(2 * w / band) / Math.log(2)));
    }

    @Override
    public Image3D response(Image3D image, Parallelism parallelism) {
        int[] size = image.geometry().size();
        double[] re = image.voxels();
        double[] im = new double[re.length];
        int[] axes = dimensions.axes();
        FourierTransforms.alongAxes(re, im, size, axes, false, parallelism);
        int nx = size[0];
        int ny = size[1];
        boolean threeD = dimensions == FilterDimensions.THREE_D;
        parallelism.forEach(size[2], z -> {
            double wz = threeD ? frequency(z, size[2]) : 0;
            for (int y = 0; y < ny; y++) {
                double wy = frequency(y, ny);
                for (int x = 0; x < nx; x++) {
                    double wx = frequency(x, nx);
                    double h = transfer(Math.sqrt(wx * wx + wy * wy + wz * wz));
                    int p = x + nx * (y + ny * z);
                    re[p] *= h;
                    im[p] *= h;
                }
            }
        });
        FourierTransforms.alongAxes(re, im, size, axes, true, parallelism);
        return Image3D.wrap(image.geometry(), re);
    }
}
