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
 * <p>The constructor checks the parameters against the families: an unknown family, feature, image type or
 * setting is an error that names it and lists what is known. Settings are passed to each family that declares
 * them ({@link FeatureFamily#settings()}); {@code label} selects the ROI.
 *
 * <p>Before the features, the image and ROI go through PyRadiomics' {@link Preprocessing} (normalisation,
 * resampling, resegmentation) as the settings ask; the families then see the resegmentation thresholds actually
 * applied as {@code resegmentRange} (for {@code resegmentMode} relative or sigma, computed from the ROI), which
 * is what IBSI fixed-bin-size discretisation and the intensity-volume histogram start from.
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

    private final Map<FeatureFamily, List<String>> enabled = new LinkedHashMap<>();
    private final ExtractionParameters parameters;
    private final FeatureSettings settings;
    private final Preprocessing preprocessing;

    /**
     * @param available  the installed families (from the node registry or {@code ServiceLoader})
     * @param parameters the parameter file
     * @param convention a convention that overrides the file's {@code convention} setting, or null
     * @throws IllegalArgumentException for anything in the parameters that cannot be honoured
     */
    public FeatureExtractor(List<FeatureFamily> available, ExtractionParameters parameters, Convention convention) {
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
        for (String imageType : parameters.imageTypes().keySet()) {
            if (!imageType.equals("Original")) {
                throw new IllegalArgumentException("imageType '" + imageType
                        + "' is not available yet (filters are a later issue); available: [Original]");
            }
        }
        Map<String, Setting<?>> declared = new LinkedHashMap<>();
        FeatureSettings.COMMON.forEach(s -> declared.put(s.key(), s));
        available.forEach(f -> f.settings().forEach(s -> declared.put(s.key(), s)));
        FeatureSettings s = FeatureSettings.defaults();
        for (Map.Entry<String, Object> e : parameters.settings().entrySet()) {
            String key = e.getKey();
            if (declared.containsKey(key)) {
                s = s.with(declared.get(key), e.getValue());
            } else if (!NEUTRAL_SETTINGS.contains(key) && !Preprocessing.KEYS.contains(key)) {
                throw new IllegalArgumentException("setting '" + key + "' is unknown; known: " + new TreeSet<>(declared.keySet()));
            }
        }
        if (convention != null) {
            s = s.with(FeatureSettings.CONVENTION, convention.key());
        }
        this.settings = s;
        this.preprocessing = Preprocessing.of(parameters.settings());
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
        FeatureSettings caseSettings = prepared.thresholds().isEmpty() ? settings
                : settings.with(FeatureSettings.RESEGMENT_RANGE, prepared.thresholds());
        Map<String, Double> features = new LinkedHashMap<>();
        for (Map.Entry<FeatureFamily, List<String>> e : enabled.entrySet()) {
            FeatureFamily family = e.getKey();
            FeatureValues values;
            try {
                values = e.getValue().isEmpty() ? family.compute(roi, caseSettings)
                        : family.compute(roi, caseSettings, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(family.key() + ": " + ex.getMessage(), ex);
            }
            features.putAll(values.keyed("original", family.key()));
        }
        return new Result(diagnostics, features);
    }

    /** The feature keys this extractor writes, without computing (non-deprecated or named features). */
    public List<String> featureKeys() {
        List<String> keys = new ArrayList<>();
        enabled.forEach((family, names) -> {
            for (String name : names.isEmpty() ? family.featureNames(settings) : names) {
                keys.add(FeatureValues.key("original", family.key(), name));
            }
        });
        return keys;
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
