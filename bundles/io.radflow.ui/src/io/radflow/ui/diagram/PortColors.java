package io.radflow.ui.diagram;

import io.radflow.ui.diagram.Geometry.Rgb;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Colour of a port square: the colour its port type declares ({@code color="#2E7D32"}), or, for
 * an unknown type or a malformed colour, one of a fixed palette chosen by the type id's hash so
 * that a type keeps its colour between sessions.
 */
public final class PortColors {

    static final List<Rgb> FALLBACK = List.of(new Rgb(0x6A, 0x1B, 0x9A), new Rgb(0x00, 0x83, 0x8F),
            new Rgb(0xEF, 0x6C, 0x00), new Rgb(0x45, 0x5A, 0x64), new Rgb(0xAD, 0x14, 0x57), new Rgb(0x28, 0x35, 0x93));

    private final Function<String, Optional<String>> declaredColor;

    /** @param declaredColor port type id to its declared {@code #RRGGBB} colour, if any */
    public PortColors(Function<String, Optional<String>> declaredColor) {
        this.declaredColor = declaredColor;
    }

    public Rgb color(String portTypeId) {
        Optional<String> hex = declaredColor.apply(portTypeId);
        if (hex.isPresent()) {
            try {
                return Rgb.parse(hex.get());
            } catch (IllegalArgumentException malformed) {
                // fall through to the palette
            }
        }
        return FALLBACK.get(Math.floorMod(portTypeId == null ? 0 : portTypeId.hashCode(), FALLBACK.size()));
    }
}
