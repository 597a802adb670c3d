package io.radflow.features.texture;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Setting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A voxel neighbourhood of the families without directions (GLSZM, GLDZM, NGTDM, NGLDM, GLDM): the offsets
 * {@code m = (dx, dy, dz)} around a centre voxel, either in 3D or in the plane perpendicular to one axis
 * (2D / 2.5D), and the settings that choose it. Immutable.
 *
 * <ul>
 * <li>{@link #chebyshev} - all offsets with {@code max(|dx|, |dy|, |dz|)} in the distances: 26 neighbours in
 * 3D and 8 in-plane for distance 1 (zone linkage of GLSZM/GLDZM, NGTDM, NGLDM/GLDM; PyRadiomics'
 * {@code distances} and IBSI's Chebyshev distance delta).</li>
 * <li>{@link #faceConnected} - the 6 (3D) or 4 (in-plane) face neighbours: the connectedness of the GLDZM
 * distance to the ROI edge (IBSI-1 3.9).</li>
 * </ul>
 *
 * <p>Axes are numbered x = 0, y = 1, z = 2. PyRadiomics' {@code force2Ddimension} numbers numpy axes of the
 * (z, y, x) array, so {@code force2Ddimension} 0 (axial) excludes z: {@code excludedAxis = 2 - force2Ddimension}.
 */
public final class Neighbourhood {

    /** PyRadiomics {@code force2D}: in-plane neighbourhoods only. */
    public static final Setting<Boolean> FORCE_2D = Setting.ofBoolean("force2D", false,
            "Compute texture matrices in-plane only (PyRadiomics force2D): one matrix over all slices, "
                    + "neighbours within the slice.");
    /** PyRadiomics {@code force2Ddimension}: the numpy axis (0 = z, 1 = y, 2 = x) perpendicular to the planes. */
    public static final Setting<Integer> FORCE_2D_DIMENSION = Setting.ofInt("force2Ddimension", 0,
            "Axis perpendicular to the slices for force2D and IBSI 2D/2.5D aggregation: 0 axial (z), 1 coronal (y), "
                    + "2 sagittal (x), as PyRadiomics numbers the (z, y, x) array.");
    /** PyRadiomics {@code distances}: Chebyshev distances of the neighbourhood of NGTDM and GLDM/NGLDM. */
    public static final Setting<List<Integer>> DISTANCES = Setting.ofIntList("distances", List.of(1),
            "Chebyshev (infinity-norm) distances between the centre voxel and its neighbours (PyRadiomics distances; "
                    + "IBSI delta).");

    private final int[] offsets;
    private final int excludedAxis;
    private final int reach;

    private Neighbourhood(List<int[]> offsets, int excludedAxis) {
        this.offsets = new int[offsets.size() * 3];
        int r = 0;
        for (int k = 0; k < offsets.size(); k++) {
            for (int a = 0; a < 3; a++) {
                this.offsets[3 * k + a] = offsets.get(k)[a];
                r = Math.max(r, Math.abs(offsets.get(k)[a]));
            }
        }
        this.excludedAxis = excludedAxis;
        this.reach = r;
    }

    /**
     * All offsets whose Chebyshev norm is one of {@code distances} and whose component along
     * {@code excludedAxis} is 0 ({@code -1}: 3D).
     */
    public static Neighbourhood chebyshev(List<Integer> distances, int excludedAxis) {
        checkAxis(excludedAxis);
        if (distances.isEmpty()) {
            throw new IllegalArgumentException("distances is empty; give at least one distance >= 1");
        }
        int max = 0;
        for (int d : distances) {
            if (d < 1) {
                throw new IllegalArgumentException("distances must be >= 1, got " + distances);
            }
            max = Math.max(max, d);
        }
        List<int[]> offsets = new ArrayList<>();
        for (int dz = -max; dz <= max; dz++) {
            for (int dy = -max; dy <= max; dy++) {
                for (int dx = -max; dx <= max; dx++) {
                    int[] m = {dx, dy, dz};
                    int norm = Math.max(Math.abs(dx), Math.max(Math.abs(dy), Math.abs(dz)));
                    if (norm > 0 && distances.contains(norm) && (excludedAxis < 0 || m[excludedAxis] == 0)) {
                        offsets.add(m);
                    }
                }
            }
        }
        return new Neighbourhood(offsets, excludedAxis);
    }

    /** Chebyshev distance 1: 26 neighbours in 3D, 8 in-plane. */
    public static Neighbourhood chebyshev1(int excludedAxis) {
        return chebyshev(List.of(1), excludedAxis);
    }

    /** The face neighbours: 6 in 3D, 4 in-plane (Manhattan distance 1). */
    public static Neighbourhood faceConnected(int excludedAxis) {
        checkAxis(excludedAxis);
        List<int[]> offsets = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            if (a != excludedAxis) {
                for (int s = -1; s <= 1; s += 2) {
                    int[] m = new int[3];
                    m[a] = s;
                    offsets.add(m);
                }
            }
        }
        return new Neighbourhood(offsets, excludedAxis);
    }

    private static void checkAxis(int axis) {
        if (axis < -1 || axis > 2) {
            throw new IllegalArgumentException("excluded axis must be -1 (3D), 0 (x), 1 (y) or 2 (z), got " + axis);
        }
    }

    /** Number of neighbours (offsets). */
    public int size() {
        return offsets.length / 3;
    }

    /** Offset {@code k} as {@code {dx, dy, dz}}. */
    public int[] offset(int k) {
        return new int[] {offsets[3 * k], offsets[3 * k + 1], offsets[3 * k + 2]};
    }

    /** The axis perpendicular to the plane of an in-plane neighbourhood (0 x, 1 y, 2 z), or -1 in 3D. */
    public int excludedAxis() {
        return excludedAxis;
    }

    /** The largest offset component (the padding {@link #pad} adds). */
    public int reach() {
        return reach;
    }

    /**
     * The grey levels of {@code volume} padded with {@link #reach()} zeros on every side, so that every
     * neighbour of an ROI voxel is an array element: neighbour {@code k} of padded index {@code p} is
     * {@code p + linearOffsets[k]}, and 0 means outside the ROI.
     */
    public Padded pad(GreyLevelVolume volume) {
        return pad(volume.levels(), volume.sizeX(), volume.sizeY(), volume.sizeZ());
    }

    /** As {@link #pad(GreyLevelVolume)} for any box of values ({@code x} fastest, 0 outside). */
    public Padded pad(int[] values, int sizeX, int sizeY, int sizeZ) {
        int p = reach;
        int px = sizeX + 2 * p;
        int py = sizeY + 2 * p;
        int pz = sizeZ + 2 * p;
        int[] padded = new int[px * py * pz];
        for (int z = 0; z < sizeZ; z++) {
            for (int y = 0; y < sizeY; y++) {
                System.arraycopy(values, sizeX * (y + sizeY * z), padded, p + px * (y + p + py * (z + p)), sizeX);
            }
        }
        int[] linear = new int[size()];
        for (int k = 0; k < linear.length; k++) {
            linear[k] = offsets[3 * k] + px * (offsets[3 * k + 1] + py * offsets[3 * k + 2]);
        }
        return new Padded(padded, sizeX, sizeY, sizeZ, p, linear);
    }

    /**
     * Values of a box padded by {@code pad} on every side. {@link #index} maps box coordinates to padded
     * indices. The arrays are shared, not copied: treat them as read-only unless you made this instance.
     *
     * @param values        padded values, x fastest
     * @param sizeX         box size (unpadded)
     * @param sizeY         box size (unpadded)
     * @param sizeZ         box size (unpadded)
     * @param pad           padding on each side
     * @param linearOffsets neighbour offsets as differences of padded indices
     */
    public record Padded(int[] values, int sizeX, int sizeY, int sizeZ, int pad, int[] linearOffsets) {

        /** Padded index of box voxel {@code (x, y, z)}. */
        public int index(int x, int y, int z) {
            int px = sizeX + 2 * pad;
            int py = sizeY + 2 * pad;
            return (x + pad) + px * ((y + pad) + py * (z + pad));
        }
    }

    /**
     * How a family without directions builds its matrices, from the settings: IBSI's {@code textureAggregation}
     * {@link TextureAggregation#TWO_D} (one matrix per slice, features averaged over slices),
     * {@link TextureAggregation#TWO_FIVE_D} (in-plane neighbourhoods, slice matrices merged, which is one matrix
     * over the volume) or {@link TextureAggregation#THREE_D}. Without {@code textureAggregation} it is PyRadiomics'
     * behaviour: 3D, or 2.5D with {@code force2D}. Slices are perpendicular to {@code sliceAxis}
     * ({@code 2 - force2Ddimension}; z by default).
     *
     * @param aggregation one of TWO_D, TWO_FIVE_D, THREE_D
     * @param sliceAxis   axis perpendicular to the slices (0 x, 1 y, 2 z)
     */
    public record Scope(TextureAggregation aggregation, int sliceAxis) {

        public Scope {
            if (aggregation != TextureAggregation.TWO_D && aggregation != TextureAggregation.TWO_FIVE_D
                    && aggregation != TextureAggregation.THREE_D) {
                throw new IllegalArgumentException("Texture aggregation '" + aggregation.ibsiLabel() + "' needs "
                        + "directions; families without directions take '2D', '2.5D' or '3D'");
            }
            if (sliceAxis < 0 || sliceAxis > 2) {
                throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + sliceAxis);
            }
        }

        /** The scope that {@code settings} ask for ({@code force2D}, {@code force2Ddimension}, {@code textureAggregation}). */
        public static Scope of(FeatureSettings settings) {
            int dimension = settings.get(FORCE_2D_DIMENSION);
            if (dimension < 0 || dimension > 2) {
                throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, got " + dimension);
            }
            int axis = 2 - dimension;
            String aggregation = settings.find(TextureAggregation.SETTING).orElse(null);
            if (aggregation == null || aggregation.isBlank()) {
                return new Scope(settings.get(FORCE_2D) ? TextureAggregation.TWO_FIVE_D : TextureAggregation.THREE_D,
                        axis);
            }
            return new Scope(TextureAggregation.parse(aggregation), axis);
        }

        /** The axis that neighbourhoods exclude: the slice axis in 2D and 2.5D, -1 in 3D. */
        public int excludedAxis() {
            return aggregation == TextureAggregation.THREE_D ? -1 : sliceAxis;
        }

        /** Whether features are computed per slice and averaged. */
        public boolean perSlice() {
            return aggregation == TextureAggregation.TWO_D;
        }

        /**
         * The slice indices along {@link #sliceAxis} that hold ROI voxels of {@code volume}, ascending; only
         * meaningful for {@link #perSlice()}.
         */
        public int[] occupiedSlices(GreyLevelVolume volume) {
            int[] size = {volume.sizeX(), volume.sizeY(), volume.sizeZ()};
            boolean[] occupied = new boolean[size[sliceAxis]];
            int[] c = new int[3];
            for (c[2] = 0; c[2] < size[2]; c[2]++) {
                for (c[1] = 0; c[1] < size[1]; c[1]++) {
                    for (c[0] = 0; c[0] < size[0]; c[0]++) {
                        if (volume.level(c[0], c[1], c[2]) > 0) {
                            occupied[c[sliceAxis]] = true;
                        }
                    }
                }
            }
            int n = 0;
            int[] out = new int[occupied.length];
            for (int s = 0; s < occupied.length; s++) {
                if (occupied[s]) {
                    out[n++] = s;
                }
            }
            return Arrays.copyOf(out, n);
        }

        /** Slice {@code index} of a box of values (x fastest) as a box of thickness 1 along the slice axis. */
        public int[] slice(int[] values, int sizeX, int sizeY, int sizeZ, int index) {
            int[] size = {sizeX, sizeY, sizeZ};
            int[] sliced = size.clone();
            sliced[sliceAxis] = 1;
            int[] out = new int[sliced[0] * sliced[1] * sliced[2]];
            int[] c = new int[3];
            for (c[2] = 0; c[2] < sliced[2]; c[2]++) {
                for (c[1] = 0; c[1] < sliced[1]; c[1]++) {
                    for (c[0] = 0; c[0] < sliced[0]; c[0]++) {
                        int[] src = c.clone();
                        src[sliceAxis] = index;
                        out[c[0] + sliced[0] * (c[1] + sliced[1] * c[2])] = values[src[0] + sizeX * (src[1] + sizeY * src[2])];
                    }
                }
            }
            return out;
        }

        /** Slice {@code index} of {@code volume} as a volume of thickness 1 along the slice axis. */
        public GreyLevelVolume slice(GreyLevelVolume volume, int index) {
            int[] size = {volume.sizeX(), volume.sizeY(), volume.sizeZ()};
            size[sliceAxis] = 1;
            return GreyLevelVolume.of(size[0], size[1], size[2], volume.spacing(),
                    slice(volume.levels(), volume.sizeX(), volume.sizeY(), volume.sizeZ(), index));
        }
    }
}
