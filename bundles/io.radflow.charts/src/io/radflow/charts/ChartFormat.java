package io.radflow.charts;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a chart exports to. */
public enum ChartFormat {
    /** Raster, JFreeChart's {@code ChartUtils}. */
    PNG,
    /** Vector, Apache Batik's SVG generator. */
    SVG,
    /** Vector, OpenPDF's {@code PdfGraphics2D}. */
    PDF;

    /** The file name extension without the dot, lower case. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a file name's extension (any case). */
    public static ChartFormat ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ChartFormat format : values()) {
            if (name.endsWith("." + format.extension())) {
                return format;
            }
        }
        throw new IllegalArgumentException("cannot export a chart to " + file + ": the name must end with .png, .svg or .pdf");
    }
}
