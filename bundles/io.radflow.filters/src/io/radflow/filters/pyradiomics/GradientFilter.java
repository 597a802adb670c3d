package io.radflow.filters.pyradiomics;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.List;
import java.util.Map;

/**
 * PyRadiomics' {@code getGradientImage}: the gradient magnitude as SimpleITK's
 * {@code GradientMagnitudeImageFilter} computes it, central differences with the edge voxel repeated beyond the
 * border (ITK's {@code ZeroFluxNeumannBoundaryCondition}):
 *
 * <pre>
 *   |grad I|(x) = sqrt( sum_d ( (I(x + e_d) - I(x - e_d)) / (2 s_d) )^2 ),   s_d = spacing_d if gradientUseSpacing else 1
 * </pre>
 *
 * The image direction is ignored, as in ITK. Derived name {@code gradient}. Double arithmetic (SimpleITK outputs
 * float32 for integer images).
 */
public final class GradientFilter implements ImageFilter {

    private final boolean useSpacing;
    private final Parallelism parallelism;

    public GradientFilter(boolean useSpacing, Parallelism parallelism) {
        this.useSpacing = useSpacing;
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "Gradient";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("gradientUseSpacing", useSpacing);
    }

    @Override
    public List<FilteredImage> apply(Image3D image, Mask maskOrNull) {
        ImageGeometry g = image.geometry();
        int nx = g.sizeX();
        int ny = g.sizeY();
        int nz = g.sizeZ();
        double[] s = useSpacing ? g.spacing() : new double[] {1, 1, 1};
        double[] v = image.voxels();
        double[] out = new double[v.length];
        parallelism.forEach(nz, z -> {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double dx = (v[g.index(Math.min(x + 1, nx - 1), y, z)] - v[g.index(Math.max(x - 1, 0), y, z)]) / (2 * s[0]);
                    double dy = (v[g.index(x, Math.min(y + 1, ny - 1), z)] - v[g.index(x, Math.max(y - 1, 0), z)]) / (2 * s[1]);
                    double dz = (v[g.index(x, y, Math.min(z + 1, nz - 1))] - v[g.index(x, y, Math.max(z - 1, 0))]) / (2 * s[2]);
                    out[g.index(x, y, z)] = Math.sqrt(dx * dx + dy * dy + dz * dz);
                }
            }
        });
        return List.of(new FilteredImage("gradient", Image3D.wrap(g, out)));
    }
}
