package io.radflow.filters.pyradiomics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Wavelet filters against published closed forms and orthogonality identities, and PyRadiomics' undecimated
 * decomposition against a direct circular 3D convolution computed here.
 */
class WaveletTest {

    /**
     * Closed forms: Haar 1/sqrt(2) (pywt dec_hi = [-1/sqrt2, 1/sqrt2]); Daubechies-2 (1+sqrt3, 3+sqrt3, 3-sqrt3, 1-sqrt3)/(4 sqrt2) (Daubechies 1988);
     * Coiflet-1 decomposition low-pass (sqrt7-3, 1-sqrt7, 14-2sqrt7, 14+2sqrt7, 5+sqrt7, 1-sqrt7)/(16 sqrt2), the
     * values pywt.Wavelet('coif1').dec_lo prints (-0.0156557281..., -0.0727326195..., 0.3848648468..., ...).
     */
    @Test
    void publishedClosedForms() {
        double r2 = Math.sqrt(2);
        assertArrayEquals(new double[] {1 / r2, 1 / r2}, Wavelet.of("haar").decLo(), 1e-15);
        assertArrayEquals(new double[] {-1 / r2, 1 / r2}, Wavelet.of("haar").decHi(), 1e-15);
        double r3 = Math.sqrt(3);
        assertArrayEquals(new double[] {(1 + r3) / (4 * r2), (3 + r3) / (4 * r2), (3 - r3) / (4 * r2), (1 - r3) / (4 * r2)},
                Wavelet.of("db2").recLo(), 1e-15);
        double r7 = Math.sqrt(7);
        double[] coif1 = {r7 - 3, 1 - r7, 14 - 2 * r7, 14 + 2 * r7, 5 + r7, 1 - r7};
        for (int i = 0; i < coif1.length; i++) {
            coif1[i] /= 16 * r2;
        }
        assertArrayEquals(coif1, Wavelet.of("coif1").decLo(), 1e-12);
        assertEquals(-0.01565572813546454, Wavelet.of("coif1").decLo()[0], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wavelet.of("coif9"));
        assertTrue(e.getMessage().contains("coif5"), e.getMessage());
    }

    /**
     * Every tabulated wavelet is orthonormal (sum h = sqrt2, sum h[n] h[n+2k] = delta_k), its high-pass filter
     * is orthogonal to the low-pass one at even shifts and has vanishing moments (dbN, symN: N; coifN: 2N; checked
     * up to order 3), and low plus high pass is power complementary: |H(w)|^2 + |G(w)|^2 = 2.
     */
    @Test
    void everyWaveletIsOrthonormalWithVanishingMoments() {
        for (String name : Wavelet.names()) {
            Wavelet w = Wavelet.of(name);
            double[] h = w.decLo();
            double[] g = w.decHi();
            int length = h.length;
            double sum = 0;
            for (double v : h) {
                sum += v;
            }
            assertEquals(Math.sqrt(2), sum, 1e-9, name);
            for (int k = 0; 2 * k < length; k++) {
                double hh = 0;
                double hg = 0;
                for (int n = 0; n + 2 * k < length; n++) {
                    hh += h[n] * h[n + 2 * k];
                    hg += h[n] * g[n + 2 * k] + g[n] * h[n + 2 * k];
                }
                assertEquals(k == 0 ? 1 : 0, hh, 1e-9, name + " shift " + 2 * k);
                assertEquals(0, hg, 1e-9, name + " low/high shift " + 2 * k);
            }
            int n = Integer.parseInt(name.replaceAll("\\D", "").isEmpty() ? "1" : name.replaceAll("\\D", ""));
            int moments = Math.min(name.startsWith("coif") ? 2 * n : n, 4);
            for (int p = 0; p < moments; p++) {
                double m = 0;
                double scale = 0;
                for (int i = 0; i < length; i++) {
                    double x = (i - (length - 1) / 2.0) / length;
                    m += Math.pow(x, p) * g[i];
                    scale += Math.abs(Math.pow(x, p) * g[i]);
                }
                assertEquals(0, m / scale, 1e-8, name + " moment " + p);
            }
            for (double omega = 0; omega < Math.PI; omega += 0.1) {
                double hr = 0, hi = 0, gr = 0, gi = 0;
                for (int i = 0; i < length; i++) {
                    hr += h[i] * Math.cos(omega * i);
                    hi += h[i] * Math.sin(omega * i);
                    gr += g[i] * Math.cos(omega * i);
                    gi += g[i] * Math.sin(omega * i);
                }
                assertEquals(2, hr * hr + hi * hi + gr * gr + gi * gi, 1e-9, name + " omega " + omega);
            }
        }
    }

