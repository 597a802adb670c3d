package io.radflow.features;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Intensities of an ROI relative to a reference region of the same image, family key {@value #KEY}: the
 * "morphological factors" of HCC studies, e.g. the share of tumour voxels brighter than the 90th percentile of
 * the liver parenchyma. Not part of IBSI or PyRadiomics.
 *
 * <p>For the ROI intensities {@code X} ({@code N} voxels) and the reference intensities {@code R}, with
 * {@code P_p(R)} the p-th percentile of {@code R} (linear interpolation, numpy's default):
 * <ul>
 * <li>{@code FractionAboveReferenceP<p> = (1/N) \sum_i [X_i > P_p(R)]}</li>
 * <li>{@code FractionBelowReferenceP<p> = (1/N) \sum_i [X_i < P_p(R)]}</li>
 * <li>{@code MeanDifference = mean(X) - mean(R)}, {@code MeanRatio = mean(X) / mean(R)} (NaN-free: an error when
 * {@code mean(R) = 0})</li>
 * </ul>
 * The ROI and the reference may overlap (e.g. a tumour inside the whole liver); subtract the tumour from the
 * liver first for the parenchyma.
 */
public final class RelativeIntensityFeatures {

    /** The family key, {@value}. */
    public static final String KEY = "relativeintensity";

    private final List<Double> percentiles;

    /** @param percentiles the reference percentiles, each in [0, 100], e.g. 10, 50, 90 */
    public RelativeIntensityFeatures(List<Double> percentiles) {
        for (double p : percentiles) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentiles must lie in [0, 100], got " + p);
            }
        }
        if (percentiles.isEmpty()) {
            throw new IllegalArgumentException("at least one percentile is needed");
        }
        this.percentiles = List.copyOf(percentiles);
    }

    /** The feature names, in output order. */
    public List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        for (double p : percentiles) {
            names.add("FractionAboveReferenceP" + label(p));
            names.add("FractionBelowReferenceP" + label(p));
        }
        names.add("MeanDifference");
        names.add("MeanRatio");
        return names;
    }

    /**
     * Computes the features of {@code roi} relative to {@code reference} in {@code image}.
     *
     * @throws IllegalArgumentException when a mask lies on another grid, is empty, or the reference mean is 0
     */
    public FeatureValues compute(Image3D image, Mask roi, Mask reference) {
        double[] x = Roi.of(image, roi).intensities();
        IntensityStatistics r = IntensityStatistics.of(Roi.of(image, reference).intensities());
        Map<String, Double> out = new LinkedHashMap<>();
        for (double p : percentiles) {
            double threshold = r.percentile(p);
            int above = 0;
            int below = 0;
            for (double v : x) {
                if (v > threshold) {
                    above++;
                } else if (v < threshold) {
                    below++;
                }
            }
            out.put("FractionAboveReferenceP" + label(p), (double) above / x.length);
            out.put("FractionBelowReferenceP" + label(p), (double) below / x.length);
        }
        double mean = IntensityStatistics.of(x).mean();
        if (r.mean() == 0) {
            throw new IllegalArgumentException("the reference region's mean intensity is 0: MeanRatio is undefined");
        }
        out.put("MeanDifference", mean - r.mean());
        out.put("MeanRatio", mean / r.mean());
        return new FeatureValues(out);
    }

    private static String label(double p) {
        return p == Math.rint(p) ? Integer.toString((int) p) : String.format(Locale.ROOT, "%s", p).replace('.', '_');
    }
}
