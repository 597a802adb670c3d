package io.radflow.demo;

import java.util.SplittableRandom;

/**
 * A smooth random field ("value noise") used as tissue texture: standard normal values on a
 * coarse lattice with spacing {@code cellMm}, interpolated trilinearly with smoothstep weights
 * {@code w(t) = t^2 (3 - 2t)}, so the field is continuous with a continuous gradient. The lattice
 * covers the box {@code [min, max]} (mm, per axis) with one extra node on each side. Immutable after
 * construction; deterministic for a given generator state.
 */
final class SmoothNoise {

    private final double[] min;
    private final double cellMm;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] lattice;

    SmoothNoise(SplittableRandom random, double[] min, double[] max, double cellMm) {
        this.min = min.clone();
        this.cellMm = cellMm;
        this.nx = (int) Math.ceil((max[0] - min[0]) / cellMm) + 2;
        this.ny = (int) Math.ceil((max[1] - min[1]) / cellMm) + 2;
        this.nz = (int) Math.ceil((max[2] - min[2]) / cellMm) + 2;
        this.lattice = new double[nx * ny * nz];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = DemoCohortGenerator.gaussian(random);
        }
    }

    /** The field at world point (x, y, z) mm; points outside the box are clamped to it. */
    double value(double x, double y, double z) {
        double gx = clamp((x - min[0]) / cellMm, nx - 1);
        double gy = clamp((y - min[1]) / cellMm, ny - 1);
        double gz = clamp((z - min[2]) / cellMm, nz - 1);
        int ix = Math.min((int) gx, nx - 2);
        int iy = Math.min((int) gy, ny - 2);
        int iz = Math.min((int) gz, nz - 2);
        double tx = smooth(gx - ix);
        double ty = smooth(gy - iy);
        double tz = smooth(gz - iz);
        double c00 = lerp(at(ix, iy, iz), at(ix + 1, iy, iz), tx);
        double c10 = lerp(at(ix, iy + 1, iz), at(ix + 1, iy + 1, iz), tx);
        double c01 = lerp(at(ix, iy, iz + 1), at(ix + 1, iy, iz + 1), tx);
        double c11 = lerp(at(ix, iy + 1, iz + 1), at(ix + 1, iy + 1, iz + 1), tx);
        return lerp(lerp(c00, c10, ty), lerp(c01, c11, ty), tz);
    }

    private double at(int x, int y, int z) {
        return lattice[x + nx * (y + ny * z)];
    }

    private static double clamp(double g, int top) {
        return g < 0 ? 0 : Math.min(g, top);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
