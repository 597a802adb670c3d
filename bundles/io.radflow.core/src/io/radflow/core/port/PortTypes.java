package io.radflow.core.port;

/** Ids of the port types that Radflow's own bundles contribute. */
public final class PortTypes {
    /** {@link io.radflow.core.data.Table}. */
    public static final String TABLE = "radflow.table";
    /** {@link io.radflow.core.data.Cohort}. */
    public static final String COHORT = "radflow.cohort";
    /** Kaplan-Meier curves with a log-rank test (stats bundle). */
    public static final String SURVIVAL_CURVES = "radflow.survivalCurves";
    /** A chart rendered as PNG and SVG (charts bundle). */
    public static final String FIGURE = "radflow.figure";

    private PortTypes() {
    }
}
