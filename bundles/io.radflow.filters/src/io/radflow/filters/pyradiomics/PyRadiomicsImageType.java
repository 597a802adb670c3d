package io.radflow.filters.pyradiomics;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Setting;
import io.radflow.features.extraction.ImageType;
import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The PyRadiomics image types ({@code radiomics.imageoperations.get<Type>Image}) as extraction
 * {@link ImageType}s: each builds its {@link ImageFilter} from the settings (keys and defaults as PyRadiomics
 * reads them from its kwargs). Immutable and thread-safe.
 */
public final class PyRadiomicsImageType implements ImageType {

    public static final Setting<List<Double>> SIGMA = Setting.ofDoubleList("sigma", List.of(),
            "LoG: Gaussian widths in mm, one derived image per sigma (PyRadiomics sigma).");
    public static final Setting<String> WAVELET = Setting.ofString("wavelet", "coif1",
            "Wavelet: the PyWavelets wavelet (haar, dbN, symN, coifN).");
    public static final Setting<Integer> LEVEL = Setting.ofInt("level", 1,
            "Wavelet: number of decomposition levels that yield images.");
    public static final Setting<Integer> START_LEVEL = Setting.ofInt("start_level", 0,
            "Wavelet: 0-based level of the first decomposition that yields images.");
    public static final Setting<Boolean> GRADIENT_USE_SPACING = Setting.ofBoolean("gradientUseSpacing", true,
            "Gradient: differences per mm (true) or per voxel (false).");
    public static final Setting<Double> LBP2D_RADIUS = Setting.ofDouble("lbp2DRadius", 1.0,
            "LBP2D: radius of the sampling circle in voxels.");
    public static final Setting<Integer> LBP2D_SAMPLES = Setting.ofInt("lbp2DSamples", 8,
            "LBP2D: number of samples on the circle.");
    public static final Setting<String> LBP2D_METHOD = Setting.ofString("lbp2DMethod", "uniform",
            "LBP2D: scikit-image method (default, ror, uniform, nri_uniform).");
    public static final Setting<Integer> FORCE2D_DIMENSION = Setting.ofInt("force2Ddimension", 0,
            "LBP2D: axis perpendicular to the slices (0 axial, 1 coronal, 2 sagittal).");
    public static final Setting<Integer> LBP3D_LEVELS = Setting.ofInt("lbp3DLevels", 2,
            "LBP3D: number of spherical-harmonics levels (one image per level).");
    public static final Setting<Double> LBP3D_RADIUS = Setting.ofDouble("lbp3DIcosphereRadius", 1.0,
            "LBP3D: radius of the sampling sphere in voxels.");
    public static final Setting<Integer> LBP3D_SUBDIVISION = Setting.ofInt("lbp3DIcosphereSubdivision", 1,
            "LBP3D: icosphere subdivisions (1: 42 samples).");

    public static final PyRadiomicsImageType LOG = new PyRadiomicsImageType("LoG", List.of(SIGMA),
            (s, p) -> new LaplacianOfGaussianFilter(s.get(SIGMA), p),
            s -> s.get(SIGMA).stream().map(LaplacianOfGaussianFilter::derivedName).toList());
    public static final PyRadiomicsImageType WAVELET_TYPE = new PyRadiomicsImageType("Wavelet",
            List.of(WAVELET, LEVEL, START_LEVEL), PyRadiomicsImageType::wavelet, s -> wavelet(s, Parallelism.single()).derivedNames());
    public static final PyRadiomicsImageType SQUARE = intensity(IntensityFilter.SQUARE);
    public static final PyRadiomicsImageType SQUARE_ROOT = intensity(IntensityFilter.SQUARE_ROOT);
    public static final PyRadiomicsImageType LOGARITHM = intensity(IntensityFilter.LOGARITHM);
    public static final PyRadiomicsImageType EXPONENTIAL = intensity(IntensityFilter.EXPONENTIAL);
    public static final PyRadiomicsImageType GRADIENT = new PyRadiomicsImageType("Gradient", List.of(GRADIENT_USE_SPACING),
            (s, p) -> new GradientFilter(s.get(GRADIENT_USE_SPACING), p), s -> List.of("gradient"));
    public static final PyRadiomicsImageType LBP2D = new PyRadiomicsImageType("LBP2D",
            List.of(LBP2D_RADIUS, LBP2D_SAMPLES, LBP2D_METHOD, FORCE2D_DIMENSION),
            (s, p) -> new Lbp2DFilter(s.get(LBP2D_RADIUS), s.get(LBP2D_SAMPLES), s.get(LBP2D_METHOD), s.get(FORCE2D_DIMENSION), p),
            s -> List.of("lbp-2D"));
    public static final PyRadiomicsImageType LBP3D = new PyRadiomicsImageType("LBP3D",
            List.of(LBP3D_LEVELS, LBP3D_RADIUS, LBP3D_SUBDIVISION), PyRadiomicsImageType::lbp3D,
            s -> lbp3D(s, Parallelism.single()).derivedNames());

    private final String name;
    private final List<Setting<?>> settings;
    private final BiFunction<FeatureSettings, Parallelism, ImageFilter> factory;
    private final Function<FeatureSettings, List<String>> names;

    private PyRadiomicsImageType(String name, List<Setting<?>> settings,
            BiFunction<FeatureSettings, Parallelism, ImageFilter> factory, Function<FeatureSettings, List<String>> names) {
        this.name = name;
        this.settings = List.copyOf(settings);
        this.factory = factory;
        this.names = names;
    }

    /** All PyRadiomics image types besides Original, in PyRadiomics' documentation order. */
    public static List<PyRadiomicsImageType> all() {
        return List.of(LOG, WAVELET_TYPE, SQUARE, SQUARE_ROOT, LOGARITHM, EXPONENTIAL, GRADIENT, LBP2D, LBP3D);
    }

    /** The image type of a PyRadiomics name ({@code LoG}, {@code Wavelet} ...). */
    public static PyRadiomicsImageType of(String name) {
        return all().stream().filter(t -> t.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "image type '" + name + "' is unknown; known: " + all().stream().map(PyRadiomicsImageType::name).toList()));
    }

    private static PyRadiomicsImageType intensity(IntensityFilter filter) {
        return new PyRadiomicsImageType(filter.name(), List.of(), (s, p) -> filter, s -> List.of(filter.derivedName()));
    }

    private static WaveletFilter wavelet(FeatureSettings s, Parallelism p) {
        return new WaveletFilter(Wavelet.of(s.get(WAVELET)), s.get(LEVEL), s.get(START_LEVEL), p);
    }

    private static Lbp3DFilter lbp3D(FeatureSettings s, Parallelism p) {
        return new Lbp3DFilter(s.get(LBP3D_LEVELS), s.get(LBP3D_RADIUS), s.get(LBP3D_SUBDIVISION), p);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Setting<?>> settings() {
        return settings;
    }

    /**
     * The configured filter.
     *
     * @throws IllegalArgumentException when a setting is invalid (unknown wavelet, negative level ...)
     */
    public ImageFilter filter(FeatureSettings s, Parallelism parallelism) {
        return factory.apply(s, parallelism);
    }

    @Override
    public List<String> derivedNames(FeatureSettings s) {
        return names.apply(s);
    }

    /** Derives the images with all cores. */
    @Override
    public Map<String, Image3D> derive(Image3D image, Mask mask, FeatureSettings s) {
        Map<String, Image3D> out = new LinkedHashMap<>();
        for (FilteredImage f : filter(s, Parallelism.allCores()).apply(image, mask)) {
            out.put(f.name(), f.image());
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
