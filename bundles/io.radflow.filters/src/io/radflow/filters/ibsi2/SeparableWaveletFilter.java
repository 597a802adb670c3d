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
 * An IBSI-2 undecimated separable wavelet sub-band (reference manual, section "Separable wavelets"). The sub-band name has one letter
 * per axis, {@code L} for the low-pass and {@code H} for the high-pass decomposition filter of the {@link Wavelet},
 * the first letter for i, the second for j, the third for k ({@code LHL}: low-pass along i and k, high-pass along
 * j). Level 1 convolves the image with that separable kernel. Level {@code l > 1} first computes the level
 * {@code l - 1} all-low-pass band ({@code LLL}, {@code LL} in 2D) and then applies the sub-band filters upsampled
 * by {@code f = 2^(l-1)} (the "a trous" scheme: {@code f - 1} zeros after each tap, length {@code f L} for {@code L}
 * taps; the level {@code l - 1} low-pass stages are upsampled likewise). Filters are applied by convolution with the
 * tap at index {@code floor(length / 2)} of the (upsampled) filter on the output voxel, as SciPy's
 * {@code ndimage.convolve1d} does. Both conventions (centre and trailing zeros) are what the phase 1 maps 5.a.1,
 * 7.a.1 and 7.a.2 require.
 *
 * <p>Rotation invariance ({@link Pooling#AVERAGE}, IBSI-2 reference manual, rotation invariance) averages the responses over the 24
 * right-angle rotations (4 in-plane rotations in 2D), computed as rotated kernels ({@link AxisRotation}).
 *
 * @param wavelet    the wavelet
 * @param subBand    the sub-band, 3 letters (3D) or 2 letters (2D) of L and H
 * @param level      the decomposition level, at least 1
 * @param dimensions 2D (per k slice) or 3D
 * @param padding    the boundary condition
 * @param pooling    {@link Pooling#NONE} or a pooling over rotations ({@link Pooling#AVERAGE} in IBSI-2)
 */
public record SeparableWaveletFilter(Wavelet wavelet, String subBand, int level, FilterDimensions dimensions,
        Padding padding, Pooling pooling) implements ConvolutionalFilter {

    public SeparableWaveletFilter {
        if (wavelet == null || dimensions == null || padding == null || pooling == null) {
            throw new IllegalArgumentException("a wavelet filter needs wavelet, dimensions, padding and pooling");
        }
        subBand = subBand == null ? "" : subBand.trim().toUpperCase(Locale.ROOT);
        if (!subBand.matches("[LH]+") || subBand.length() != dimensions.axes().length) {
            throw new IllegalArgumentException("wavelet sub-band '" + subBand + "' must be " + dimensions.axes().length
                    + " letters L or H for a " + dimensions.label() + " filter");
        }
        if (level < 1) {
            throw new IllegalArgumentException("the wavelet level must be at least 1, got " + level);
        }
    }

    @Override
    public String name() {
        return "Wavelet";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("wavelet", wavelet.pyWaveletsName());
        p.put("subBand", subBand);
        p.put("level", level);
        p.put("dimensions", dimensions.label());
        p.put("padding", padding.name().toLowerCase(Locale.ROOT));
        p.put("pooling", pooling.name().toLowerCase(Locale.ROOT));
        return p;
    }

    @Override
    public String derivedName() {
        return "wavelet-" + wavelet.pyWaveletsName() + "-" + subBand + "-level-" + level
                + (pooling == Pooling.NONE ? "" : "-" + pooling.name().toLowerCase(Locale.ROOT)) + "-"
                + padding.name().toLowerCase(Locale.ROOT) + "-" + dimensions.label();
    }

    @Override
    public Image3D response(Image3D image, Parallelism parallelism) {
        int[] size = image.geometry().size();
        double[] input = image.voxels();
        List<SeparableKernel> stages = stages();
        double[] response = RotationPooling.pool(AxisRotation.of(dimensions), pooling, r -> {
            StringBuilder s = new StringBuilder();
            for (SeparableKernel k : stages) {
                s.append(k.rotated(r).signature()).append(';');
            }
            return s.toString();
        }, r -> {
            double[] v = input;
            for (SeparableKernel k : stages) {
                v = k.rotated(r).apply(v, size, padding, parallelism);
            }
            return v;
        });
        return Image3D.wrap(image.geometry(), response);
    }

    /** The separable kernels applied in turn: level - 1 all-low-pass stages, then the sub-band. */
    List<SeparableKernel> stages() {
        List<SeparableKernel> stages = new ArrayList<>();
        int[] axes = dimensions.axes();
        for (int l = 1; l <= level; l++) {
            double[][] taps = new double[3][];
            int[] centres = new int[3];
            for (int i = 0; i < axes.length; i++) {
                boolean high = l == level && subBand.charAt(i) == 'H';
                double[] k = upsampled(high ? wavelet.highPass() : wavelet.lowPass(), 1 << (l - 1));
                taps[axes[i]] = k;
                centres[axes[i]] = k.length / 2;
            }
            stages.add(new SeparableKernel(taps, centres, 1));
        }
        return stages;
    }

    /** {@code filter} with {@code factor - 1} zeros after each tap (length {@code factor L}). */
    static double[] upsampled(double[] filter, int factor) {
        double[] out = new double[factor * filter.length];
        for (int i = 0; i < filter.length; i++) {
            out[i * factor] = filter[i];
        }
        return out;
    }
}
