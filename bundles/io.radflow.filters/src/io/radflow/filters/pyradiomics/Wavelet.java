package io.radflow.filters.pyradiomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An orthogonal wavelet's four filters as PyWavelets ({@code pywt.Wavelet}) defines them from the scaling
 * filter h of length L (published coefficients, see {@link WaveletCoefficients}):
 *
 * <pre>
 *   rec_lo[i] = h[i]                      dec_lo[i] = h[L-1-i]
 *   rec_hi[i] = (-1)^i h[L-1-i]           dec_hi[i] = (-1)^(L-1-i) h[i]
 * </pre>
 *
 * Families: {@code haar} (= {@code db1}), {@code db1}..{@code db20}, {@code sym2}..{@code sym20},
 * {@code coif1}..{@code coif5}. Biorthogonal ({@code bior}, {@code rbio}) and {@code dmey} wavelets are not
 * available. Immutable.
 */
public final class Wavelet {

    private final String name;
    private final double[] scaling;

    private Wavelet(String name, double[] scaling) {
        this.name = name;
        this.scaling = scaling;
    }

    /**
     * The wavelet of a PyWavelets name.
     *
     * @throws IllegalArgumentException naming the available wavelets when {@code name} is not one of them
     */
    public static Wavelet of(String name) {
        String key = name.trim();
        double[] h = WaveletCoefficients.scalingFilter(key.equals("haar") ? "db1" : key);
        if (h == null) {
            throw new IllegalArgumentException("wavelet '" + name + "' is not available; available: " + names());
        }
        return new Wavelet(key, h);
    }

    /** The available wavelet names. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("haar"));
        names.addAll(WaveletCoefficients.names());
        return names;
    }

    public String name() {
        return name;
    }

    /** Filter length L. */
    public int length() {
        return scaling.length;
    }

    public double[] decLo() {
        double[] f = new double[scaling.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = scaling[f.length - 1 - i];
        }
        return f;
    }

    public double[] decHi() {
        double[] f = new double[scaling.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = ((f.length - 1 - i) % 2 == 0 ? 1 : -1) * scaling[i];
        }
        return f;
    }

    public double[] recLo() {
        return scaling.clone();
    }

    public double[] recHi() {
        double[] f = new double[scaling.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (i % 2 == 0 ? 1 : -1) * scaling[f.length - 1 - i];
        }
        return f;
    }

    /** The four filters by PyWavelets name, for provenance. */
    public Map<String, double[]> filters() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("dec_lo", decLo());
        m.put("dec_hi", decHi());
        m.put("rec_lo", recLo());
        m.put("rec_hi", recHi());
        return m;
    }

    @Override
    public String toString() {
        return name;
    }
}
