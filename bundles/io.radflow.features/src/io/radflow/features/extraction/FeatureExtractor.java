package io.radflow.features.extraction;

import io.radflow.features.Convention;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Extracts the features a PyRadiomics parameter file asks for from one image and label map, as PyRadiomics'
 * {@code RadiomicsFeatureExtractor.execute} does: diagnostics first, then {@code <imageType>_<family>_<Name>}
 * per enabled feature. Immutable and thread-safe: one extractor serves many patients in parallel.
 *
 * <p>The constructor checks the parameters against the families and image types: an unknown family, feature,
 * image type or setting is an error that names it and lists what is known. Settings are passed to each family
 * that declares them ({@link FeatureFamily#settings()}); {@code label} selects the ROI.
 *
 * <p>Image types as in PyRadiomics: shape families ({@code shape}, {@code shape2D}) are computed on the original
 * image only (keys {@code original_shape_...}), whether or not {@code Original} is enabled; every other family
 * is computed on the original image when {@code Original} is enabled and on every image derived by the enabled
 * {@link ImageType}s, in the order of the {@code imageType} section, keyed {@code <derived name>_<family>_<Name>}.
 * An image type's own entry (e.g. {@code LoG: {sigma: [1.0, 3.0], binWidth: 5}}) overrides the {@code setting}
 * section for that image type, for the filter and for the features of its images.
 */
public final class FeatureExtractor {

    /**
     * PyRadiomics settings that do not change feature values here: bookkeeping and checks, and the settings of
     * PyRadiomics families when no installed family declares them (then no enabled family reads them).
     */
    private static final Set<String> NEUTRAL_SETTINGS = Set.of("distances", "symmetricalGLCM", "weightingNorm",
            "force2D", "force2Ddimension", "gldm_a", "kernelRadius", "maskedKernel", "initValue", "voxelBatch","additionalInfo", "enableCExtensions", "dtype",
            "geometryTolerance", "correctMask", "minimumROIDimensions", "minimumROISize", "preCrop", "label_channel",
            // only used with resampledPixelSpacing or normalize
            "interpolator", "padDistance", "normalizeScale");

    /**
     * PyRadiomics preprocessing settings that this extractor does not apply yet, with their neutral values
     * (accepted); any other value is rejected rather than silently ignored.
     */
    private static final Map<String, java.util.function.Predicate<Object>> PREPROCESSING_NOT_APPLIED = Map.of(
            "resampledPixelSpacing", v -> v == null || v instanceof List<?> l && l.isEmpty(),
            "normalize", v -> v == null || Boolean.FALSE.equals(v) || "false".equalsIgnoreCase(String.valueOf(v)),
            "removeOutliers", v -> v == null,
            "resegmentRange", v -> v == null || v instanceof List<?> l && l.isEmpty(),
            "resegmentMode", v -> true,
            "resegmentShape", v -> true);

    /** The image type name of the unfiltered image. */
    public static final String ORIGINAL = "Original";

    private final Map<FeatureFamily, List<String>> enabled = new LinkedHashMap<>();
    private final ExtractionParameters parameters;
    private final FeatureSettings settings;
    private final boolean originalEnabled;
    /** Enabled image types other than Original, in file order, with their settings. */
    private final Map<ImageType, FeatureSettings> imageTypes = new LinkedHashMap<>();

    /**
     * An extractor without filters: only {@code Original} may be enabled.
     *
     * @see #FeatureExtractor(List, List, ExtractionParameters, Convention)
     */
    public FeatureExtractor(List<FeatureFamily> available, ExtractionParameters parameters, Convention convention) {
        this(available, List.of(), parameters, convention);
    }

    /**
     * @param available          the installed families (from the node registry or {@code ServiceLoader})
     * @param availableImageTypes the installed image types besides {@code Original}
     * @param parameters         the parameter file
     * @param convention         a convention that overrides the file's {@code convention} setting, or null
     * @throws IllegalArgumentException for anything in the parameters that cannot be honoured
     */
    public FeatureExtractor(List<FeatureFamily> available, List<ImageType> availableImageTypes,
            ExtractionParameters parameters, Convention convention) {
        this.parameters = parameters;
        Map<String, FeatureFamily> byKey = new LinkedHashMap<>();
        available.forEach(f -> byKey.put(f.key().toLowerCase(Locale.ROOT), f));
        if (parameters.allFamilies()) {
            available.forEach(f -> enabled.put(f, List.of()));
        } else {
            parameters.featureClasses().forEach((name, features) -> {
                FeatureFamily family = byKey.get(name.toLowerCase(Locale.ROOT));
                if (family == null) {
                    throw new IllegalArgumentException("featureClass '" + name + "' is not installed; installed: "
                            + byKey.keySet());
                }
                Set<String> known = new TreeSet<>();
                family.features().forEach(d -> known.add(d.name()));
                for (String feature : features) {
                    if (!known.contains(feature)) {
                        throw new IllegalArgumentException("featureClass " + name + ": no feature '" + feature
                                + "'; known: " + known);
                    }
                }
                enabled.put(family, List.copyOf(features));
            });
        }
        Map<String, ImageType> typesByName = new LinkedHashMap<>();
        availableImageTypes.forEach(t -> typesByName.put(t.name(), t));
        Map<String, Setting<?>> declared = new LinkedHashMap<>();
        FeatureSettings.COMMON.forEach(s -> declared.put(s.key(), s));
        available.forEach(f -> f.settings().forEach(s -> declared.put(s.key(), s)));
        availableImageTypes.forEach(t -> t.settings().forEach(s -> declared.put(s.key(), s)));
        FeatureSettings s = apply(FeatureSettings.defaults(), parameters.settings(), declared, "setting");
        if (convention != null) {
            s = s.with(FeatureSettings.CONVENTION, convention.key());
        }
        this.settings = s;
        boolean original = false;
        for (Map.Entry<String, Map<String, Object>> e : parameters.imageTypes().entrySet()) {
            String name = e.getKey();
            if (name.equals(ORIGINAL)) {
                original = true;
                continue;
            }
            ImageType type = typesByName.get(name);
            if (type == null) {
                List<String> known = new ArrayList<>(List.of(ORIGINAL));
                known.addAll(typesByName.keySet());
                throw new IllegalArgumentException("imageType '" + name + "' is not available; available: " + known);
            }
            FeatureSettings typeSettings = apply(s, e.getValue(), declared, "imageType " + name);
            if (convention != null) {
                typeSettings = typeSettings.with(FeatureSettings.CONVENTION, convention.key());
            }
            imageTypes.put(type, typeSettings);
        }
        this.originalEnabled = original;
    }

    /** {@code base} with the settings of one section applied; unknown keys are errors naming {@code section}. */
    private static FeatureSettings apply(FeatureSettings base, Map<String, Object> values, Map<String, Setting<?>> declared,
            String section) {
        FeatureSettings s = base;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            if (PREPROCESSING_NOT_APPLIED.containsKey(key)) {
                if (!PREPROCESSING_NOT_APPLIED.get(key).test(e.getValue())) {
                    throw new IllegalArgumentException(section + ": setting " + key + ": " + e.getValue()
                            + " needs preprocessing that the extractor does not apply yet");
                }
            } else if (declared.containsKey(key)) {
                s = s.with(declared.get(key), e.getValue());
            } else if (!NEUTRAL_SETTINGS.contains(key)) {
                throw new IllegalArgumentException((section.equals("setting") ? "" : section + ": ") + "setting '" + key
                        + "' is unknown; known: " + new TreeSet<>(declared.keySet()));
            }
        }
        return s;
    }

    /** Whether {@code family} describes the ROI's shape (computed on the original image only, as PyRadiomics). */
    private static boolean isShape(FeatureFamily family) {
        return family.key().toLowerCase(Locale.ROOT).startsWith("shape");
    }

    /** The settings passed to the families (after the convention override). */
    public FeatureSettings settings() {
        return settings;
    }

    /** The enabled families, in extraction order. */
    public List<FeatureFamily> families() {
        return List.copyOf(enabled.keySet());
    }

    /** Diagnostics and features of one case; keys in output order. */
    public record Result(Map<String, String> diagnostics, Map<String, Double> features) {
        public Result {
            diagnostics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
            features = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
        }
    }

    /**
     * Extracts every enabled feature of the ROI {@code label} of {@code labelMap} in {@code image}.
     *
     * @throws IllegalArgumentException when the grids differ, the label is absent or a family rejects the ROI
     *                                  (the message says which)
     */
    public Result extract(Image3D image, Image3D labelMap) {
        String mismatch = image.geometry().mismatch(labelMap.geometry(), Mask.GRID_TOLERANCE);
        if (mismatch != null) {
            throw new IllegalArgumentException("the mask grid differs from the image grid: " + mismatch);
        }
        Mask mask = Mask.ofLabel(labelMap, settings.label());
        Roi roi = Roi.of(image, mask);
        Map<String, String> diagnostics = diagnostics(image, mask);
        Map<String, Double> features = new LinkedHashMap<>();
        for (FeatureFamily family : enabled.keySet()) {
            if (isShape(family)) {
                compute(family, roi, settings, "original", features);
            }
        }
        if (originalEnabled) {
            for (FeatureFamily family : enabled.keySet()) {
                if (!isShape(family)) {
                    compute(family, roi, settings, "original", features);
                }
            }
        }
        for (Map.Entry<ImageType, FeatureSettings> e : imageTypes.entrySet()) {
            Map<String, Image3D> derived;
            try {
                derived = e.getKey().derive(image, mask, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("imageType " + e.getKey().name() + ": " + ex.getMessage(), ex);
            }
            for (Map.Entry<String, Image3D> d : derived.entrySet()) {
                Roi derivedRoi = Roi.of(d.getValue(), mask);
                for (FeatureFamily family : enabled.keySet()) {
                    if (!isShape(family)) {
                        compute(family, derivedRoi, e.getValue(), d.getKey(), features);
                    }
                }
            }
        }
        return new Result(diagnostics, features);
    }

    private void compute(FeatureFamily family, Roi roi, FeatureSettings familySettings, String imageType,
            Map<String, Double> features) {
        List<String> names = enabled.get(family);
        FeatureValues values;
        try {
            values = names.isEmpty() ? family.compute(roi, familySettings) : family.compute(roi, familySettings, names);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(imageType + " " + family.key() + ": " + ex.getMessage(), ex);
        }
        features.putAll(values.keyed(imageType, family.key()));
    }

    /** The feature keys this extractor writes, in output order, without computing (non-deprecated or named features). */
    public List<String> featureKeys() {
        List<String> keys = new ArrayList<>();
        enabled.keySet().stream().filter(FeatureExtractor::isShape).forEach(f -> addKeys(f, settings, "original", keys));
        if (originalEnabled) {
            enabled.keySet().stream().filter(f -> !isShape(f)).forEach(f -> addKeys(f, settings, "original", keys));
        }
        imageTypes.forEach((type, typeSettings) -> {
            for (String derived : type.derivedNames(typeSettings)) {
                enabled.keySet().stream().filter(f -> !isShape(f)).forEach(f -> addKeys(f, typeSettings, derived, keys));
            }
        });
        return keys;
    }

    private void addKeys(FeatureFamily family, FeatureSettings familySettings, String imageType, List<String> keys) {
        List<String> names = enabled.get(family);
        for (String name : names.isEmpty() ? family.featureNames(familySettings) : names) {
            keys.add(FeatureValues.key(imageType, family.key(), name));
        }
    }

    /** The enabled image types besides Original, in extraction order. */
    public List<ImageType> imageTypes() {
        return List.copyOf(imageTypes.keySet());
    }

    private Map<String, String> diagnostics(Image3D image, Mask mask) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("diagnostics_Versions_Radflow", "0.1.0");
        d.put("diagnostics_Configuration_Settings", settings.asMap().toString());
        d.put("diagnostics_Configuration_EnabledImageTypes", parameters.imageTypes().toString());
        ImageGeometry g = image.geometry();
        d.put("diagnostics_Image-original_Spacing", tuple(g.spacing()));
        d.put("diagnostics_Image-original_Size", tuple(g.size()));
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < image.voxelCount(); i++) {
            double v = image.get(i);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        d.put("diagnostics_Image-original_Mean", Double.toString(sum / image.voxelCount()));
        d.put("diagnostics_Image-original_Minimum", Double.toString(min));
        d.put("diagnostics_Image-original_Maximum", Double.toString(max));
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        double[] centre = new double[3];
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        int[] p = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], p[a]);
                            hi[a] = Math.max(hi[a], p[a]);
                            centre[a] += p[a];
                        }
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            centre[a] /= mask.count();
        }
        d.put("diagnostics_Mask-original_BoundingBox", "(" + lo[0] + ", " + lo[1] + ", " + lo[2] + ", "
                + (hi[0] - lo[0] + 1) + ", " + (hi[1] - lo[1] + 1) + ", " + (hi[2] - lo[2] + 1) + ")");
        d.put("diagnostics_Mask-original_VoxelNum", Integer.toString(mask.count()));
        d.put("diagnostics_Mask-original_CenterOfMassIndex", tuple(centre));
        d.put("diagnostics_Mask-original_CenterOfMass", tuple(g.indexToWorld(centre[0], centre[1], centre[2])));
        return d;
    }

    private static String tuple(double[] v) {
        return "(" + String.join(", ", Arrays.stream(v).mapToObj(Double::toString).toList()) + ")";
    }

    private static String tuple(int[] v) {
        return "(" + String.join(", ", Arrays.stream(v).mapToObj(Integer::toString).toList()) + ")";
    }

}
