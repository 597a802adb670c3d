package io.radflow.features;

import java.util.Locale;

/**
 * Which reference a feature computation follows where PyRadiomics and IBSI differ (discretisation,
 * kurtosis, texture aggregation, names).
 */
public enum Convention {

    /** PyRadiomics: bin edges at multiples of binWidth, kurtosis without -3, names like {@code original_glcm_JointEnergy}. */
    PYRADIOMICS,

    /** IBSI-1: FBS edges from the resegmentation lower bound (else the ROI minimum), excess kurtosis, IBSI ids. */
    IBSI;

    /** Parses {@code pyradiomics} or {@code ibsi} (any case). */
    public static Convention parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown convention '" + text + "'; use pyradiomics or ibsi", e);
        }
    }

    /** The lower-case name used in settings and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
