package io.radflow.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Padding modes as IBSI-2 spells them out, and separable convolution against a direct sum. */
class PaddingAndConvolutionTest {

    /** The IBSI-2 examples for the line a b c d, two voxels beyond each end. */
    @Test
    void paddingModesExtendALineAsIbsi2Shows() {
        assertArrayEquals(new int[] {-1, -1, 0, 1, 2, 3, -1, -1}, padded(Padding.CONSTANT));
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 3, 3, 3}, padded(Padding.NEAREST));
        assertArrayEquals(new int[] {2, 3, 0, 1, 2, 3, 0, 1}, padded(Padding.PERIODIC));
        assertArrayEquals(new int[] {1, 0, 0, 1, 2, 3, 3, 2}, padded(Padding.MIRROR));
        // an overhang longer than the line: mirror keeps reflecting (d c b a | a b c d | d c b a | a ...)
        assertEquals(3, Padding.MIRROR.index(-5, 4));
        assertEquals(0, Padding.MIRROR.index(8, 4));
        assertEquals(Padding.MIRROR, Padding.parse("reflect"));
        assertThrows(IllegalArgumentException.class, () -> Padding.parse("mirorr"));
    }

    private static int[] padded(Padding padding) {
        int[] out = new int[8];
        for (int i = -2; i < 6; i++) {
            out[i + 2] = padding.index(i, 4);
        }
        return out;
    }

    /** Each axis of a random volume, every padding, a dilated off-centre kernel, 1 and 3 threads. */
    @Test
    void convolutionAlongEachAxisEqualsTheDirectSum() {
        int[] size = {7, 5, 6};
        double[] volume = new Random(3).doubles(7 * 5 * 6, -10, 10).toArray();
        double[] kernel = {0.5, -1, 2, 0.25};
        for (Padding padding : Padding.values()) {
            for (int axis = 0; axis < 3; axis++) {
                for (int dilation : new int[] {1, 2}) {
                    double[] single = SeparableConvolution.convolve(volume, size, axis, kernel, 1, dilation, padding,
                            Parallelism.single());
                    double[] threaded = SeparableConvolution.convolve(volume, size, axis, kernel, 1, dilation, padding,
                            new Parallelism(3));
                    assertArrayEquals(single, threaded, 0, "results must not depend on the thread count");
                    for (int z = 0; z < size[2]; z++) {
                        for (int y = 0; y < size[1]; y++) {
                            for (int x = 0; x < size[0]; x++) {
                                int[] p = {x, y, z};
                                double sum = 0;
                                for (int k = 0; k < kernel.length; k++) {
                                    int[] q = p.clone();
                                    int source = padding.index(p[axis] - (k - 1) * dilation, size[axis]);
                                    if (source >= 0) {
                                        q[axis] = source;
                                        sum += kernel[k] * volume[q[0] + size[0] * (q[1] + size[1] * q[2])];
                                    }
                                }
                                assertEquals(sum, single[x + size[0] * (y + size[1] * z)], 1e-12,
                                        padding + " axis " + axis + " dilation " + dilation);
                            }
                        }
                    }
                }
            }
        }
    }
}
