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
 * IBSI-2 Laws kernels (reference manual, section "Laws kernels"). A kernel name such as {@code E5L5S5} combines one 1D kernel per
 * axis, the first along i, the second along j, the third along k (2D names have two): {@code h(p) = prod_a k_a(p_a)},
 * applied by true convolution. The 1D kernels have unit L2 norm:
 * <pre>
 * L3 = [1, 2, 1] / sqrt(6)     E3 = [-1, 0, 1] / sqrt(2)     S3 = [-1, 2, -1] / sqrt(6)
 * L5 = [1, 4, 6, 4, 1] / sqrt(70)    E5 = [-1, -2, 0, 2, 1] / sqrt(10)    S5 = [-1, 0, 2, 0, -1] / sqrt(6)
 * W5 = [-1, 2, 0, -2, 1] / sqrt(10)  R5 = [1, -4, 6, -4, 1] / sqrt(70)
 * </pre>
 * Rotation invariance pools the responses to the kernel rotated by the 24 right-angle rotations of 3D (4 in-plane
 * rotations for 2D; {@link AxisRotation}). The optional energy map (manual: "Laws texture energy") is then the
 * mean absolute value in a window of {@code (2 delta + 1)^d} voxels around each voxel, with the same padding:
 * {@code E(p) = (2 delta + 1)^{-d} sum_{|q_a - p_a| <= delta} |R(q)|}.
 *
 * @param kernels     the kernel name, e.g. {@code E5L5S5} (3D) or {@code L5S5} (2D)
 * @param dimensions  2D (per k slice) or 3D; must match the number of 1D kernels
 * @param padding     the boundary condition
 * @param pooling     how rotated responses are combined ({@link Pooling#NONE}: the kernel as named)
 * @param energyDelta the energy window half-width {@code delta} in voxels, or 0 for the plain response
 */
public record LawsFilter(String kernels, FilterDimensions dimensions, Padding padding, Pooling pooling, int energyDelta)
        implements ConvolutionalFilter {

    private static final Map<String, double[]> ONE_D = Map.of(
            "L3", normalised(1, 2, 1), "E3", normalised(-1, 0, 1), "S3", normalised(-1, 2, -1),
            "L5", normalised(1, 4, 6, 4, 1), "E5", normalised(-1, -2, 0, 2, 1), "S5", normalised(-1, 0, 2, 0, -1),
            "W5", normalised(-1, 2, 0, -2, 1), "R5", normalised(1, -4, 6, -4, 1));

    public LawsFilter {
        if (dimensions == null || padding == null || pooling == null) {
            throw new IllegalArgumentException("Laws filter needs dimensions, padding and pooling");
        }
        kernels = kernels == null ? "" : kernels.trim().toUpperCase(Locale.ROOT);
        List<double[]> parsed = parse(kernels);
        if (parsed.size() != dimensions.axes().length) {
            throw new IllegalArgumentException("Laws kernel '" + kernels + "' names " + parsed.size()
                    + " 1D kernels; a " + dimensions.label() + " filter needs " + dimensions.axes().length);
        }
        if (energyDelta < 0) {
            throw new IllegalArgumentException("the Laws energy delta must be 0 (no energy map) or positive, got "
                    + energyDelta);
        }
    }

    @Override
    public String name() {
        return "Laws";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kernels", kernels);
        p.put("dimensions", dimensions.label());
        p.put("padding", padding.name().toLowerCase(Locale.ROOT));
        p.put("pooling", pooling.name().toLowerCase(Locale.ROOT));
        p.put("energyDelta", energyDelta);
        return p;
    }

    @Override
    public String derivedName() {
        return "laws-" + kernels + (pooling == Pooling.NONE ? "" : "-" + pooling.name().toLowerCase(Locale.ROOT))
                + (energyDelta > 0 ? "-energy-" + energyDelta : "") + "-" + padding.name().toLowerCase(Locale.ROOT)
                + "-" + dimensions.label();
    }

    /** The 1D kernel named {@code name} ({@code L5}, {@code E3}, ...), with unit L2 norm. */
    public static double[] kernel(String name) {
        double[] k = ONE_D.get(name.toUpperCase(Locale.ROOT));
        if (k == null) {
            throw new IllegalArgumentException("Laws 1D kernel '" + name + "' is unknown; known: L3 E3 S3 L5 E5 S5 W5 R5");
        }
        return k.clone();
    }

    @Override
    public Image3D response(Image3D image, Parallelism parallelism) {
        int[] size = image.geometry().size();
        double[] input = image.voxels();
        List<double[]> parsed = parse(kernels);
        double[][] taps = new double[3][];
        for (int a = 0; a < parsed.size(); a++) {
            taps[a] = parsed.get(a);
        }
        SeparableKernel kernel = SeparableKernel.centred(taps);
        double[] response = RotationPooling.pool(AxisRotation.of(dimensions), pooling,
                r -> kernel.rotated(r).signature(), r -> kernel.rotated(r).apply(input, size, padding, parallelism));
        if (energyDelta > 0) {
            response = energy(response, size, parallelism);
        }
        return Image3D.wrap(image.geometry(), response);
    }

    private double[] energy(double[] response, int[] size, Parallelism parallelism) {
        double[] magnitude = new double[response.length];
        for (int i = 0; i < magnitude.length; i++) {
            magnitude[i] = Math.abs(response[i]);
        }
        return MeanFilter.mean(magnitude, size, 2 * energyDelta + 1, dimensions, padding, parallelism);
    }

    private static List<double[]> parse(String name) {
        List<double[]> out = new ArrayList<>();
        if (name.isEmpty() || name.length() % 2 != 0) {
            throw new IllegalArgumentException("Laws kernel '" + name + "' must be 2 or 3 names such as E5L5S5");
        }
        for (int i = 0; i < name.length(); i += 2) {
            out.add(kernel(name.substring(i, i + 2)));
        }
        return out;
    }

    private static double[] normalised(double... k) {
        double norm = 0;
        for (double v : k) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < k.length; i++) {
            k[i] /= norm;
        }
        return k;
    }
}
