package io.radflow.filters.ibsi2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radflow.filters.Padding;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Properties the filter definitions must have, each of which fails for a wrong coefficient or rule. */
class KernelDefinitionTest {

    /**
     * Orthonormal wavelet filters: sum(lo) = sqrt 2, unit norm, orthogonal to their even shifts; the high-pass filter
     * has as many vanishing moments as the wavelet's order (Haar 1, db2 2, db3 3, coif1 2).
     */
    @Test
    void waveletFiltersAreOrthonormalWithVanishingMoments() {
        int[] moments = {1, 2, 3, 2};
        for (Wavelet w : Wavelet.values()) {
            double[] lo = w.lowPass();
            double[] hi = w.highPass();
            double sum = 0;
            for (double v : lo) {
                sum += v;
            }
            assertEquals(Math.sqrt(2), sum, 1e-12, w + " sum of dec_lo");
            for (int shift = 0; shift < lo.length; shift += 2) {
                double dot = 0;
                double cross = 0;
                for (int n = 0; n + shift < lo.length; n++) {
                    dot += lo[n] * lo[n + shift];
                    cross += lo[n] * hi[n + shift];
                }
                assertEquals(shift == 0 ? 1 : 0, dot, 1e-12, w + " dec_lo with its shift " + shift);
                assertEquals(0, cross, 1e-12, w + " dec_lo with dec_hi shifted by " + shift);
            }
            for (int k = 0; k < moments[w.ordinal()]; k++) {
                double m = 0;
                for (int n = 0; n < hi.length; n++) {
                    m += Math.pow(n, k) * hi[n];
                }
                assertEquals(0, m, 1e-10, w + " moment " + k + " of dec_hi");
            }
        }
    }

    @Test
    void lawsKernelsHaveUnitNormAndNamesAreChecked() {
        for (String name : new String[] {"L3", "E3", "S3", "L5", "E5", "S5", "W5", "R5"}) {
            double norm = 0;
            for (double v : LawsFilter.kernel(name)) {
                norm += v * v;
            }
            assertEquals(1, norm, 1e-12, name);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new LawsFilter("E5L5", FilterDimensions.THREE_D, Padding.MIRROR, Pooling.NONE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LawsFilter("E5X5S5", FilterDimensions.THREE_D, Padding.MIRROR, Pooling.NONE, 0));
    }

    @Test
    void rotationsAreTheGroupOfTwentyFourAndFour() {
        Set<String> distinct = new HashSet<>();
        for (AxisRotation r : AxisRotation.all3D()) {
            distinct.add(java.util.Arrays.toString(r.permutation()) + java.util.Arrays.toString(r.signs()));
        }
        assertEquals(24, distinct.size());
        assertEquals(4, AxisRotation.inPlane().size());
        assertThrows(IllegalArgumentException.class, () -> new AxisRotation(new int[] {0, 1, 2}, new int[] {-1, 1, 1}));
    }

    /** The Simoncelli band-pass: 1 at w_b / 2, 0 at and beyond w_b / 4 and w_b, halving w_b per level. */
    @Test
    void simoncelliTransferFunctionPeaksInItsBand() {
        SimoncelliWaveletFilter level1 = new SimoncelliWaveletFilter(1, FilterDimensions.THREE_D);
        SimoncelliWaveletFilter level2 = new SimoncelliWaveletFilter(2, FilterDimensions.THREE_D);
        assertEquals(1, level1.transfer(Math.PI / 2), 1e-12);
        assertEquals(1, level2.transfer(Math.PI / 4), 1e-12);
        assertEquals(0, level1.transfer(Math.PI / 4), 1e-12);
        assertEquals(0, level1.transfer(Math.PI), 1e-12);
        assertEquals(Math.cos(Math.PI / 2 * (Math.log(1.5) / Math.log(2))), level1.transfer(0.75 * Math.PI), 1e-12);
        // N frequencies from -pi to pi inclusive, ifftshift-ed: index 0 holds the middle one
        assertEquals(-Math.PI + 2 * Math.PI * 32 / 63, SimoncelliWaveletFilter.frequency(0, 64), 1e-12);
        assertEquals(Math.PI, SimoncelliWaveletFilter.frequency(31, 64), 1e-12);
        assertEquals(-Math.PI, SimoncelliWaveletFilter.frequency(32, 64), 1e-12);
    }
}
