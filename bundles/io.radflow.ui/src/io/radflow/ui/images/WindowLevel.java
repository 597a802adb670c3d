package io.radflow.ui.images;

import java.util.List;
import java.util.Locale;

/**
 * A display window of CT numbers (HU): width W and centre (level) L, mapped to 8-bit grey with the
 * linear VOI function of DICOM PS3.3 section C.11.2.1.2.1: value x gives 0 when
 * x <= L - 0.5 - (W - 1) / 2, 255 when x > L - 0.5 + (W - 1) / 2, and otherwise
 * ((x - (L - 0.5)) / (W - 1) + 0.5) * 255, rounded to the nearest integer.
 *
 * <p>Presets: abdomen (soft tissue) W400 L50, lung W1500 L-600, bone W1800 L400 and liver W150 L30 are the
 * values of Radiopaedia's article "Windowing (CT)"; "Liver (contrast)" W150 L90 centres the same narrow
 * window on portal-venous liver parenchyma (about 90-110 HU, as in the demo cohort), our own choice.
 */
public record WindowLevel(String name, double width, double level) {

    public static final WindowLevel ABDOMEN = new WindowLevel("Abdomen", 400, 50);
    public static final WindowLevel LIVER = new WindowLevel("Liver", 150, 30);
    public static final WindowLevel LIVER_CONTRAST = new WindowLevel("Liver (contrast)", 150, 90);
    public static final WindowLevel LUNG = new WindowLevel("Lung", 1500, -600);
    public static final WindowLevel BONE = new WindowLevel("Bone", 1800, 400);

    /** The presets, in menu order. */
    public static final List<WindowLevel> PRESETS = List.of(ABDOMEN, LIVER_CONTRAST, LIVER, LUNG, BONE);

    public WindowLevel {
        if (!(width >= 1) || Double.isInfinite(width) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("window width must be at least 1 and the level finite, got W" + width
                    + " L" + level);
        }
    }

    /** A window from the lowest to the highest value of {@code values} (W >= 1). */
    public static WindowLevel fullRange(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new WindowLevel("Full range", 1, 0);
        }
        return new WindowLevel("Full range", Math.max(1, max - min + 1), (min + max + 1) / 2);
    }

    /** The 8-bit grey of value {@code x} (NaN is black). */
    public int gray(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double lower = level - 0.5 - (width - 1) / 2;
        double upper = level - 0.5 + (width - 1) / 2;
        if (x <= lower) {
            return 0;
        }
        if (x > upper) {
            return 255;
        }
        return (int) Math.round(((x - (level - 0.5)) / (width - 1) + 0.5) * 255);
    }

    /** "Abdomen W400 L50". */
    public String label() {
        return String.format(Locale.ROOT, "%s W%s L%s", name, trim(width), trim(level));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
