package io.radflow.ui.images;

/**
 * Turns a slice into RGB pixels: grey from the window ({@link WindowLevel#gray}), then each pixel of a
 * visible label blended with the label's colour, channel by channel,
 * {@code out = round((1 - a) * grey + a * colour)} with a = the overlay opacity; in outline mode only the
 * label's border pixels (a 4-neighbour with another label, or the slice edge) are painted, opaque.
 * Labels without a style, label 0 and hidden labels leave the grey unchanged.
 */
public final class SliceRenderer {

    private SliceRenderer() {
    }

    /** Packed 0xRRGGBB pixels of a rendered slice, row by row. */
    public record Rendered(int width, int height, int[] rgb) {
        public int pixel(int column, int row) {
            return rgb[row * width + column];
        }
    }

    /**
     * Renders {@code image}, overlaid with {@code labels} (may be null).
     *
     * @throws IllegalArgumentException when the label slice has another size
     */
    public static Rendered render(Slice image, Slice labels, WindowLevel window, OverlayStyle style) {
        int w = image.width();
        int h = image.height();
        if (labels != null && (labels.width() != w || labels.height() != h)) {
            throw new IllegalArgumentException("the mask slice is " + labels.width() + " x " + labels.height()
                    + ", the image slice " + w + " x " + h + ": the mask lies on another grid");
        }
        double[] values = image.values();
        double[] labelValues = labels == null ? null : labels.values();
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int g = window.gray(values[i]);
            int pixel = (g << 16) | (g << 8) | g;
            if (labelValues != null) {
                int label = (int) Math.round(labelValues[i]);
                if (label != 0) {
                    OverlayStyle.LabelStyle ls = style.style(label).orElse(null);
                    if (ls != null && ls.visible()) {
                        if (!style.outline()) {
                            pixel = blend(pixel, ls.rgb(), style.opacity());
                        } else if (isBorder(labelValues, w, h, i % w, i / w, label)) {
                            pixel = ls.rgb();
                        }
                    }
                }
            }
            rgb[i] = pixel;
        }
        return new Rendered(w, h, rgb);
    }

    /** Channel-wise {@code round((1 - a) * base + a * colour)}. */
    public static int blend(int base, int colour, double a) {
        int r = (int) Math.round((1 - a) * ((base >> 16) & 0xFF) + a * ((colour >> 16) & 0xFF));
        int g = (int) Math.round((1 - a) * ((base >> 8) & 0xFF) + a * ((colour >> 8) & 0xFF));
        int b = (int) Math.round((1 - a) * (base & 0xFF) + a * (colour & 0xFF));
        return (r << 16) | (g << 8) | b;
    }

    private static boolean isBorder(double[] labels, int w, int h, int x, int y, int label) {
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
            return true;
        }
        return Math.round(labels[y * w + x - 1]) != label || Math.round(labels[y * w + x + 1]) != label
                || Math.round(labels[(y - 1) * w + x]) != label || Math.round(labels[(y + 1) * w + x]) != label;
    }
}
