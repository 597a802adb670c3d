package io.radflow.filters.pyradiomics;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Padding;
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
 * PyRadiomics' {@code getWaveletImage} ({@code imageoperations._swt3}): the undecimated (stationary) wavelet
 * decomposition computed with {@code pywt.swtn(data, wavelet, level=1, start_level=0, axes=(2, 1, 0))}.
 *
 * <p>One decomposition step filters every line along x, y and z with the PyWavelets decomposition filters
 * {@code dec_lo} (L) or {@code dec_hi} (H) of length F, by circular convolution with PyWavelets' alignment:
 *
 * <pre>
 *   out[n] = sum_{j=0}^{F-1} f[j] x[(n + floor(F/2) - j) mod N]
 * </pre>
 *
 * giving the eight sub-bands; letter 1 is the filter along x, letter 2 along y, letter 3 along z
 * ({@code wavelet-LLH}: low-pass along x and y, high-pass along z). Before the first step each axis of odd size
 * is padded by one voxel at its end with the first voxel of the line ({@code numpy.pad(..., 'wrap')}); every
 * output is cropped back to the input size.
 *
 * <p>Levels: the first {@code start_level} steps only replace the data by their LLL band; then {@code level}
 * steps each yield seven detail bands and feed LLL to the next step; the last LLL is the approximation. As in
 * PyRadiomics every step uses the level-1 filters (it calls {@code swtn} with {@code level=1} on the previous
 * approximation), so deeper levels are not a trous (no upsampled filters, unlike {@code pywt.swtn(level=2)}
 * and IBSI-2). Filters are not normalised ({@code norm=False}): LLL grows by 2^(3/2) per step.
 *
 * <p>Output order and names as PyRadiomics yields them: per level k = 1..level the bands LLH, LHL, LHH, HLL, HLH,
 * HHL, HHH named {@code wavelet-<band>} for k = 1 and {@code wavelet<k>-<band>} otherwise, then the
 * approximation {@code wavelet-LLL} (one level) or {@code wavelet<level>-LLL}. {@code force2D} (2D decomposition
 * without one axis) is not supported.
 */
public final class WaveletFilter implements ImageFilter {

    /** The seven detail bands in PyWavelets' dict order ('a' = L, 'd' = H; letters x, y, z). */
    public static final List<String> DETAIL_BANDS = List.of("LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH");

    private final Wavelet wavelet;
    private final int level;
    private final int startLevel;
    private final Parallelism parallelism;

    public WaveletFilter(Wavelet wavelet, int level, int startLevel, Parallelism parallelism) {
        if (level < 1 || startLevel < 0) {
            throw new IllegalArgumentException("Wavelet: level must be at least 1 and start_level at least 0, got level "
                    + level + ", start_level " + startLevel);
        }
        this.wavelet = wavelet;
        this.level = level;
        this.startLevel = startLevel;
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "Wavelet";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("wavelet", wavelet.name());
        p.put("level", level);
        p.put("start_level", startLevel);
        return p;
    }

    /** The derived image names, in output order. */
    public List<String> derivedNames() {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= level; k++) {
            String prefix = k == 1 ? "wavelet-" : "wavelet" + k + "-";
            DETAIL_BANDS.forEach(b -> names.add(prefix + b));
        }
        names.add(level == 1 ? "wavelet-LLL" : "wavelet" + level + "-LLL");
        return names;
    }

    @Override
    public List<FilteredImage> apply(Image3D image, Mask maskOrNull) {
        ImageGeometry g = image.geometry();
        int[] size = g.size();
        int[] padded = new int[3];
        for (int a = 0; a < 3; a++) {
            padded[a] = size[a] + size[a] % 2;
        }
        double[] data = wrapPad(image.voxels(), size, padded);
        List<String> names = derivedNames();
        List<FilteredImage> out = new ArrayList<>();
        for (int i = 0; i < startLevel; i++) {
            data = step(data, padded, false).get("LLL");
        }
        int n = 0;
        for (int k = 0; k < level; k++) {
            Map<String, double[]> bands = step(data, padded, true);
            for (String band : DETAIL_BANDS) {
                out.add(new FilteredImage(names.get(n++), Image3D.wrap(g, crop(bands.get(band), padded, size))));
            }
            data = bands.get("LLL");
        }
        out.add(new FilteredImage(names.get(n), Image3D.wrap(g, crop(data, padded, size))));
        return out;
    }

    /** One undecimated step: LLL only, or all eight bands (depth first, so at most two intermediate volumes live). */
    private Map<String, double[]> step(double[] data, int[] size, boolean allBands) {
        Map<String, double[]> bands = new LinkedHashMap<>();
        split(data, size, 0, "", allBands, bands);
        return bands;
    }

    private void split(double[] data, int[] size, int axis, String prefix, boolean allBands, Map<String, double[]> bands) {
        if (axis == 3) {
            bands.put(prefix, data);
            return;
        }
        double[] lo = wavelet.decLo();
        int centre = lo.length / 2;
        split(SeparableConvolution.convolve(data, size, axis, lo, centre, 1, Padding.PERIODIC, parallelism), size, axis + 1,
                prefix + "L", allBands, bands);
        if (allBands) {
            split(SeparableConvolution.convolve(data, size, axis, wavelet.decHi(), centre, 1, Padding.PERIODIC, parallelism),
                    size, axis + 1, prefix + "H", allBands, bands);
        }
    }

    private static double[] wrapPad(double[] voxels, int[] size, int[] padded) {
        if (java.util.Arrays.equals(size, padded)) {
            return voxels;
        }
        double[] out = new double[padded[0] * padded[1] * padded[2]];
        for (int z = 0; z < padded[2]; z++) {
            for (int y = 0; y < padded[1]; y++) {
                for (int x = 0; x < padded[0]; x++) {
                    out[x + padded[0] * (y + padded[1] * z)] = voxels[x % size[0] + size[0] * (y % size[1] + size[1] * (z % size[2]))];
                }
            }
        }
        return out;
    }

    private static double[] crop(double[] voxels, int[] padded, int[] size) {
        if (java.util.Arrays.equals(size, padded)) {
            return voxels;
        }
        double[] out = new double[size[0] * size[1] * size[2]];
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                System.arraycopy(voxels, padded[0] * (y + padded[1] * z), out, size[0] * (y + size[1] * z), size[0]);
            }
        }
        return out;
    }
}
