package io.radflow.features.texture;

import io.radflow.features.Setting;

import java.util.Locale;

/**
 * IBSI-1's texture aggregation methods (IBSI-1 section 3.1.1 and figure 3.2): over which voxels a matrix is
 * built (per slice, 2D; over all slices with in-plane neighbours, 2.5D; over the volume, 3D) and how matrices
 * and features are combined across slices and directions.
 *
 * <p>Directional families (GLCM, GLRLM) use all six; families without directions (GLSZM, GLDZM, NGTDM, NGLDM,
 * GLDM) use {@link #TWO_D} (one matrix per slice, features averaged over slices), {@link #TWO_FIVE_D} (slice
 * matrices merged) and {@link #THREE_D}.
 *
 * <p>PyRadiomics' own behaviour corresponds to: 3D, per-direction features averaged ({@link #THREE_D_AVERAGED})
 * with {@code weightingNorm} None; {@code force2D} builds in-plane directional matrices over all slices
 * ({@link #TWO_FIVE_D_DIRECTION_MERGED}); {@code weightingNorm no_weighting} sums the directional matrices
 * before the features ({@link #THREE_D_MERGED}).
 */
public enum TextureAggregation {

    /** Per slice and direction; features averaged over both ("2D, averaged"; IBSI BTW3). */
    TWO_D_AVERAGED("2D, averaged"),
    /** Per slice, directions merged into one matrix; features averaged over slices ("2D, slice-merged"; SUJT). */
    TWO_D_SLICE_MERGED("2D, slice-merged"),
    /** Per direction over all slices (in-plane neighbours); features averaged over directions (JJUI). */
    TWO_FIVE_D_DIRECTION_MERGED("2.5D, direction-merged"),
    /** One matrix over all slices and in-plane directions ("2.5D, merged"; ZW7Z). */
    TWO_FIVE_D_MERGED("2.5D, merged"),
    /** Per 3D direction over the volume; features averaged over directions ("3D, averaged"; ITBB). */
    THREE_D_AVERAGED("3D, averaged"),
    /** One matrix over the volume and all 13 directions ("3D, merged"; IAZD). */
    THREE_D_MERGED("3D, merged"),
    /** Families without directions: one matrix per slice, features averaged over slices ("2D"; 8QNN). */
    TWO_D("2D"),
    /** Families without directions: slice matrices merged ("2.5D"; 62GR). */
    TWO_FIVE_D("2.5D"),
    /** Families without directions: one matrix over the volume ("3D"; KOBO). */
    THREE_D("3D");

    /**
     * Setting {@code textureAggregation}: absent means PyRadiomics' behaviour (see the class comment), else one
     * of the constant names or IBSI labels, e.g. {@code "2.5D, merged"}.
     */
    public static final Setting<String> SETTING = Setting.ofString("textureAggregation", null,
            "IBSI texture aggregation, e.g. '3D, averaged', '2D, slice-merged', '2.5D'; absent: PyRadiomics' "
                    + "behaviour (3D averaged over directions, or in-plane with force2D).");

    private final String ibsiLabel;

    TextureAggregation(String ibsiLabel) {
        this.ibsiLabel = ibsiLabel;
    }

    /** The label IBSI uses in brackets after the family name, e.g. {@code 2D, slice-merged}. */
    public String ibsiLabel() {
        return ibsiLabel;
    }

    /** Whether matrices are built per slice with in-plane neighbours only. */
    public boolean inPlane() {
        return this != THREE_D_AVERAGED && this != THREE_D_MERGED && this != THREE_D;
    }

    /** Parses a constant name or an IBSI label (case-insensitive). */
    public static TextureAggregation parse(String text) {
        String t = text.trim();
        for (TextureAggregation a : values()) {
            if (a.name().equalsIgnoreCase(t) || a.ibsiLabel.equalsIgnoreCase(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown texture aggregation '" + text + "'; use one of "
                + java.util.Arrays.stream(values()).map(a -> "'" + a.ibsiLabel + "'").toList());
    }

    @Override
    public String toString() {
        return ibsiLabel.toLowerCase(Locale.ROOT);
    }
}
