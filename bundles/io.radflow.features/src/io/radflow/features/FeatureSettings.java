package io.radflow.features;

import java.util.OptionalInt;

/**
 * Settings of feature extraction, with PyRadiomics' setting names and defaults. Immutable, validated on
 * construction.
 *
 * @param binWidth        {@code binWidth} [25]: width of the fixed-width intensity bins (image units); used
 *                        when {@code binCount} is absent
 * @param binCount        {@code binCount} [absent]: a fixed number of bins spanning the ROI range instead of
 *                        fixed-width bins
 * @param voxelArrayShift {@code voxelArrayShift} [0]: added to every intensity before Energy, TotalEnergy and
 *                        RootMeanSquared, so that negative values do not reduce them
 * @param label           {@code label} [1]: the label value of the mask that defines the ROI
 */
public record FeatureSettings(double binWidth, OptionalInt binCount, double voxelArrayShift, int label) {

    /** PyRadiomics' default {@code binWidth}. */
    public static final double DEFAULT_BIN_WIDTH = 25;

    public FeatureSettings {
        if (!(binWidth > 0) || Double.isInfinite(binWidth)) {
            throw new IllegalArgumentException("binWidth must be positive and finite, got " + binWidth);
        }
        binCount = binCount == null ? OptionalInt.empty() : binCount;
        if (binCount.isPresent() && binCount.getAsInt() < 1) {
            throw new IllegalArgumentException("binCount must be at least 1, got " + binCount.getAsInt());
        }
        if (!Double.isFinite(voxelArrayShift)) {
            throw new IllegalArgumentException("voxelArrayShift must be finite, got " + voxelArrayShift);
        }
        if (label < 1) {
            throw new IllegalArgumentException("label must be at least 1, got " + label);
        }
    }

    /** binWidth 25, no binCount, voxelArrayShift 0, label 1. */
    public static FeatureSettings defaults() {
        return new FeatureSettings(DEFAULT_BIN_WIDTH, OptionalInt.empty(), 0, 1);
    }

    public FeatureSettings withBinWidth(double value) {
        return new FeatureSettings(value, binCount, voxelArrayShift, label);
    }

    public FeatureSettings withBinCount(int value) {
        return new FeatureSettings(binWidth, OptionalInt.of(value), voxelArrayShift, label);
    }

    public FeatureSettings withVoxelArrayShift(double value) {
        return new FeatureSettings(binWidth, binCount, value, label);
    }

    public FeatureSettings withLabel(int value) {
        return new FeatureSettings(binWidth, binCount, voxelArrayShift, value);
    }
}
