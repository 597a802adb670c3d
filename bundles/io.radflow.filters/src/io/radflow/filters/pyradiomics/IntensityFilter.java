package io.radflow.filters.pyradiomics;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.List;
import java.util.Map;

/**
 * PyRadiomics' voxel-wise, range-preserving image types ({@code imageoperations.getSquareImage},
 * {@code getSquareRootImage}, {@code getLogarithmImage}, {@code getExponentialImage}), with M = max|x| over the
 * whole image:
 * <ul>
 * <li>{@link #SQUARE} ({@code square}): f(x) = (c x)^2, c = 1 / sqrt(M);</li>
 * <li>{@link #SQUARE_ROOT} ({@code squareroot}): f(x) = sqrt(c x) for x >= 0, -sqrt(-c x) for x < 0, c = M;</li>
 * <li>{@link #LOGARITHM} ({@code logarithm}): g(x) = log(x + 1) for x >= 0, -log(1 - x) for x < 0, then
 * f = g M / max|g| (= c g with c = M / log(M + 1));</li>
 * <li>{@link #EXPONENTIAL} ({@code exponential}): f(x) = exp(c x), c = log(M) / M.</li>
 * </ul>
 * An image whose voxels are all 0 is rejected (PyRadiomics divides by zero there).
 */
public final class IntensityFilter implements ImageFilter {

    public static final IntensityFilter SQUARE = new IntensityFilter("Square", "square");
    public static final IntensityFilter SQUARE_ROOT = new IntensityFilter("SquareRoot", "squareroot");
    public static final IntensityFilter LOGARITHM = new IntensityFilter("Logarithm", "logarithm");
    public static final IntensityFilter EXPONENTIAL = new IntensityFilter("Exponential", "exponential");

    /** The four, in PyRadiomics' documentation order. */
    public static final List<IntensityFilter> ALL = List.of(SQUARE, SQUARE_ROOT, LOGARITHM, EXPONENTIAL);

    private final String typeName;
    private final String derivedName;

    private IntensityFilter(String typeName, String derivedName) {
        this.typeName = typeName;
        this.derivedName = derivedName;
    }

    /** The PyRadiomics image type name ({@code Square} ...). */
    @Override
    public String name() {
        return typeName;
    }

    /** The derived image name ({@code square} ...). */
    public String derivedName() {
        return derivedName;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public List<FilteredImage> apply(Image3D image, Mask maskOrNull) {
        double m = Volumes.maxAbs(image, typeName);
        double[] v = image.voxels();
        switch (derivedName) {
            case "square" -> {
                double c = 1 / Math.sqrt(m);
                for (int i = 0; i < v.length; i++) {
                    double cx = c * v[i];
                    v[i] = cx * cx;
                }
            }
            case "squareroot" -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] > 0 ? Math.sqrt(v[i] * m) : v[i] < 0 ? -Math.sqrt(-v[i] * m) : v[i];
                }
            }
            case "logarithm" -> {
                double maxLog = 0;
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] > 0 ? Math.log(v[i] + 1) : v[i] < 0 ? -Math.log(-(v[i] - 1)) : v[i];
                    maxLog = Math.max(maxLog, Math.abs(v[i]));
                }
                double scale = m / maxLog;
                for (int i = 0; i < v.length; i++) {
                    v[i] *= scale;
                }
            }
            case "exponential" -> {
                double c = Math.log(m) / m;
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.exp(c * v[i]);
                }
            }
            default -> throw new IllegalStateException(derivedName);
        }
        return List.of(new FilteredImage(derivedName, Image3D.wrap(image.geometry(), v)));
    }
}
