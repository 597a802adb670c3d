package io.radflow.features.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of voxel-based extraction, as PyRadiomics reads them from the {@code voxelSetting} section
 * ({@code radiomics/base.py}, {@code _initVoxelBasedCalculation} and {@code _calculateVoxels}).
 *
 * @param kernelRadius the kernel around each ROI voxel is the cube of side {@code 2 r + 1} voxels centred on it
 *                     (a square of that side in the plane with {@code force2D}), clipped to the image; at least 1
 *                     [PyRadiomics default 1]
 * @param maskedKernel true: the kernel is intersected with the ROI, and the ROI's intensities are discretised;
 *                     false: every kernel voxel counts, and the intensities of the ROI's bounding box padded by the
 *                     radius are discretised [true]
 * @param initValue    the map value outside the ROI and where a kernel's features cannot be computed; NaN allowed
 *                     [0]
 * @param voxelBatch   how many voxels one work unit computes (progress and cancellation are checked between
 *                     units); -1 for automatic [-1]. Unlike PyRadiomics, it does not change memory use much.
 */
public record VoxelSettings(int kernelRadius, boolean maskedKernel, double initValue, int voxelBatch) {

    /** The keys of the four settings in parameter files, in the order of the components. */
    public static final List<String> KEYS = List.of("kernelRadius", "maskedKernel", "initValue", "voxelBatch");

    public VoxelSettings {
        if (kernelRadius < 1) {
            throw new IllegalArgumentException("kernelRadius must be at least 1 (the kernel is a cube of side "
                    + "2 kernelRadius + 1), got " + kernelRadius);
        }
        if (voxelBatch == 0 || voxelBatch < -1) {
            throw new IllegalArgumentException("voxelBatch must be -1 (automatic) or at least 1, got " + voxelBatch);
        }
    }

    /** PyRadiomics' defaults: radius 1, masked kernel, 0 outside, automatic batches. */
    public static VoxelSettings defaults() {
        return new VoxelSettings(1, true, 0, -1);
    }

    /**
     * The voxel settings among {@code values} (a {@code setting} or {@code voxelSetting} section, node parameters);
     * other keys are ignored, missing ones take their defaults. {@code initValue} accepts numbers and {@code nan}.
     *
     * @throws IllegalArgumentException naming the setting whose value does not fit
     */
    public static VoxelSettings of(Map<String, ?> values) {
        VoxelSettings d = defaults();
        return new VoxelSettings(
                values.containsKey("kernelRadius") ? integer("kernelRadius", values.get("kernelRadius")) : d.kernelRadius,
                values.containsKey("maskedKernel") ? bool(values.get("maskedKernel")) : d.maskedKernel,
                values.containsKey("initValue") ? number(values.get("initValue")) : d.initValue,
                values.containsKey("voxelBatch") ? integer("voxelBatch", values.get("voxelBatch")) : d.voxelBatch);
    }

    private static int integer(String key, Object value) {
        String text = String.valueOf(value).trim();
        try {
            double d = Double.parseDouble(text);
            if (d != Math.rint(d)) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'");
        }
    }

    private static boolean bool(Object value) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("maskedKernel must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("nan") || text.equalsIgnoreCase(".nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("initValue must be a number or nan, got '" + text + "'");
        }
    }
}
