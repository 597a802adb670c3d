package io.radflow.features.texture;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Setting;
import io.radflow.features.texture.Directions.Direction;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * How a directional family (GLCM, GLRLM) builds and combines its matrices: the directions, the slices and
 * the weights, from PyRadiomics' settings ({@code force2D}, {@code force2Ddimension}, {@code weightingNorm})
 * or from IBSI's {@link TextureAggregation}. Immutable.
 *
 * <p>The matrices are built from a {@link LevelIndex} by a {@link MatrixBuilder} (one pass over the box per
 * direction and slice range) and handed to a sink one by one; the family computes its features per matrix
 * and averages them.
 *
 * @param aggregation which matrices are built and merged
 * @param directions  the directions (3D or in-plane)
 * @param sliceAxis   the axis across which slices are taken (2D and 2.5D aggregations), else -1
 * @param weights     the weight of each direction when directions are merged (1 unless {@code weightingNorm}
 *                    asks for distance weighting)
 */
record DirectionalAggregation(TextureAggregation aggregation, List<Direction> directions, int sliceAxis,
        double[] weights) {

    /** PyRadiomics' {@code force2D} (declared once for all texture families in {@link Neighbourhood}). */
    static final Setting<Boolean> FORCE_2D = Neighbourhood.FORCE_2D;
    /** PyRadiomics' {@code force2Ddimension}. */
    static final Setting<Integer> FORCE_2D_DIMENSION = Neighbourhood.FORCE_2D_DIMENSION;
    /** PyRadiomics' {@code weightingNorm}. */
    static final Setting<String> WEIGHTING_NORM = Setting.ofString("weightingNorm", null,
            "Distance weighting of the directional matrices, which are then summed before the features: "
                    + "manhattan, euclidean, infinity or no_weighting; absent: features averaged over directions.");

    /** Builds one matrix kind (co-occurrence, run length) from a {@link LevelIndex}. */
    interface MatrixBuilder {

        /** Number of entries of one matrix. */
        int size();

        /**
         * Adds {@code weight} times the matrix of direction {@code d} over the centre voxels in
         * {@code [lo, hi]} (box indices per axis, inclusive) to {@code target}.
         */
        void add(Direction d, int[] lo, int[] hi, double weight, double[] target);
    }

    /**
     * The aggregation the settings ask for.
     *
     * @param distances      neighbour distances (GLCM's {@code distances}; [1] for GLRLM and IBSI)
     * @param spacing        voxel spacing in mm (x, y, z), for distance weighting
     * @param weightOfLength the weight of a direction from its length under {@code weightingNorm}
     * @throws IllegalArgumentException for an unknown norm or aggregation, a family-less aggregation (2D, 2.5D,
     *                                  3D) or settings that contradict each other
     */
    static DirectionalAggregation of(FeatureSettings settings, List<Integer> distances, double[] spacing,
            DoubleUnaryOperator weightOfLength) {
        boolean force2D = settings.get(FORCE_2D);
        int sliceAxis = Directions.axisOfForce2Ddimension(settings.get(FORCE_2D_DIMENSION));
        String norm = settings.find(WEIGHTING_NORM).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !s.equals("none")).orElse(null);
        if (norm != null && !List.of("manhattan", "euclidean", "infinity", "no_weighting").contains(norm)) {
            throw new IllegalArgumentException("weightingNorm '" + norm
                    + "' is unknown; use manhattan, euclidean, infinity or no_weighting");
        }
        String aggregationText = settings.find(TextureAggregation.SETTING).filter(s -> !s.isBlank()).orElse(null);
        TextureAggregation aggregation;
        if (aggregationText == null) {
            aggregation = norm == null
                    ? (force2D ? TextureAggregation.TWO_FIVE_D_DIRECTION_MERGED : TextureAggregation.THREE_D_AVERAGED)
                    : (force2D ? TextureAggregation.TWO_FIVE_D_MERGED : TextureAggregation.THREE_D_MERGED);
        } else {
            aggregation = TextureAggregation.parse(aggregationText);
            if (norm != null) {
                throw new IllegalArgumentException("Set either textureAggregation ('" + aggregationText
                        + "') or weightingNorm ('" + norm + "'), not both");
            }
            if (force2D && !aggregation.inPlane()) {
                throw new IllegalArgumentException("force2D is set but textureAggregation '" + aggregationText
                        + "' is three-dimensional");
            }
        }
        if (aggregation == TextureAggregation.TWO_D || aggregation == TextureAggregation.TWO_FIVE_D
                || aggregation == TextureAggregation.THREE_D) {
            throw new IllegalArgumentException("textureAggregation '" + aggregation.ibsiLabel()
                    + "' is for families without directions; directional families use '2D, averaged', "
                    + "'2D, slice-merged', '2.5D, direction-merged', '2.5D, merged', '3D, averaged' or '3D, merged'");
        }
        List<Direction> directions = Directions.of(distances, aggregation.inPlane() ? sliceAxis : -1);
        double[] weights = new double[directions.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = norm == null || norm.equals("no_weighting") ? 1
                    : weightOfLength.applyAsDouble(directions.get(i).length(spacing, norm));
        }
        return new DirectionalAggregation(aggregation, directions, aggregation.inPlane() ? sliceAxis : -1, weights);
    }

    /** Receives each matrix; the array is the caller's to keep. */
    interface Sink {
        void accept(double[] matrix, String label);
    }

    /**
     * Builds the matrices of {@code index} and hands each non-empty one to {@code sink} (PyRadiomics drops
     * directions without any entry before averaging; IBSI's per-slice matrices of slices without ROI voxels do
     * not exist).
     *
     * @return the number of matrices handed over
     * @throws IllegalArgumentException when every matrix is empty (e.g. a one-voxel ROI has no neighbours)
     */
    int forEachMatrix(LevelIndex index, MatrixBuilder builder, Sink sink) {
        int[] size = index.size();
        int[] lo = {0, 0, 0};
        int[] hi = {size[0] - 1, size[1] - 1, size[2] - 1};
        int count = 0;
        switch (aggregation) {
            case THREE_D_AVERAGED, TWO_FIVE_D_DIRECTION_MERGED -> {
                for (Direction d : directions) {
                    double[] m = new double[builder.size()];
                    builder.add(d, lo, hi, 1, m);
                    count += emit(m, "direction " + d, sink);
                }
            }
            case THREE_D_MERGED, TWO_FIVE_D_MERGED -> {
                double[] m = new double[builder.size()];
                for (int i = 0; i < directions.size(); i++) {
                    builder.add(directions.get(i), lo, hi, weights[i], m);
                }
                count += emit(m, "merged", sink);
            }
            case TWO_D_AVERAGED, TWO_D_SLICE_MERGED -> {
                for (int s = 0; s < size[sliceAxis]; s++) {
                    int[] sliceLo = lo.clone();
                    int[] sliceHi = hi.clone();
                    sliceLo[sliceAxis] = s;
                    sliceHi[sliceAxis] = s;
                    if (aggregation == TextureAggregation.TWO_D_AVERAGED) {
                        for (Direction d : directions) {
                            double[] m = new double[builder.size()];
                            builder.add(d, sliceLo, sliceHi, 1, m);
                            count += emit(m, "slice " + s + ", direction " + d, sink);
                        }
                    } else {
                        double[] m = new double[builder.size()];
                        for (Direction d : directions) {
                            builder.add(d, sliceLo, sliceHi, 1, m);
                        }
                        count += emit(m, "slice " + s, sink);
                    }
                }
            }
            default -> throw new IllegalStateException("not a directional aggregation: " + aggregation);
        }
        if (count == 0) {
            throw new IllegalArgumentException("The ROI (" + index.voxelCount()
                    + " voxels) has no neighbouring voxel pair in any direction of " + aggregation.ibsiLabel());
        }
        return count;
    }

    private static int emit(double[] m, String label, Sink sink) {
        for (double v : m) {
            if (v != 0) {
                sink.accept(m, label);
                return 1;
            }
        }
        return 0;
    }

    /**
     * The box of a {@link GreyLevelVolume} with each ROI voxel's grey level replaced by its index among the
     * grey levels present (0-based; -1 outside the ROI), so matrices have one row per present level, as
     * PyRadiomics' after it deletes empty grey levels.
     *
     * @param size       box size (x, y, z)
     * @param index      level index per voxel, x fastest
     * @param greyLevels the grey levels present, ascending
     * @param voxelCount ROI voxels
     */
    record LevelIndex(int[] size, int[] index, int[] greyLevels, int voxelCount) {

        static LevelIndex of(GreyLevelVolume volume) {
            int[] levels = volume.levels();
            int[] present = volume.greyLevels();
            if (present.length == 0) {
                throw new IllegalArgumentException("The ROI has no voxel");
            }
            int[] lookup = new int[present[present.length - 1] + 1];
            for (int i = 0; i < present.length; i++) {
                lookup[present[i]] = i;
            }
            int[] index = new int[levels.length];
            for (int i = 0; i < levels.length; i++) {
                index[i] = levels[i] > 0 ? lookup[levels[i]] : -1;
            }
            return new LevelIndex(new int[] {volume.sizeX(), volume.sizeY(), volume.sizeZ()}, index, present,
                    volume.voxelCount());
        }

        int levelCount() {
            return greyLevels.length;
        }

        /** The greatest grey level present (PyRadiomics' {@code Ng}). */
        int maxLevel() {
            return greyLevels[greyLevels.length - 1];
        }
    }
}
