package io.radflow.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Immutable extraction settings: values of {@link Setting}s by key, as in the {@code setting} section of a
 * PyRadiomics parameter file. A setting that is not given takes its declared default. Values are converted
 * and validated when set.
 *
 * <p>The settings shared by all families are declared here; a family declares its own (e.g. GLCM's
 * {@code distances}) as constants of its class and lists all it reads in {@link FeatureFamily#settings()}.
 */
public final class FeatureSettings {

    /** PyRadiomics' default {@code binWidth}. */
    public static final double DEFAULT_BIN_WIDTH = 25;

    public static final Setting<Double> BIN_WIDTH = Setting.ofDouble("binWidth", DEFAULT_BIN_WIDTH,
            "Width of the fixed-width intensity bins (image units); used when binCount is absent.");
    public static final Setting<Integer> BIN_COUNT = Setting.ofInt("binCount", null,
            "A fixed number of bins spanning the ROI intensity range, instead of fixed-width bins.");
    public static final Setting<Double> VOXEL_ARRAY_SHIFT = Setting.ofDouble("voxelArrayShift", 0.0,
            "Added to every intensity before Energy, TotalEnergy and RootMeanSquared.");
    public static final Setting<Integer> LABEL = Setting.ofInt("label", 1,
            "The label value of the mask that defines the ROI.");
    public static final Setting<String> CONVENTION = Setting.ofString("convention", "pyradiomics",
            "pyradiomics or ibsi: discretisation, kurtosis and names follow that reference.");
    public static final Setting<List<Double>> RESEGMENT_RANGE = Setting.ofDoubleList("resegmentRange", List.of(),
            "Resegmentation range [min] or [min, max]; in the IBSI convention its lower bound is the first "
                    + "edge of fixed-bin-size discretisation.");

    /** The shared settings above, in this order. */
    public static final List<Setting<?>> COMMON = List.of(BIN_WIDTH, BIN_COUNT, VOXEL_ARRAY_SHIFT, LABEL,
            CONVENTION, RESEGMENT_RANGE);

    private static final FeatureSettings DEFAULTS = new FeatureSettings(Map.of());

    private final Map<String, Object> values;

    private FeatureSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** No setting given: every setting takes its default. */
    public static FeatureSettings defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code setting} set to {@code value} (converted and validated). */
    public <T> FeatureSettings with(Setting<T> setting, Object value) {
        T converted = setting.convert(value);
        validate(setting, converted);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(setting.key(), converted);
        return new FeatureSettings(copy);
    }

    /** A copy without {@code setting} (it takes its default again). */
    public FeatureSettings without(Setting<?> setting) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(setting.key());
        return new FeatureSettings(copy);
    }

    /** The value of {@code setting}, or its default; empty when neither exists. */
    public <T> Optional<T> find(Setting<T> setting) {
        Object value = values.get(setting.key());
        return value != null ? Optional.of(setting.type().cast(value)) : Optional.ofNullable(setting.defaultValue());
    }

    /**
     * The value of {@code setting}, or its default.
     *
     * @throws IllegalArgumentException when the setting has no value and no default
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalArgumentException(
                "Setting " + setting.key() + " is required (" + setting.help() + ")"));
    }

    /** Whether {@code key} was set explicitly. */
    public boolean isSet(String key) {
        return values.containsKey(key);
    }

    /** The explicitly set values by key, in the order they were set (for export to parameter files). */
    public Map<String, Object> asMap() {
        return values;
    }

    // Convenience accessors of the common settings.

    public double binWidth() {
        return get(BIN_WIDTH);
    }

    public OptionalInt binCount() {
        return find(BIN_COUNT).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    public double voxelArrayShift() {
        return get(VOXEL_ARRAY_SHIFT);
    }

    public int label() {
        return get(LABEL);
    }

    public Convention convention() {
        return Convention.parse(get(CONVENTION));
    }

    public FeatureSettings withBinWidth(double value) {
        return with(BIN_WIDTH, value);
    }

    public FeatureSettings withBinCount(int value) {
        return with(BIN_COUNT, value);
    }

    public FeatureSettings withVoxelArrayShift(double value) {
        return with(VOXEL_ARRAY_SHIFT, value);
    }

    public FeatureSettings withLabel(int value) {
        return with(LABEL, value);
    }

    private static void validate(Setting<?> setting, Object value) {
        String key = setting.key();
        if (key.equals(BIN_WIDTH.key()) && !(((Double) value) > 0 && Double.isFinite((Double) value))) {
            throw new IllegalArgumentException("binWidth must be positive and finite, got " + value);
        }
        if (key.equals(BIN_COUNT.key()) && (Integer) value < 1) {
            throw new IllegalArgumentException("binCount must be at least 1, got " + value);
        }
        if (key.equals(VOXEL_ARRAY_SHIFT.key()) && !Double.isFinite((Double) value)) {
            throw new IllegalArgumentException("voxelArrayShift must be finite, got " + value);
        }
        if (key.equals(LABEL.key()) && (Integer) value < 1) {
            throw new IllegalArgumentException("label must be at least 1, got " + value);
        }
        if (key.equals(CONVENTION.key())) {
            Convention.parse((String) value);
        }
        if (key.equals(RESEGMENT_RANGE.key()) && ((List<?>) value).size() > 2) {
            throw new IllegalArgumentException("resegmentRange has at most 2 values, got " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureSettings s && values.equals(s.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureSettings" + values;
    }
}
