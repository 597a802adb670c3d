package io.radflow.filters.ibsi2;

import io.radflow.filters.Padding;
import io.radflow.filters.Parallelism;
import io.radflow.filters.SeparableConvolution;

import java.util.Arrays;

/**
 * A separable kernel {@code K(p) = prod_a k_a(p_a)}: one 1D kernel per volume axis (null where the kernel does not
 * extend along that axis), each with the index of its tap that lands on the output voxel, and a common dilation
 * (taps {@code dilation} voxels apart, as the undecimated wavelet transform uses at deeper levels). Applying it is
 * one true convolution per axis, {@code y[i] = sum_m k[m] x[i - (m - centre) dilation]}.
 */
record SeparableKernel(double[][] taps, int[] centres, int dilation) {

    SeparableKernel {
        taps = new double[][] {copy(taps[0]), copy(taps[1]), copy(taps[2])};
        centres = centres.clone();
    }

    /** One 1D kernel per axis (null: none), each centred at index {@code (length - 1) / 2}, no dilation. */
    static SeparableKernel centred(double[][] perAxis) {
        int[] centres = new int[3];
        for (int a = 0; a < 3; a++) {
            centres[a] = perAxis[a] == null ? 0 : (perAxis[a].length - 1) / 2;
        }
        return new SeparableKernel(perAxis, centres, 1);
    }

    /** Convolves {@code volume} along every axis that has a kernel. */
    double[] apply(double[] volume, int[] size, Padding padding, Parallelism parallelism) {
        double[] out = volume;
        for (int a = 0; a < 3; a++) {
            if (taps[a] != null) {
                out = SeparableConvolution.convolve(out, size, a, taps[a], centres[a], dilation, padding, parallelism);
            }
        }
        return out == volume ? volume.clone() : out;
    }

    /**
     * The kernel {@code K(R p)} (see {@link AxisRotation}): the 1D kernel of axis {@code a} moves to axis
     * {@code permutation_a}, reversed (centre {@code length - 1 - centre}) where {@code sign_a = -1}.
     */
    SeparableKernel rotated(AxisRotation rotation) {
        int[] p = rotation.permutation();
        int[] s = rotation.signs();
        double[][] t = new double[3][];
        int[] c = new int[3];
        for (int a = 0; a < 3; a++) {
            double[] k = taps[a];
            if (k == null) {
                continue;
            }
            if (s[a] < 0) {
                double[] r = new double[k.length];
                for (int m = 0; m < k.length; m++) {
                    r[m] = k[k.length - 1 - m];
                }
                t[p[a]] = r;
                c[p[a]] = k.length - 1 - centres[a];
            } else {
                t[p[a]] = k;
                c[p[a]] = centres[a];
            }
        }
        return new SeparableKernel(t, c, dilation);
    }

    /** The same kernel with another dilation. */
    SeparableKernel dilated(int newDilation) {
        return new SeparableKernel(taps, centres, newDilation);
    }

    /** A text that is equal for equal kernels (for skipping rotations that give the same kernel). */
    String signature() {
        return Arrays.deepToString(taps) + Arrays.toString(centres) + dilation;
    }

    private static double[] copy(double[] k) {
        return k == null ? null : k.clone();
    }
}
