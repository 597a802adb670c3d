package io.radflow.filters;

/**
 * One-dimensional operations along an axis of a volume stored as {@code double[]} with x fastest, then y, then
 * z (the layout of {@link io.radflow.image.Image3D}); a separable 3D filter is one call per axis. Work is split
 * into planes (x and y lines: one z slice per item; z lines: one y row per item), so results do not depend on the
 * thread count; y and z lines are gathered through a transposed plane buffer so memory is read row by row.
 * Stateless.
 */
public final class SeparableConvolution {

    private SeparableConvolution() {
    }

    /**
     * An operation on one line of voxels. It reads {@code in} and writes every element of {@code out} (both of
     * the line's length) and may keep no state between calls: several threads call it at once.
     */
    @FunctionalInterface
    public interface LineOperation {
        void apply(double[] in, double[] out);
    }

    /**
     * Applies {@code operation} to every line of {@code volume} along {@code axis} (0 = x, 1 = y, 2 = z).
     *
     * @param size the volume size {x, y, z}; {@code volume.length} must be their product
     * @return a new volume
     */
    public static double[] alongAxis(double[] volume, int[] size, int axis, LineOperation operation,
            Parallelism parallelism) {
        int nx = size[0];
        int ny = size[1];
        int nz = size[2];
        if ((long) nx * ny * nz != volume.length) {
            throw new IllegalArgumentException("volume has " + volume.length + " voxels, size " + nx + "x" + ny + "x" + nz
                    + " needs " + (long) nx * ny * nz);
        }
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
        double[] result = new double[volume.length];
        int n = size[axis];
        if (axis == 0) {
            parallelism.forEach(nz, z -> {
                double[] in = new double[n];
                double[] out = new double[n];
                for (int y = 0; y < ny; y++) {
                    int start = nx * (y + ny * z);
                    System.arraycopy(volume, start, in, 0, n);
                    operation.apply(in, out);
                    System.arraycopy(out, 0, result, start, n);
                }
            });
            return result;
        }
        // y or z lines: copy the plane holding nx of them (contiguous rows) into a transposed buffer, so that
        // every line is contiguous and the volume is read and written row by row
        int stride = axis == 1 ? nx : nx * ny;
        int items = axis == 2 ? ny : nz;
        int itemStride = axis == 2 ? nx : nx * ny;
        parallelism.forEach(items, item -> {
            double[] plane = new double[nx * n];
            int base = item * itemStride;
            for (int i = 0; i < n; i++) {
                int row = base + i * stride;
                for (int x = 0; x < nx; x++) {
                    plane[x * n + i] = volume[row + x];
                }
            }
            double[] in = new double[n];
            double[] out = new double[n];
            for (int x = 0; x < nx; x++) {
                System.arraycopy(plane, x * n, in, 0, n);
                operation.apply(in, out);
                System.arraycopy(out, 0, plane, x * n, n);
            }
            for (int i = 0; i < n; i++) {
                int row = base + i * stride;
                for (int x = 0; x < nx; x++) {
                    result[row + x] = plane[x * n + i];
                }
            }
        });
        return result;
    }

    /**
     * Convolves every line along {@code axis} with {@code kernel}:
     * {@code out[i] = sum_k kernel[k] x[i - (k - centre) * dilation]}, with {@code x} outside the line given by
     * {@code padding}. {@code centre} is the kernel index that lands on the output voxel; {@code dilation} > 1
     * spreads the taps apart (a trous, as in the undecimated wavelet transform at deeper levels).
     *
     * @return a new volume
     */
    public static double[] convolve(double[] volume, int[] size, int axis, double[] kernel, int centre, int dilation,
            Padding padding, Parallelism parallelism) {
        if (kernel.length == 0 || centre < 0 || centre >= kernel.length || dilation < 1) {
            throw new IllegalArgumentException("kernel of length " + kernel.length + " with centre " + centre
                    + " and dilation " + dilation + ": need a non-empty kernel, 0 <= centre < length, dilation >= 1");
        }
        double[] taps = kernel.clone();
        int left = (taps.length - 1 - centre) * dilation;
        int right = centre * dilation;
        return alongAxis(volume, size, axis, (in, out) -> {
            int n = in.length;
            double[] padded = new double[n + left + right];
            for (int j = 0; j < padded.length; j++) {
                int source = padding.index(j - left, n);
                padded[j] = source < 0 ? 0 : in[source];
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                int base = i + left + centre * dilation;
                for (int k = 0; k < taps.length; k++) {
                    sum += taps[k] * padded[base - k * dilation];
                }
                out[i] = sum;
            }
        }, parallelism);
    }
}