    /**
     * The eight sub-bands of a 7x6x5 volume (odd sizes: wrap-padded to 8x6x6 and cropped back) equal the direct
     * circular convolution out[x] = sum_ijk fx[i] fy[j] fz[k] P[(x + F/2 - i) mod 8, ...] of the padded volume P.
     */
    @Test
    void subBandsEqualDirectCircularConvolution() {
        int[] size = {7, 6, 5};
        int[] padded = {8, 6, 6};
        double[] raw = new Random(5).doubles(7 * 6 * 5, -50, 50).toArray();
        ImageGeometry g = ImageGeometry.of(7, 6, 5, new double[3], new double[] {1, 1, 1});
        for (String name : List.of("coif1", "db2", "haar", "sym4")) {
            Wavelet w = Wavelet.of(name);
            List<FilteredImage> bands = new WaveletFilter(w, 1, 0, new Parallelism(2)).apply(new Image3D(g, raw), null);
            assertEquals(List.of("wavelet-LLH", "wavelet-LHL", "wavelet-LHH", "wavelet-HLL", "wavelet-HLH", "wavelet-HHL",
                    "wavelet-HHH", "wavelet-LLL"), bands.stream().map(FilteredImage::name).toList());
            int f = w.length();
            for (FilteredImage band : bands) {
                String letters = band.name().substring("wavelet-".length());
                double[][] filters = new double[3][];
                for (int a = 0; a < 3; a++) {
                    filters[a] = letters.charAt(a) == 'L' ? w.decLo() : w.decHi();
                }
                for (int z = 0; z < size[2]; z++) {
                    for (int y = 0; y < size[1]; y++) {
                        for (int x = 0; x < size[0]; x++) {
                            double sum = 0;
                            for (int k = 0; k < f; k++) {
                                for (int j = 0; j < f; j++) {
                                    for (int i = 0; i < f; i++) {
                                        int px = Math.floorMod(x + f / 2 - i, padded[0]);
                                        int py = Math.floorMod(y + f / 2 - j, padded[1]);
                                        int pz = Math.floorMod(z + f / 2 - k, padded[2]);
                                        // the wrap padding: padded index p maps to p mod size
                                        double v = raw[px % size[0] + size[0] * (py % size[1] + size[1] * (pz % size[2]))];
                                        sum += filters[0][i] * filters[1][j] * filters[2][k] * v;
                                    }
                                }
                            }
                            assertEquals(sum, band.image().get(x, y, z), 1e-9, name + " " + band.name());
                        }
                    }
                }
            }
        }
    }

    /**
     * Perfect reconstruction as a tight frame: on an even-sized volume the eight undecimated sub-bands hold
     * 2^3 times the energy of the input (|H|^2 + |G|^2 = 2 per axis), at every level of PyRadiomics'
     * decomposition (level k splits the LLL of level k-1).
     */
    @Test
    void subBandEnergiesAddUpToEightTimesTheInput() {
        ImageGeometry g = ImageGeometry.of(8, 10, 6, new double[3], new double[] {1, 1, 2});
        double[] raw = new Random(9).doubles(8 * 10 * 6, 0, 10).toArray();
        List<FilteredImage> bands = new WaveletFilter(Wavelet.of("db3"), 2, 0, Parallelism.single()).apply(new Image3D(g, raw), null);
        assertEquals(15, bands.size());
        assertEquals("wavelet2-HHH", bands.get(13).name());
        assertEquals("wavelet2-LLL", bands.get(14).name());
        double level2 = 0;
        for (int b = 7; b < 15; b++) {
            level2 += energy(bands.get(b).image());
        }
        // level 1 LLL is not an output with two levels: recompute it with one level
        Image3D lll1 = new WaveletFilter(Wavelet.of("db3"), 1, 0, Parallelism.single()).apply(new Image3D(g, raw), null).get(7).image();
        double level1 = energy(lll1);
        for (int b = 0; b < 7; b++) {
            level1 += energy(bands.get(b).image());
        }
        assertEquals(8 * energy(new Image3D(g, raw)), level1, 1e-9 * level1);
        assertEquals(8 * energy(lll1), level2, 1e-9 * level2);
        // start_level 1 drops the first level's details: its bands are the second level's
        List<FilteredImage> started = new WaveletFilter(Wavelet.of("db3"), 1, 1, Parallelism.single()).apply(new Image3D(g, raw), null);
        assertEquals("wavelet-LLH", started.get(0).name());
        assertArrayEquals(bands.get(7).image().voxels(), started.get(0).image().voxels(), 0);
    }

    private static double energy(Image3D image) {
        double e = 0;
        for (int i = 0; i < image.voxelCount(); i++) {
            e += image.get(i) * image.get(i);
        }
        return e;
    }
}
