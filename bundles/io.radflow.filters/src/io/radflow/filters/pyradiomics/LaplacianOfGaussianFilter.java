package io.radflow.filters.pyradiomics;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Parallelism;
import io.radflow.filters.SeparableConvolution;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyRadiomics' {@code getLoGImage}: the Laplacian of Gaussian of the image for each sigma (mm), computed as
 * SimpleITK's {@code LaplacianRecursiveGaussianImageFilter} with {@code NormalizeAcrossScale} on:
 *
 * <pre>
 *   LoG_sigma(I) = sigma^2 * sum_d (d^2/dx_d^2)(G_sigma * I),   G_sigma(x) = (sigma sqrt(2 pi))^-3 exp(-|x|^2 / (2 sigma^2))
 * </pre>
 *
 * where each term is the recursive (Deriche) second-derivative filter along axis d and recursive Gaussians along
 * the other two axes ({@link RecursiveGaussian}), divided by spacing_d^2 (derivatives per mm). Sigma is in mm;
 * the image direction is ignored, as in ITK. Borders continue with the edge value (ITK's recursive filter).
 * Derived names: {@code log-sigma-<sigma with '.' as '-'>-mm-3D}, e.g. {@code log-sigma-3-0-mm-3D}.
 *
 * <p>Checks as PyRadiomics: every axis needs at least 4 voxels and {@code size >= ceil(sigma / spacing) + 1}
 * along each axis; sigma must be positive. PyRadiomics logs a warning and skips such a sigma (fewer features);
 * here it is an {@link IllegalArgumentException} naming the sigma, so no feature silently disappears.
 *
 * <p>Differences from SimpleITK: arithmetic is double throughout (ITK accumulates in float and outputs float32),
 * so values differ by float rounding (about 1e-7 relative). Sigmas are named in Python's float form: PyRadiomics
 * names an integer sigma written as {@code 3} in YAML {@code log-sigma-3-mm-3D}; write {@code 3.0} there for the
 * same names.
 */
public final class LaplacianOfGaussianFilter implements ImageFilter {

    private final List<Double> sigmas;
    private final Parallelism parallelism;

    /** @param sigmas sigmas in mm, in output order */
    public LaplacianOfGaussianFilter(List<Double> sigmas, Parallelism parallelism) {
        this.sigmas = List.copyOf(sigmas);
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "LoG";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sigma", sigmas);
        return p;
    }

    /** The derived image names, in output order. */
    public List<String> derivedNames() {
        return sigmas.stream().map(LaplacianOfGaussianFilter::derivedName).toList();
    }

    /** PyRadiomics' name of the LoG image of {@code sigma}. */
    public static String derivedName(double sigma) {
        return "log-sigma-" + Volumes.pythonFloat(sigma).replace('.', '-') + "-mm-3D";
    }

    @Override
    public List<FilteredImage> apply(Image3D image, Mask maskOrNull) {
        ImageGeometry g = image.geometry();
        int[] size = g.size();
        double[] spacing = g.spacing();
        for (int a = 0; a < 3; a++) {
            if (size[a] < 4) {
                throw new IllegalArgumentException("LoG: the image is too small (size " + java.util.Arrays.toString(size)
                        + "); the recursive Gaussian needs at least 4 voxels along each axis");
            }
        }
        for (double sigma : sigmas) {
            if (!(sigma > 0)) {
                throw new IllegalArgumentException("LoG: sigma must be greater than 0, got " + sigma);
            }
            for (int a = 0; a < 3; a++) {
                if (size[a] < Math.ceil(sigma / spacing[a]) + 1) {
                    throw new IllegalArgumentException("LoG: sigma " + sigma + " mm is too large for the image: sigma/spacing + 1 = "
                            + (Math.ceil(sigma / spacing[a]) + 1) + " exceeds the size " + size[a] + " along axis " + a
                            + " (PyRadiomics skips this sigma)");
                }
            }
        }
        double[] voxels = image.voxels();
        List<FilteredImage> out = new ArrayList<>();
        for (double sigma : sigmas) {
            out.add(new FilteredImage(derivedName(sigma), Image3D.wrap(g, laplacian(voxels, size, spacing, sigma, parallelism))));
        }
        return out;
    }

    /** sigma^2 times the Laplacian (per mm^2) of the recursive Gaussian smoothing of {@code voxels}. */
    static double[] laplacian(double[] voxels, int[] size, double[] spacing, double sigma, Parallelism parallelism) {
        double[] sum = new double[voxels.length];
        for (int d = 0; d < 3; d++) {
            double[] v = voxels;
            for (int a = 0; a < 3; a++) {
                RecursiveGaussian op = new RecursiveGaussian(sigma, spacing[a], a == d ? 2 : 0, true);
                v = SeparableConvolution.alongAxis(v, size, a, op, parallelism);
            }
            double scale = 1 / (spacing[d] * spacing[d]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] * scale;
            }
        }
        return sum;
    }
}
