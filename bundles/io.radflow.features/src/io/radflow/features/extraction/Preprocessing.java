package io.radflow.features.extraction;

import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.mask.BoundingBox;
import io.radflow.image.mask.Connectivity;
import io.radflow.image.mask.MaskOperations;
import io.radflow.image.preprocess.IntensityNormalisation;
import io.radflow.image.preprocess.Resegmentation;
import io.radflow.image.resample.GridResampler;
import io.radflow.image.resample.Interpolator;
import io.radflow.image.resample.PyRadiomicsResampling;
import io.radflow.image.resample.Resampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PyRadiomics' image preprocessing as {@code RadiomicsFeatureExtractor.execute} applies it before the features, read
 * from the {@code setting} section of a parameter file, in PyRadiomics' order:
 * <ol>
 * <li><b>normalise</b> the whole image ({@code normalize} [False], {@code normalizeScale} [1],
 * {@code removeOutliers} [None]; {@link IntensityNormalisation#zScore});</li>
 * <li><b>resample</b> image and label map onto PyRadiomics' cropped grid when {@code resampledPixelSpacing} and
 * {@code interpolator} [sitkBSpline] are both set ({@code padDistance} [5]; {@link PyRadiomicsResampling}, the label
 * map with nearest neighbour);</li>
 * <li><b>resegment</b> when {@code resegmentRange} is set ({@code resegmentMode} [absolute], relative or sigma;
 * {@link Resegmentation}): the result is the ROI's intensity mask, while the morphological mask (shape) stays the
 * ROI before resegmentation unless {@code resegmentShape} [False] is true.</li>
 * </ol>
 * Immutable and thread-safe. Diagnostics follow PyRadiomics' {@code generalinfo}: {@code diagnostics_Image-interpolated_*}
 * and {@code diagnostics_Mask-interpolated_*} after resampling, {@code diagnostics_Mask-resegmented_*} after
 * resegmentation.
 */
public final class Preprocessing {

    /** The setting keys read here. */
    public static final Set<String> KEYS = Set.of("normalize", "normalizeScale", "removeOutliers",
            "resampledPixelSpacing", "interpolator", "padDistance", "resegmentRange", "resegmentMode", "resegmentShape");

    /** SimpleITK's interpolator enumeration values ({@code sitkNearestNeighbor} = 1 ...) that Radflow has. */
    private static final Map<Integer, Interpolator> SIMPLE_ITK_CODES = Map.of(1, Interpolator.NEAREST,
            2, Interpolator.LINEAR, 3, Interpolator.BSPLINE);

    private final boolean normalize;
    private final double normalizeScale;
    private final Double removeOutliers;
    private final double[] spacing;
    private final Interpolator interpolator;
    private final int padDistance;
    private final List<Double> resegmentRange;
    private final Resegmentation.Mode resegmentMode;
    private final boolean resegmentShape;
    private final Resampler resampler = new GridResampler();

    private Preprocessing(Map<String, Object> settings) {
        normalize = bool(settings, "normalize");
        normalizeScale = number(settings, "normalizeScale", 1);
        Object outliers = settings.get("removeOutliers");
        removeOutliers = outliers == null ? null : number(settings, "removeOutliers", 0);
        if (!(normalizeScale > 0) || Double.isInfinite(normalizeScale)) {
            throw new IllegalArgumentException("setting normalizeScale must be positive, got " + normalizeScale);
        }
        if (removeOutliers != null && !(removeOutliers > 0)) {
            throw new IllegalArgumentException("setting removeOutliers must be positive (standard deviations), got "
                    + removeOutliers);
        }
        List<Double> pixelSpacing = numbers(settings, "resampledPixelSpacing");
        if (!pixelSpacing.isEmpty() && pixelSpacing.size() != 3) {
            throw new IllegalArgumentException("setting resampledPixelSpacing needs 3 values (x, y, z in mm, 0 keeps an "
                    + "axis), got " + settings.get("resampledPixelSpacing"));
        }
        for (double s : pixelSpacing) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("setting resampledPixelSpacing: spacings must be positive or 0, got "
                        + pixelSpacing);
            }
        }
        interpolator = settings.containsKey("interpolator") ? interpolator(settings.get("interpolator"))
                : Interpolator.BSPLINE;
        spacing = pixelSpacing.isEmpty() || interpolator == null ? null
                : pixelSpacing.stream().mapToDouble(Double::doubleValue).toArray();
        double pad = number(settings, "padDistance", PyRadiomicsResampling.DEFAULT_PAD_DISTANCE);
        if (pad < 0 || pad != Math.rint(pad)) {
            throw new IllegalArgumentException("setting padDistance must be a whole number >= 0, got " + pad);
        }
        padDistance = (int) pad;
        resegmentRange = numbers(settings, "resegmentRange");
        if (resegmentRange.size() > 2) {
            throw new IllegalArgumentException("setting resegmentRange needs 1 or 2 values, got " + resegmentRange);
        }
        Object mode = settings.get("resegmentMode");
        resegmentMode = mode == null ? Resegmentation.Mode.ABSOLUTE : Resegmentation.Mode.parse(String.valueOf(mode));
        resegmentShape = bool(settings, "resegmentShape");
    }

    /**
     * The preprocessing a parameter file's {@code setting} section asks for (keys other than {@link #KEYS} are
     * ignored; a key mapped to null is not set).
     *
     * @throws IllegalArgumentException naming the setting when a value is invalid or asks for something Radflow does
     *                                  not have (e.g. a SimpleITK interpolator other than nearest, linear, B-spline)
     */
    public static Preprocessing of(Map<String, Object> settings) {
        return new Preprocessing(settings);
    }

    /**
     * The preprocessed case.
     *
     * @param roi         the image (normalised, resampled) with the morphological and the intensity mask on its grid
     * @param labelMap    the label map on the image's grid (resampled with nearest neighbour)
     * @param thresholds  the resegmentation thresholds applied, {@code [lower]} or {@code [lower, upper]} (for
     *                    {@code relative} and {@code sigma} modes computed from the ROI); empty without resegmentation
     * @param diagnostics the {@code diagnostics_Image-interpolated_*}, {@code diagnostics_Mask-interpolated_*} and
     *                    {@code diagnostics_Mask-resegmented_*} entries of the steps done, in PyRadiomics' order
     */
    public record Result(Roi roi, Image3D labelMap, List<Double> thresholds, Map<String, String> diagnostics) {
        public Result {
            thresholds = List.copyOf(thresholds);
            diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        }
    }

    /**
     * Applies the steps to one image and its label map (same grid) for ROI {@code label}.
     *
     * @throws IllegalArgumentException when the label is absent, the image cannot be normalised, or resegmentation
     *                                  keeps fewer than 2 voxels (the message says which)
     */
    public Result apply(Image3D image, Image3D labelMap, int label) {
        Map<String, String> diagnostics = new LinkedHashMap<>();
        if (normalize) {
            image = IntensityNormalisation.zScore(image, normalizeScale, removeOutliers);
        }
        if (spacing != null) {
            PyRadiomicsResampling.Result resampled = PyRadiomicsResampling.resample(image, labelMap, label, spacing,
                    interpolator, padDistance, resampler);
            image = resampled.image();
            labelMap = resampled.labelMap();
        }
        Mask mask = Mask.ofLabel(labelMap, label);
        if (spacing != null) {
            imageElements(diagnostics, "interpolated", image);
            maskElements(diagnostics, "interpolated", image, mask);
        }
        if (resegmentRange.isEmpty()) {
            return new Result(Roi.of(image, mask), labelMap, List.of(), diagnostics);
        }
        Resegmentation.Result r = Resegmentation.resegment(image, mask, resegmentRange, resegmentMode);
        maskElements(diagnostics, "resegmented", image, r.intensity());
        List<Double> thresholds = new ArrayList<>(List.of(r.lower()));
        if (Double.isFinite(r.upper())) {
            thresholds.add(r.upper());
        }
        Roi roi = new Roi(image, resegmentShape ? r.intensity() : r.morphological(), r.intensity());
        return new Result(roi, labelMap, thresholds, diagnostics);
    }

    /** PyRadiomics' {@code addImageElements}: {@code Spacing, Size, Mean, Minimum, Maximum} of the whole image. */
    static void imageElements(Map<String, String> d, String prefix, Image3D image) {
        ImageGeometry g = image.geometry();
        String p = "diagnostics_Image-" + prefix + "_";
        d.put(p + "Spacing", tuple(g.spacing()));
        d.put(p + "Size", tuple(g.size()));
        double[] stats = stats(image, null);
        d.put(p + "Mean", Double.toString(stats[0]));
        d.put(p + "Minimum", Double.toString(stats[1]));
        d.put(p + "Maximum", Double.toString(stats[2]));
    }

    /**
     * PyRadiomics' {@code addMaskElements}: {@code Spacing, Size, BoundingBox} (x, y, z, size x, y, z),
     * {@code VoxelNum, VolumeNum} (face-connected components), {@code CenterOfMassIndex, CenterOfMass} and, when
     * {@code image} is given, {@code Mean, Minimum, Maximum} of the image in the mask.
     */
    static void maskElements(Map<String, String> d, String prefix, Image3D image, Mask mask) {
        ImageGeometry g = mask.geometry();
        String p = "diagnostics_Mask-" + prefix + "_";
        d.put(p + "Spacing", tuple(g.spacing()));
        d.put(p + "Size", tuple(g.size()));
        BoundingBox box = BoundingBox.of(mask);
        int[] lo = box.min();
        int[] size = box.size();
        d.put(p + "BoundingBox", tuple(new int[] {lo[0], lo[1], lo[2], size[0], size[1], size[2]}));
        d.put(p + "VoxelNum", Integer.toString(mask.count()));
        d.put(p + "VolumeNum", Integer.toString(MaskOperations.componentCount(mask, Connectivity.FACE, false)));
        double[] centre = new double[3];
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        centre[0] += x;
                        centre[1] += y;
                        centre[2] += z;
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            centre[a] /= mask.count();
        }
        d.put(p + "CenterOfMassIndex", tuple(centre));
        d.put(p + "CenterOfMass", tuple(g.indexToWorld(centre[0], centre[1], centre[2])));
        if (image != null) {
            double[] stats = stats(image, mask);
            d.put(p + "Mean", Double.toString(stats[0]));
            d.put(p + "Minimum", Double.toString(stats[1]));
            d.put(p + "Maximum", Double.toString(stats[2]));
        }
    }

    /** Mean, minimum and maximum of the image, within {@code mask} when given. */
    private static double[] stats(Image3D image, Mask mask) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < image.voxelCount(); i++) {
            if (mask == null || mask.contains(i)) {
                double v = image.get(i);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        return new double[] {sum / n, min, max};
    }

    static String tuple(double[] v) {
        return "(" + String.join(", ", Arrays.stream(v).mapToObj(Double::toString).toList()) + ")";
    }

    static String tuple(int[] v) {
        return "(" + String.join(", ", Arrays.stream(v).mapToObj(Integer::toString).toList()) + ")";
    }

    private static Interpolator interpolator(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            Interpolator i = SIMPLE_ITK_CODES.get(n.intValue());
            if (i == null || n.doubleValue() != n.intValue()) {
                throw new IllegalArgumentException("setting interpolator: SimpleITK interpolator " + value
                        + " is not available; available: 1 (sitkNearestNeighbor), 2 (sitkLinear), 3 (sitkBSpline)");
            }
            return i;
        }
        try {
            return Interpolator.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting interpolator: " + e.getMessage(), e);
        }
    }

    private static boolean bool(Map<String, Object> settings, String key) {
        Object v = settings.get(key);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("setting " + key + " must be true or false, got " + v);
        }
        return s.equals("true");
    }

    private static double number(Map<String, Object> settings, String key, double fallback) {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a number, got " + v, e);
        }
    }

    /** A number or a list of numbers (or their text, e.g. {@code "[2, 2, 2]"}); empty when not set. */
    private static List<Double> numbers(Map<String, Object> settings, String key) {
        Object v = settings.get(key);
        if (v == null) {
            return List.of();
        }
        List<?> raw;
        if (v instanceof List<?> l) {
            raw = l;
        } else {
            String t = String.valueOf(v).trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            raw = t.isBlank() ? List.of() : List.of(t.split("\\s*,\\s*"));
        }
        List<Double> out = new ArrayList<>();
        for (Object o : raw) {
            try {
                double d = o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o).trim());
                if (Double.isNaN(d)) {
                    throw new NumberFormatException("NaN");
                }
                out.add(d);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + " must hold numbers, got " + v, e);
            }
        }
        return out;
    }
}
