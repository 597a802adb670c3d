package io.radflow.image.resample;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.stream.IntStream;

/**
 * Radflow's pure-Java {@link Resampler}: for every target voxel {@code p}, the source continuous index is
 * {@code c = (D_s S_s)^{-1} (o_t + D_t S_t p - o_s)}, evaluated in this order (world point first) as ITK does, so that
 * points exactly between two voxels round the same way (origins {@code o}, direction matrices {@code D}, spacing
 * diagonals {@code S} of source and target, ITK's index-to-physical mapping), and the value is
 * {@link Interpolator.Sampler#at} {@code c}, or what the {@link Extrapolation} says outside the source grid.
 * Slices of the target are computed in parallel.
 */
public final class GridResampler implements Resampler {

    @Override
    public Image3D resample(Image3D image, ImageGeometry target, Interpolator interpolator, Extrapolation extrapolation) {
        ImageGeometry source = image.geometry();
        double[][] inverse = invert(indexToWorldMatrix(source));
        double[][] toWorld = indexToWorldMatrix(target);
        double[] so = source.origin();
        double[] to = target.origin();
        Interpolator.Sampler sampler = interpolator.sampler(image);
        int nx = target.sizeX();
        int ny = target.sizeY();
        int nz = target.sizeZ();
        int[] sourceSize = source.size();
        double[] out = new double[target.voxelCount()];
        IntStream.range(0, nz).parallel().forEach(z -> {
            double[] c = new double[3];
            double[] w = new double[3];
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    // world point of the target voxel, then the source index of that point (as ITK does)
                    for (int r = 0; r < 3; r++) {
                        w[r] = to[r] + toWorld[r][0] * x + toWorld[r][1] * y + toWorld[r][2] * z - so[r];
                    }
                    boolean inside = true;
                    for (int r = 0; r < 3; r++) {
                        double v = inverse[r][0] * w[0] + inverse[r][1] * w[1] + inverse[r][2] * w[2];
                        if (extrapolation == Extrapolation.EDGE) {
                            v = Math.max(0, Math.min(sourceSize[r] - 1, v));
                        } else if (v < -0.5 || v >= sourceSize[r] - 0.5) {
                            inside = false;
                        }
                        c[r] = v;
                    }
                    out[row + x] = inside ? sampler.at(c[0], c[1], c[2]) : 0.0;
                }
            }
        });
        return Image3D.wrap(target, out);
    }

    /** {@code D diag(spacing)}: continuous index to world offset from the origin. */
    private static double[][] indexToWorldMatrix(ImageGeometry g) {
        double[] d = g.direction();
        double[] s = g.spacing();
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = d[3 * r + c] * s[c];
            }
        }
        return m;
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("The source grid's direction matrix is singular (determinant " + det + ")");
        }
        double[][] inv = new double[3][3];
        inv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        inv[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        inv[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        inv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return inv;
    }
}
