package io.radflow.filters.ibsi2;

import io.radflow.filters.Padding;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IBSI-2 mean filter (reference manual, section "Mean filter"): the mean over a cube (3D) or square (2D, i-j plane) of
 * {@code M} voxels per side centred on each voxel,
 * {@code h(p) = M^{-d}} for {@code |p_a| <= (M - 1) / 2}, with {@code d} = 2 or 3. Computed as one box convolution
 * per axis.
 *
 * @param support    {@code M}, the odd number of voxels per side (IBSI-2 phase 1 uses 15, phase 2 uses 5)
 * @param dimensions 2D (per k slice) or 3D
 * @param padding    the boundary condition
 */
public record MeanFilter(int support, FilterDimensions dimensions, Padding padding) implements ConvolutionalFilter {

    public MeanFilter {
        if (support < 1 || support % 2 == 0) {
            throw new IllegalArgumentException("the mean filter support must be an odd number of voxels, got " + support);
        }
        if (dimensions == null || padding == null) {
            throw new IllegalArgumentException("the mean filter needs dimensions and padding");
        }
    }

    @Override
    public String name() {
        return "Mean";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("support", support);
        p.put("dimensions", dimensions.label());
        p.put("padding", padding.name().toLowerCase(java.util.Locale.ROOT));
        return p;
    }

    @Override
    public String derivedName() {
        return "mean-" + support + "-" + padding.name().toLowerCase(java.util.Locale.ROOT) + "-" + dimensions.label();
    }

    @Override
    public Image3D response(Image3D image, Parallelism parallelism) {
        return Image3D.wrap(image.geometry(), mean(image.voxels(), image.geometry().size(), support, dimensions,
                padding, parallelism));
    }

    /** The mean over {@code support^d} voxels around each voxel of {@code volume} (a new array). */
    static double[] mean(double[] volume, int[] size, int support, FilterDimensions dimensions, Padding padding,
            Parallelism parallelism) {
        double[] box = new double[support];
        Arrays.fill(box, 1.0 / support);
        double[][] taps = new double[3][];
        for (int a : dimensions.axes()) {
            taps[a] = box;
        }
        return SeparableKernel.centred(taps).apply(volume, size, padding, parallelism);
    }
}
