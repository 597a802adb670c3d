package io.radflow.filters.ibsi2;

import io.radflow.filters.Parallelism;

/**
 * Discrete Fourier transforms of volumes (x fastest, then y, then z) along one axis at a time, and of single 2D
 * slices; see {@link Fft} for the definition. Stateless.
 */
final class FourierTransforms {

    private FourierTransforms() {
    }

    /** Transforms every line of the complex volume {@code (re, im)} along {@code axis}, in place. */
    static void alongAxis(double[] re, double[] im, int[] size, int axis, boolean inverse, Parallelism parallelism) {
        int nx = size[0];
        int ny = size[1];
        int n = size[axis];
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        int items = axis == 2 ? ny : size[2];
        int linesPerItem = axis == 0 ? ny : nx;
        Fft fft = Fft.of(n);
        parallelism.forEach(items, item -> {
            double[] lineRe = new double[n];
            double[] lineIm = new double[n];
            for (int line = 0; line < linesPerItem; line++) {
                int start = switch (axis) {
                    case 0 -> nx * (line + ny * item);
                    case 1 -> line + nx * ny * item;
                    default -> line + nx * item;
                };
                for (int i = 0, p = start; i < n; i++, p += stride) {
                    lineRe[i] = re[p];
                    lineIm[i] = im[p];
                }
                if (inverse) {
                    fft.inverse(lineRe, lineIm);
                } else {
                    fft.forward(lineRe, lineIm);
                }
                for (int i = 0, p = start; i < n; i++, p += stride) {
                    re[p] = lineRe[i];
                    im[p] = lineIm[i];
                }
            }
        });
    }

    /** Transforms the volume along each axis in {@code axes}, in place. */
    static void alongAxes(double[] re, double[] im, int[] size, int[] axes, boolean inverse, Parallelism parallelism) {
        for (int axis : axes) {
            alongAxis(re, im, size, axis, inverse, parallelism);
        }
    }

    /** 2D transform of one {@code fx.length() x fy.length()} slice (x fastest), in place, on the calling thread. */
    static void slice(double[] re, double[] im, Fft fx, Fft fy, boolean inverse) {
        int nx = fx.length();
        int ny = fy.length();
        double[] lineRe = new double[Math.max(nx, ny)];
        double[] lineIm = new double[Math.max(nx, ny)];
        for (int y = 0; y < ny; y++) {
            System.arraycopy(re, y * nx, lineRe, 0, nx);
            System.arraycopy(im, y * nx, lineIm, 0, nx);
            if (inverse) {
                fx.inverse(lineRe, lineIm);
            } else {
                fx.forward(lineRe, lineIm);
            }
            System.arraycopy(lineRe, 0, re, y * nx, nx);
            System.arraycopy(lineIm, 0, im, y * nx, nx);
        }
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                lineRe[y] = re[x + y * nx];
                lineIm[y] = im[x + y * nx];
            }
            if (inverse) {
                fy.inverse(lineRe, lineIm);
            } else {
                fy.forward(lineRe, lineIm);
            }
            for (int y = 0; y < ny; y++) {
                re[x + y * nx] = lineRe[y];
                im[x + y * nx] = lineIm[y];
            }
        }
    }
}
