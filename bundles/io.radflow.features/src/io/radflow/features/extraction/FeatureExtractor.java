package io.radflow.features.extraction;

import io.radflow.features.Convention;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.ArrayList;
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
 * <p>Without a {@code featureClass} section every installed family of the convention is enabled: PyRadiomics'
 * classes ({@code shape2D} only with {@code force2D}, as PyRadiomics skips it otherwise), or IBSI's families.
 *
 * <p>Before the features, the image and ROI go through PyRadiomics' {@link Preprocessing} (normalisation,
 * resampling, resegmentation) as the settings ask; the families then see the resegmentation thresholds actually
 * applied as {@code resegmentRange} (for {@code resegmentMode} relative or sigma, computed from the ROI), which
 * is what IBSI fixed-bin-size discretisation and the intensity-volume histogram start from. Filters (image types)
 * work on the preprocessed image, and their features use the resegmented ROI, as in PyRadiomics.
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
            "force2D", "force2Ddimension", "gldm_a", "kernelRadius", "maskedKernel", "initValue", "voxelBatch",
            "additionalInfo", "enableCExtensions", "dtype", "geometryTolerance", "correctMask", "minimumROIDimensions",
            "minimumROISize", "preCrop", "label_channel");

    /**
     * Families that only IBSI defines; without a {@code featureClass} section the PyRadiomics convention
     * leaves them out, as PyRadiomics has no such class. Families of other bundles are always included.
     */
    private static final Set<String> IBSI_FAMILIES = Set.of("morphology", "statistics", "intensityhistogram",
            "intensityvolumehistogram", "localintensity", "gldzm", "ngldm");

    /** PyRadiomics classes that the IBSI convention leaves out by default (IBSI defines them otherwise or not). */
    private static final Set<String> PYRADIOMICS_ONLY_FAMILIES = Set.of("firstorder", "shape", "shape2D", "gldm");

    /** The image type name of the unfiltered image. */
    public static final String ORIGINAL = "Original";

    private final Map<FeatureFamily, List<String>> enabled = new LinkedHashMap<>();
    private final ExtractionParameters parameters;
    private final FeatureSettings settings;
    private final Preprocessing preprocessing;
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
            Convention effective = convention != null ? convention
                    : Convention.parse(String.valueOf(parameters.settings().getOrDefault("convention", "pyradiomics")));
            boolean force2D = Boolean.parseBoolean(String.valueOf(parameters.settings().getOrDefault("force2D", false)));
            Set<String> otherConvention = effective == Convention.PYRADIOMICS ? IBSI_FAMILIES : PYRADIOMICS_ONLY_FAMILIES;
            for (FeatureFamily f : available) {
                boolean shape2DWithout2D = f.key().equals("shape2D") && !force2D;
                if (!otherConvention.contains(f.key()) && !shape2DWithout2D) {
                    enabled.put(f, List.of());
                }
            }
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
        this.preprocessing = Preprocessing.of(parameters.settings());
    }

    /** {@code base} with the settings of one section applied; unknown keys are errors naming {@code section}. */
    private static FeatureSettings apply(FeatureSettings base, Map<String, Object> values, Map<String, Setting<?>> declared,
            String section) {
        FeatureSettings s = base;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            if (declared.containsKey(key)) {
                s = s.with(declared.get(key), e.getValue());
            } else if (!NEUTRAL_SETTINGS.contains(key) && !Preprocessing.KEYS.contains(key)) {
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
     * @throws IllegalArgumentException when the grids differ, the label is absent, preprocessing fails (e.g. nothing
     *                                  is left after resegmentation) or a family rejects the ROI (the message says
     *                                  which)
     */
    public Result extract(Image3D image, Image3D labelMap) {
        String mismatch = image.geometry().mismatch(labelMap.geometry(), Mask.GRID_TOLERANCE);
        if (mismatch != null) {
            throw new IllegalArgumentException("the mask grid differs from the image grid: " + mismatch);
        }
        Mask mask = Mask.ofLabel(labelMap, settings.label());
        Map<String, String> diagnostics = diagnostics(image, mask);
        Preprocessing.Result prepared = preprocessing.apply(image, labelMap, settings.label());
        diagnostics.putAll(prepared.diagnostics());
        Roi roi = prepared.roi();
        Map<String, Double> features = new LinkedHashMap<>();
        for (FeatureFamily family : enabled.keySet()) {
            if (isShape(family)) {
                compute(family, roi, withThresholds(settings, prepared), "original", features);
            }
        }
        if (originalEnabled) {
            for (FeatureFamily family : enabled.keySet()) {
                if (!isShape(family)) {
                    compute(family, roi, withThresholds(settings, prepared), "original", features);
                }
            }
        }
        for (Map.Entry<ImageType, FeatureSettings> e : imageTypes.entrySet()) {
            Map<String, Image3D> derived;
            try {
                derived = e.getKey().derive(roi.image(), roi.intensity(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("imageType " + e.getKey().name() + ": " + ex.getMessage(), ex);
            }
            for (Map.Entry<String, Image3D> d : derived.entrySet()) {
                Roi derivedRoi = new Roi(d.getValue(), roi.morphological(), roi.intensity());
                for (FeatureFamily family : enabled.keySet()) {
                    if (!isShape(family)) {
                        compute(family, derivedRoi, withThresholds(e.getValue(), prepared), d.getKey(), features);
                    }
                }
            }
        }
        return new Result(diagnostics, features);
    }

    /** {@code base} with the resegmentation thresholds that preprocessing applied, if any. */
    private static FeatureSettings withThresholds(FeatureSettings base, Preprocessing.Result prepared) {
        return prepared.thresholds().isEmpty() ? base : base.with(FeatureSettings.RESEGMENT_RANGE, prepared.thresholds());
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
        Preprocessing.imageElements(d, "original", image);
        Preprocessing.maskElements(d, "original", null, mask);
        return d;
    }
}
