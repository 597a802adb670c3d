package io.radflow.ui.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How label maps (masks, ROIs) are drawn over a slice: a colour and visibility per label, one opacity
 * for filled labels, and whether to draw outlines (the label's border pixels, opaque) instead of fills.
 * Immutable; the {@code with...} methods return changed copies.
 */
public record OverlayStyle(List<LabelStyle> labels, double opacity, boolean outline) {

    /** Colour (0xRRGGBB) and visibility of one label value. */
    public record LabelStyle(int label, String name, int rgb, boolean visible) {
    }

    /** Liver (1, green), tumour (2, red), peritumoural ring (3, yellow): the demo cohort's labels plus a ring. */
    public static final OverlayStyle DEFAULT = new OverlayStyle(List.of(new LabelStyle(1, "Liver", 0x2CA02C, true),
            new LabelStyle(2, "Tumour", 0xE6194B, true), new LabelStyle(3, "Ring", 0xFFD700, true)), 0.4, false);

    public OverlayStyle {
        labels = List.copyOf(labels);
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("overlay opacity must lie in [0, 1], got " + opacity);
        }
    }

    /** The style of a label value, if it has one. */
    public Optional<LabelStyle> style(int label) {
        return labels.stream().filter(l -> l.label() == label).findFirst();
    }

    public OverlayStyle withOpacity(double value) {
        return new OverlayStyle(labels, value, outline);
    }

    public OverlayStyle withOutline(boolean value) {
        return new OverlayStyle(labels, opacity, value);
    }

    /** A copy with label {@code label} shown or hidden. */
    public OverlayStyle withVisible(int label, boolean visible) {
        List<LabelStyle> changed = new ArrayList<>();
        for (LabelStyle l : labels) {
            changed.add(l.label() == label ? new LabelStyle(l.label(), l.name(), l.rgb(), visible) : l);
        }
        return new OverlayStyle(changed, opacity, outline);
    }
}
