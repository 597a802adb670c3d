package org.example.radflowlab;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.Arrays;

/**
 * Median filter of a 3D image over a cubic neighbourhood of (2r+1)^3 voxels, as ITK's {@code MedianImageFilter}
 * with radius r: each voxel becomes the median of the voxels of the neighbourhood that lie inside the image (at the
 * border the neighbourhood is cut, not padded). For an even count the median is the mean of the two middle values.
 * Stateless and thread-safe.
 */
public final class MedianFilter {

    private MedianFilter() {
    }

    /**
     * @param radius neighbourhood radius in voxels, 1 to 5
     * @throws IllegalArgumentException for a radius outside 1 to 5
     */
    public static Image3D apply(Image3D image, int radius) {
        if (radius < 1 || radius > 5) {
            throw new IllegalArgumentException("median radius must be 1 to 5 voxels, got " + radius);
        }
        ImageGeometry g = image.geometry();
        int nx = g.sizeX();
        int ny = g.sizeY();
        int nz = g.sizeZ();
        double[] out = new double[g.voxelCount()];
        double[] window = new double[(2 * radius + 1) * (2 * radius + 1) * (2 * radius + 1)];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int n = 0;
                    for (int k = Math.max(0, z - radius); k <= Math.min(nz - 1, z + radius); k++) {
                        for (int j = Math.max(0, y - radius); j <= Math.min(ny - 1, y + radius); j++) {
                            for (int i = Math.max(0, x - radius); i <= Math.min(nx - 1, x + radius); i++) {
                                window[n++] = image.get(i, j, k);
                            }
                        }
                    }
                    Arrays.sort(window, 0, n);
                    out[g.index(x, y, z)] = n % 2 == 1 ? window[n / 2] : (window[n / 2 - 1] + window[n / 2]) / 2;
                }
            }
        }
        return Image3D.wrap(g, out);
    }
}
