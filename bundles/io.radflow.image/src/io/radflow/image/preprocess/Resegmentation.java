package io.radflow.image.preprocess;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.mask.Grids;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resegmentation: removes voxels from the ROI's <em>intensity mask</em> by their intensity, while the
 * <em>morphological mask</em> keeps the original ROI (IBSI-1 "Re-segmentation", IF9H; masks G5KJ and SEFI).
 *
 * <p>Thresholds from {@code range} (one value: {@code [T1, +inf)}; two values: the closed interval
 * {@code [T1, T2]} after sorting) by {@link Mode}, as PyRadiomics' {@code imageoperations.resegmentMask} with
 * {@code resegmentRange} and {@code resegmentMode} computes them; a voxel stays when
 * {@code T_lower <= X <= T_upper}:
 * <ul>
 * <li>{@link Mode#ABSOLUTE}: {@code T = range} (IBSI range re-segmentation, USB3);</li>
 * <li>{@link Mode#RELATIVE}: {@code T = range * max(X_ROI)};</li>
 * <li>{@link Mode#SIGMA}: {@code T = mean(X_ROI) + range * sd(X_ROI)} with the population standard deviation
 * (numpy {@code std}); {@code [-3, 3]} is IBSI's intensity outlier filtering (7ACA).</li>
 * </ul>
 * Combining methods (IBSI: the intersection of their ranges) is done by resegmenting the result's intensity mask
 * again ({@link #then}).
 */
public final class Resegmentation {

    /** How {@code resegmentRange} is read (PyRadiomics {@code resegmentMode}). */
    public enum Mode {
        ABSOLUTE, RELATIVE, SIGMA;

        /** {@code absolute}, {@code relative} or {@code sigma} (any case). */
        public static Mode parse(String name) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(name.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown resegmentMode '" + name + "'; known: absolute, relative, sigma");
        }
    }

    /**
     * The outcome: the unchanged morphological mask, the resegmented intensity mask and the thresholds applied
     * ({@code upper} is +infinity for a one-sided range).
     */
    public record Result(Mask morphological, Mask intensity, double lower, double upper) {

        /** Resegments this result's intensity mask again (thresholds of the second step computed on it). */
        public Result then(Image3D image, List<Double> range, Mode mode) {
            Result next = resegment(image, intensity, range, mode);
            return new Result(morphological, next.intensity, Math.max(lower, next.lower), Math.min(upper, next.upper));
        }
    }

    private Resegmentation() {
    }

    /**
     * Resegments {@code roi} of {@code image}.
     *
     * @throws IllegalArgumentException when the grids differ, the ROI is empty, {@code range} has not 1 or 2 finite
     *                                  values, or at most one voxel remains (PyRadiomics refuses such ROIs too)
     */
    public static Result resegment(Image3D image, Mask roi, List<Double> range, Mode mode) {
        Grids.requireSameGrid(image.geometry(), roi.geometry(), "the image and its mask");
        if (range == null || range.isEmpty() || range.size() > 2) {
            throw new IllegalArgumentException("resegmentRange needs 1 or 2 values, got " + range);
        }
        List<Double> sorted = new ArrayList<>(range);
        for (Double v : sorted) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("resegmentRange values must be finite numbers, got " + range);
            }
        }
        sorted.sort(null);
        if (roi.count() == 0) {
            throw new IllegalArgumentException("The mask is empty: nothing to resegment");
        }
        double[] values = roi.valuesOf(image);
        double[] thresholds = new double[sorted.size()];
        switch (mode) {
            case ABSOLUTE -> {
                for (int t = 0; t < thresholds.length; t++) {
                    thresholds[t] = sorted.get(t);
                }
            }
            case RELATIVE -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : values) {
                    max = Math.max(max, v);
                }
                for (int t = 0; t < thresholds.length; t++) {
                    thresholds[t] = sorted.get(t) * max;
                }
            }
            case SIGMA -> {
                double mean = 0;
                for (double v : values) {
                    mean += v;
                }
                mean /= values.length;
                double ss = 0;
                for (double v : values) {
                    ss += (v - mean) * (v - mean);
                }
                double sd = Math.sqrt(ss / values.length);
                for (int t = 0; t < thresholds.length; t++) {
                    thresholds[t] = mean + sorted.get(t) * sd;
                }
            }
            default -> throw new IllegalStateException(mode.toString());
        }
        double lower = thresholds[0];
        double upper = thresholds.length == 2 ? thresholds[1] : Double.POSITIVE_INFINITY;
        boolean[] inside = new boolean[image.voxelCount()];
        int kept = 0;
        for (int i = 0; i < inside.length; i++) {
            if (roi.contains(i)) {
                double v = image.get(i);
                inside[i] = v >= lower && v <= upper;
                if (inside[i]) {
                    kept++;
                }
            }
        }
        if (kept <= 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Resegmentation (%s %s, thresholds [%g, %g]) kept %d of %d ROI voxels; at least 2 are needed",
                    mode.name().toLowerCase(Locale.ROOT), range, lower, upper, kept, roi.count()));
        }
        return new Result(roi, new Mask(roi.geometry(), inside), lower, upper);
    }
}
