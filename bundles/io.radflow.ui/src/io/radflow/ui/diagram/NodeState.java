package io.radflow.ui.diagram;

import io.radflow.ui.diagram.Geometry.Rgb;

/**
 * How a node is drawn after (or during) a run; colours are Material-style tints. {@link #STALE}: the
 * node ran, but it or something upstream was edited since; {@link #MISSING}: no installed bundle
 * provides its node type.
 */
public enum NodeState {
    NOT_RUN(new Rgb(0xF5, 0xF7, 0xFA), new Rgb(0x78, 0x86, 0x9A)),
    STALE(new Rgb(0xE3, 0xF2, 0xFD), new Rgb(0x8D, 0x6E, 0x63)),
    MISSING(new Rgb(0xFC, 0xE4, 0xEC), new Rgb(0xAD, 0x14, 0x57)),
    RUNNING(new Rgb(0xFF, 0xF3, 0xC4), new Rgb(0xF5, 0x7F, 0x17)),
    SUCCEEDED(new Rgb(0xC8, 0xE6, 0xC9), new Rgb(0x2E, 0x7D, 0x32)),
    FAILED(new Rgb(0xFF, 0xCD, 0xD2), new Rgb(0xC6, 0x28, 0x28)),
    SKIPPED(new Rgb(0xEC, 0xEF, 0xF1), new Rgb(0x90, 0xA4, 0xAE)),
    CANCELED(new Rgb(0xEC, 0xEF, 0xF1), new Rgb(0x5D, 0x40, 0x37));

    /** Colour of the selection outline. */
    public static final Rgb SELECTION = new Rgb(0x15, 0x65, 0xC0);

    private final Rgb fill;
    private final Rgb border;

    NodeState(Rgb fill, Rgb border) {
        this.fill = fill;
        this.border = border;
    }

    public Rgb fill() {
        return fill;
    }

    public Rgb border() {
        return border;
    }

    /**
     * Maps an engine status name ({@code SUCCEEDED}, {@code FAILED}, {@code SKIPPED},
     * {@code CANCELED}) to a state; unknown or null names give {@link #NOT_RUN}.
     */
    public static NodeState ofStatusName(String status) {
        if (status == null) {
            return NOT_RUN;
        }
        for (NodeState s : values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        return NOT_RUN;
    }
}
